import AttainData

/// A series laid on the time grid that ends at a forecast origin: step `k` back from the origin holds the value of
/// the period `k · step` periods earlier, if observed. Only data up to the origin is ever read.
struct OriginGrid: Sendable {
    /// Values by steps back from the origin (index 0 is the origin); nil where unobserved.
    let values: [Double?]
    /// The denominators of a counted share's values, where given (nil elsewhere, and for other kinds).
    let denominators: [Double?]

    /// The grid of `series` ending at `origin`, `step` periods apart, at most `limit` steps long (nil: all).
    /// Observations of another frequency or off the grid are left out (`offGrid` counts them).
    init(_ series: Series, origin: Period, step: Int, limit: Int? = nil) {
        var back = [Int: Double](), counted = [Int: Double]()
        var deepest = -1
        for o in series.observations where o.period <= origin && o.period.frequency == origin.frequency {
            let distance = o.period.distance(to: origin)
            guard distance % step == 0 else { continue }
            let k = distance / step
            if let limit, k >= limit { continue }
            back[k] = Self.value(of: o, kind: series.kind)
            counted[k] = series.kind == .share && o.numerator != nil ? o.denominator.flatMap { $0 > 0 ? $0 : nil } : nil
            deepest = max(deepest, k)
        }
        values = deepest < 0 ? [] : (0...deepest).map { back[$0] }
        denominators = deepest < 0 ? [] : (0...deepest).map { counted[$0] }
    }

    /// The value the latent scale sees: a share counted as exactly 0 of `n` or `n` of `n` (a small zone where every
    /// enterprise has a union) becomes `(x + ½)/(n + 1)`, the usual continuity correction, since its logit would be
    /// infinite and a trend through it would claim certainty; every other value is used as it is.
    static func value(of o: Observation, kind: IndicatorKind) -> Double {
        guard kind == .share, let x = o.numerator, let n = o.denominator, n > 0, x <= 0 || x >= n else { return o.value }
        return (min(max(x, 0), n) + 0.5) / (n + 1)
    }

    /// The greatest common divisor of the spacings between consecutive observations up to `origin`, over all
    /// `series` (1 when no series has two observations): 5 for data every 5 years.
    static func step(of series: [Series], through origin: Period) -> Int {
        var g = 0
        for s in series {
            var previous: Period?
            for o in s.observations where o.period <= origin && o.period.frequency == origin.frequency {
                if let p = previous { g = gcd(g, p.distance(to: o.period)) }
                previous = o.period
            }
        }
        return max(g, 1)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
}
