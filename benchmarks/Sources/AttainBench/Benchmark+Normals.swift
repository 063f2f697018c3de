import Attain

extension Benchmark {
    /// Standard normal draws into a fresh array of `count` doubles, as `numpy.random.default_rng(seed).standard_normal(count)`.
    static let normals = Benchmark(
        name: "normals",
        summary: "standard normal draws into a new array (peer: numpy standard_normal)"
    ) { options in
        var rng = Xoshiro256StarStar(seed: options.seed)
        var checksum = 0.0
        let timing = measure(repeats: options.repeats) {
            // A local copy keeps the generator's state in registers (a captured `var` lives in a heap box).
            var local = rng
            let draws = [Double](unsafeUninitializedCapacity: options.count) { buffer, initialized in
                for i in 0..<buffer.count { buffer[i] = local.normal() }
                initialized = buffer.count
            }
            rng = local
            checksum += draws[draws.count / 2]
        }
        precondition(checksum.isFinite)
        report("normals", work: options.count, timing: timing, unit: "draws", repeats: options.repeats)
    }
}
