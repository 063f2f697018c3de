/// The random walk with drift, the naive baseline every skill score is measured against.
///
/// From a window `y₁…yₙ` of consecutive steps: drift `d = (yₙ − y₁)/(n − 1)`, `σ` the standard deviation of the
/// one-step differences, and at step `h` the normal forecast with mean `yₙ + h d` and standard deviation
/// `σ √(h (1 + h/(n − 1)))` (the drift's own uncertainty included, as in Hyndman & Athanasopoulos, *FPP3* §5.5).
/// Works on whatever scale it is given (the data scale in the calibration study).
public struct RandomWalkDrift: Sendable, Equatable {
    /// Last value, drift per step and the one-step standard deviation.
    public let last: Double, drift: Double, sigma: Double
    /// Number of differences the drift was estimated from.
    public let differences: Int

    /// The baseline from a window of at least two consecutive values (nil with fewer).
    public init?(window y: [Double]) {
        guard y.count >= 2 else { return nil }
        let k = y.count - 1
        last = y[k]
        drift = (y[k] - y[0]) / Double(k)
        differences = k
        if k >= 2 {
            var ss = 0.0
            for i in 1...k { let e = y[i] - y[i - 1] - drift; ss += e * e }
            sigma = (ss / Double(k - 1)).squareRoot()
        } else {
            sigma = abs(drift)
        }
    }

    /// Quantiles at step `h`.
    public func quantiles(horizon h: Int, levels: [Double]) -> [Double] {
        let hh = Double(h)
        let sd = sigma * (hh * (1 + hh / Double(differences))).squareRoot()
        return levels.map { last + hh * drift + sd * StandardNormal.quantile($0) }
    }
}
