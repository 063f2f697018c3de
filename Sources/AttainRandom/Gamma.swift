extension Xoshiro256StarStar {
    /// A standard exponential draw (rate 1), `−log U` with `U` uniform on (0, 1).
    @inlinable
    public mutating func exponential() -> Double {
        -_ln(uniformOpen())
    }

    /// A gamma draw with the given shape `k` and scale `θ` (mean `kθ`, variance `kθ²`), by Marsaglia & Tsang (2000).
    ///
    /// For `shape ≥ 1`: squeeze-and-reject on a cubed normal, about 1.03 normals per draw on average. For `shape < 1`:
    /// `Gamma(shape + 1) · U^(1/shape)`; for very small shapes (below about 0.005) the result can underflow to 0.
    /// Returns NaN when `shape` or `scale` is not positive and finite (NaN propagates rather than crashing a simulation).
    @inlinable
    public mutating func gamma(shape: Double, scale: Double = 1) -> Double {
        gamma(GammaDistribution(shape: shape, scale: scale))
    }

    /// A draw from `distribution` (its constants computed once): the same number as ``gamma(shape:scale:)`` with its
    /// shape and scale, for loops that draw one gamma per simulated path.
    @inlinable
    public mutating func gamma(_ distribution: GammaDistribution) -> Double {
        guard distribution.isValid else { return .nan }
        if distribution.shape < 1 {
            return gammaAtLeastOne(d: distribution.d, c: distribution.c) * _pow(uniformOpen(), distribution.inverseShape) * distribution.scale
        }
        return gammaAtLeastOne(d: distribution.d, c: distribution.c) * distribution.scale
    }

    /// `log` of a Gamma(`shape`, 1) draw, accurate when the draw itself would underflow (tiny shapes).
    @usableFromInline
    mutating func logOfGammaDraw(shape: Double) -> Double {
        if shape < 1 {
            return _ln(gammaAtLeastOne(shape: shape + 1)) + _ln(uniformOpen()) / shape
        }
        return _ln(gammaAtLeastOne(shape: shape))
    }

    /// Marsaglia–Tsang for `shape ≥ 1`, unit scale.
    @inlinable
    mutating func gammaAtLeastOne(shape: Double) -> Double {
        let d = shape - 1.0 / 3.0
        return gammaAtLeastOne(d: d, c: 1 / (9 * d).squareRoot())
    }

    /// Marsaglia–Tsang with its constants `d = shape − ⅓` and `c = 1/√(9d)`.
    @inlinable
    mutating func gammaAtLeastOne(d: Double, c: Double) -> Double {
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformOpen()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if _ln(u) < 0.5 * x2 + d * (1 - v + _ln(v)) { return d * v }
        }
    }

    /// A beta draw with shapes `a` and `b` (mean `a/(a+b)`), as `X/(X+Y)` for independent gammas.
    ///
    /// When either shape is below 1 the ratio is formed from the logarithms of the gamma draws, so tiny shapes give
    /// values near 0 or 1 instead of 0/0. Returns NaN when a shape is not positive and finite.
    @inlinable
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, a.isFinite, b > 0, b.isFinite else { return .nan }
        if a >= 1 && b >= 1 {
            let x = gammaAtLeastOne(shape: a)
            let y = gammaAtLeastOne(shape: b)
            return x / (x + y)
        }
        // X/(X+Y) = 1 / (1 + exp(log Y − log X)).
        let lx = logOfGammaDraw(shape: a)
        let ly = logOfGammaDraw(shape: b)
        return 1 / (1 + _exp(ly - lx))
    }
}

/// A gamma distribution (shape `k`, scale `θ`) with the constants of Marsaglia & Tsang's method computed once.
///
/// ```swift
/// let rate = GammaDistribution(shape: 9.5, scale: 1 / 4.5)
/// let lambda = rng.gamma(rate)          // the same number as rng.gamma(shape: 9.5, scale: 1 / 4.5)
/// ```
public struct GammaDistribution: Sendable, Equatable {
    public let shape: Double
    public let scale: Double
    /// `d = k′ − ⅓` and `c = 1/√(9d)` for `k′ = k` (or `k + 1` when `k < 1`), and `1/k`.
    @usableFromInline let d: Double, c: Double, inverseShape: Double
    /// Whether shape and scale are positive and finite (draws are NaN otherwise).
    @usableFromInline let isValid: Bool

    public init(shape: Double, scale: Double = 1) {
        self.shape = shape
        self.scale = scale
        isValid = shape > 0 && shape.isFinite && scale > 0 && scale.isFinite
        d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        inverseShape = 1 / shape
    }
}
