/// Golden-section search for the maximum of a function of one variable on `[lower, upper]`.
///
/// Exact for unimodal functions up to `(upper − lower)·0.618^iterations`; on others it finds a local maximum.
/// Cost: `iterations + 2` evaluations.
enum GoldenSection {
    static func maximise(_ f: (Double) -> Double, lower: Double, upper: Double, iterations: Int = 80) -> (x: Double, value: Double) {
        let g = 0.618_033_988_749_894_8
        var a = lower, b = upper
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = f(c), fd = f(d)
        for _ in 0..<iterations {
            if fc >= fd {
                b = d; d = c; fd = fc
                c = b - g * (b - a); fc = f(c)
            } else {
                a = c; c = d; fc = fd
                d = a + g * (b - a); fd = f(d)
            }
        }
        var best = fc >= fd ? (c, fc) : (d, fd)
        for edge in [lower, upper] {
            let v = f(edge)
            if v > best.1 { best = (edge, v) }
        }
        return best
    }
}
