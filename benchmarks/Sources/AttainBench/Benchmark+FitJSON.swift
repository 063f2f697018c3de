import Attain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Benchmark {
    /// Writing `attain fit`'s JSON document: `count` noisy logistic series of 8–40 annual points (drawn as
    /// `peers/make_logistic_series.py` describes them, with Attain's own generator) are fitted once, untimed; then the
    /// whole document is written by ``FitJSON`` into memory, pieces discarded as the command would hand them to a file.
    /// Reports bytes of JSON per second (MB/s = 10⁶ bytes/s).
    static let fitJSON = Benchmark(
        name: "fit-json",
        summary: "attain fit's JSON writer on fitted logistic series (bytes/s; no peer)"
    ) { options in
        var rng = Xoshiro256StarStar(seed: options.seed)
        var series: [Series] = []
        for k in 0..<options.count {
            let n = 8 + Int(rng.next() % 33)
            let K = 50 + 4950 * rng.uniform(), r = 0.15 + 1.05 * rng.uniform()
            let t0 = (0.2 + 0.6 * rng.uniform()) * Double(n - 1), c = 0.005 + 0.035 * rng.uniform()
            let values = (0..<n).map { i -> Double in
                let y = K / (1 + exp(-r * (Double(i) - t0))) + rng.normal() * c * K
                return max(y, 0.001 * K)
            }
            series.append(Series(unit: "s" + String(k + 1), indicator: "x", kind: .level, firstYear: 1990, values: values))
        }
        let fits = FitBatch.fit(series, choice: .curve(CurveSpec(.logistic)), threads: SimulationEngine.defaultThreads)
        var bytes = 0
        let timing = measure(repeats: options.repeats) {
            var written = 0
            FitJSON.write(fits) { written += $0.count }
            bytes = written
        }
        report("fit-json", work: bytes, timing: timing, unit: "bytes", repeats: options.repeats)
        print(String(format: "fit-json: %.1f MB of JSON for %d series; %.0f MB/s wall-clock, %.0f MB/s CPU time",
                     Double(bytes) / 1e6, options.count, Double(bytes) / timing.wallSeconds / 1e6, Double(bytes) / timing.cpuSeconds / 1e6))
    }
}
