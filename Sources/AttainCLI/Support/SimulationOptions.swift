import ArgumentParser

/// `--paths`, `--seed` and `--threads`, shared by every command that simulates.
///
/// Results depend on the paths and the seed only: the same seed gives the same numbers whatever `--threads` is.
struct SimulationOptions: ParsableArguments {
    /// The default number of Monte Carlo paths: Monte Carlo standard error ≤ 0.005 on any probability.
    static let defaultPaths = 10_000
    /// The default seed, so that a command run twice prints the same numbers.
    static let defaultSeed: UInt64 = 42

    @Option(name: .long, help: ArgumentHelp(
        "Number of simulated paths. The Monte Carlo standard error of a probability is at most 0.5/√paths "
            + "(0.005 at the default).", valueName: "n"))
    var paths: Int = SimulationOptions.defaultPaths

    @Option(name: .long, help: ArgumentHelp(
        "Random seed. The same seed and paths give the same numbers on any machine and thread count.",
        valueName: "seed"))
    var seed: UInt64 = SimulationOptions.defaultSeed

    @OptionGroup var threadsOption: ThreadsOption

    /// The thread count to use: `--threads`, else the number of online processors.
    var resolvedThreads: Int { threadsOption.resolved }

    func validate() throws {
        guard paths >= 1 else {
            throw ValidationError("--paths must be at least 1 (got \(paths)); 10000 is a good default.")
        }
        guard paths <= 100_000_000 else {
            throw ValidationError("--paths \(paths) is more than 100 million; 10000–100000 already gives "
                                  + "probabilities to ±0.005–0.0016.")
        }
    }
}
