/// A normal prior `N(mean, standardDeviation²)` on one model parameter.
///
/// GLM fits use it as a ridge penalty (penalised IRLS): the prior adds `1/sd²` to the parameter's information and
/// pulls the estimate toward `mean`. Pooling builds them from sister units (``GroupPrior``).
public struct NormalPrior: Sendable, Equatable {
    /// Prior mean.
    public var mean: Double
    /// Prior standard deviation (positive; infinite means flat).
    public var standardDeviation: Double

    public init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// `1/sd²`: zero for a flat (infinite) prior, very large for a point prior (`sd = 0`).
    var precision: Double {
        guard standardDeviation.isFinite, standardDeviation > 0 else { return standardDeviation == 0 ? 1e12 : 0 }
        return 1 / (standardDeviation * standardDeviation)
    }
}
