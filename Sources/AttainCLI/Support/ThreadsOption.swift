import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--threads`, shared by every command that works in parallel. Results never depend on it.
struct ThreadsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Worker threads (default: all cores). Does not change the results, only the time taken.",
        valueName: "n"))
    var threads: Int?

    /// The thread count to use: `--threads`, else the number of online processors.
    var resolved: Int {
        if let threads { return threads }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    func validate() throws {
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1 (got \(threads)); leave it out to use all cores.")
        }
    }
}
