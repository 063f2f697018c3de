import Attain
import Foundation

extension Benchmark {
    /// Where the baseline simulation's time goes: each indicator's process on its own (one thread, paths discarded),
    /// then all processes, all processes with the target tallies, and all processes with the fan sketches (the
    /// differences are the accumulators' costs). Per-path nanoseconds of CPU time, medians of repeats.
    static let simulateParts = Benchmark(
        name: "simulate-parts",
        summary: "per-indicator process cost and accumulator cost of the baseline simulation (one thread)"
    ) { options in
        let study = try PlanStudy.load(path: baselinePath)
        let model = study.model
        // SIMULATE_PARTS_ONLY=<indicator> times that process alone (for a profiler).
        let only = ProcessInfo.processInfo.environment["SIMULATE_PARTS_ONLY"]
        for (i, ind) in model.indicators.enumerated() where only == nil || only == ind.name {
            var alone = model
            alone.indicators = model.indicators.enumerated().map { j, other in
                var o = other
                if j != i { o.firstSimulated = o.observed.count }
                return o
            }
            let t = measure(repeats: options.repeats) {
                _ = SimulationEngine.run([alone], paths: options.count, seed: options.seed, threads: 1, accumulator: NoSummary())
            }
            print(String(format: "process %@ %7.1f ns/path", ind.name.padding(toLength: 32, withPad: " ", startingAt: 0) as NSString, t.cpuSeconds / Double(options.count) * 1e9))
        }
        if only != nil { return }
        let none = measure(repeats: options.repeats) {
            _ = SimulationEngine.run([model], paths: options.count, seed: options.seed, threads: 1, accumulator: NoSummary())
        }
        print(String(format: "all processes                            %7.1f ns/path", none.cpuSeconds / Double(options.count) * 1e9))
        let tally = measure(repeats: options.repeats) {
            _ = SimulationEngine.run([model], paths: options.count, seed: options.seed, threads: 1,
                                     accumulator: TargetTally(targets: study.targets, modelCount: 1))
        }
        print(String(format: "+ tallies                                %7.1f ns/path", tally.cpuSeconds / Double(options.count) * 1e9))
        let fan = measure(repeats: options.repeats) {
            _ = SimulationEngine.run([model], paths: options.count, seed: options.seed, threads: 1, accumulator: FanSketch(models: [model]))
        }
        print(String(format: "+ fan                                    %7.1f ns/path", fan.cpuSeconds / Double(options.count) * 1e9))
    }
}

/// Discards every path.
struct NoSummary: PathAccumulator {
    mutating func add(_ paths: SimulatedPaths) {}
    mutating func merge(_ other: NoSummary) {}
}
