import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ParsableCommand {
    /// Parses the process's arguments and runs the chosen subcommand, exiting with Attain's documented codes.
    ///
    /// Like ArgumentParser's `main()`, except that usage errors (unknown flags, bad values, a failed
    /// `validate()`) exit with code 2, as the command-line contract says, rather than ArgumentParser's 64.
    /// `--help`, `--version` and `--generate-completion-script` exit 0.
    static func mainWithAttainExitCodes(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            processExit(0)
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            Console.errorRaw(fullMessage(for: error) + "\n")
            processExit(2)
        }
    }
}

/// Ends the process with `code` (the C library's `exit`, which the `ParsableCommand` method of that name shadows).
func processExit(_ code: Int32) -> Never {
    exit(code)
}
