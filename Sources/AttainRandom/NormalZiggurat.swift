/// One layer of the 256-layer ziggurat for the standard normal density `f(x) = exp(−x²/2)` (unnormalised).
///
/// Layer `i` is the box `[0, xᵢ) × [f(xᵢ), f(xᵢ₊₁))`; layer 0 is the base box plus the tail beyond `r = x₁`, stretched
/// to width `x₀ = v / f(r)` so every layer has the same area `v`. `x₂₅₆ = 0`.
@usableFromInline
struct ZigguratLayer: Sendable {
    /// `⌊2⁵² · xᵢ₊₁ / xᵢ⌋`: a 52-bit uniform below this lands in the part of the layer wholly under the curve.
    @usableFromInline let threshold: UInt64
    /// `xᵢ · 2⁻⁵²`: turns the 52-bit uniform into a position in the layer.
    @usableFromInline let width: Double
    /// `f(xᵢ)`, the bottom of the layer.
    @usableFromInline let bottom: Double
    /// `f(xᵢ₊₁)`, the top of the layer.
    @usableFromInline let top: Double
}

/// Ziggurat constants for 256 layers: `r` solves the layer recursion so that the top layer ends at height 1
/// (computed to 40 digits with mpmath, `findroot` on the recursion residual); `v = r f(r) + √(π/2) erfc(r/√2)`.
@usableFromInline let zigguratR = 3.6541528853610087716
@usableFromInline let zigguratV = 0.0049286732339746553474

/// The 256 layers, built once on first use (about 2 µs).
@usableFromInline let zigguratLayers: [ZigguratLayer] = {
    let n = 256
    let r = zigguratR, v = zigguratV
    func f(_ x: Double) -> Double { _exp(-0.5 * x * x) }
    var x = [Double](repeating: 0, count: n + 1)
    x[0] = v / f(r)
    x[1] = r
    for i in 1..<(n - 1) { x[i + 1] = (-2 * _ln(f(x[i]) + v / x[i])).squareRoot() }
    x[n] = 0
    return (0..<n).map { i in
        ZigguratLayer(threshold: UInt64((x[i + 1] / x[i]) * 0x1p52),
                      width: x[i] * 0x1p-52,
                      bottom: f(x[i]),
                      top: i + 1 == n ? 1 : f(x[i + 1]))
    }
}()

extension Xoshiro256StarStar {
    /// A standard normal draw, by a 256-layer ziggurat (Marsaglia & Tsang 2000, with our own tables).
    ///
    /// One 64-bit draw gives the layer (8 bits), the sign (1 bit) and a 52-bit uniform; about 98.8% of calls return
    /// after one comparison and one multiply. The rest test the wedge under the curve (one `exp`) or, for layer 0, draw
    /// from the tail beyond 3.654 by Marsaglia's exponential method. Exact: the output has the N(0, 1) distribution up to
    /// the 52-bit resolution of the uniform.
    @inlinable @inline(__always)
    public mutating func normal() -> Double {
        while true {
            let bits = next()
            let i = Int(truncatingIfNeeded: bits & 0xFF)
            let negative = bits & 0x100 != 0
            let u = bits >> 12
            let layer = zigguratLayers[i]
            let x = Double(u) * layer.width
            // The sign bit comes from bit 8 without a branch: a 50/50 branch would be mispredicted every other draw.
            if u < layer.threshold { return Double(bitPattern: x.bitPattern ^ ((bits & 0x100) << 55)) }
            // The rare branch takes and returns the generator by value, so the state stays in registers on the fast path.
            let (edge, advanced) = Self.normalEdge(self, layer: i, x: x)
            self = advanced
            if let edge { return negative ? -edge : edge }
        }
    }

    /// A normal draw with the given mean and standard deviation (`mean + sd · normal()`).
    @inlinable
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * normal()
    }

    /// The rare ziggurat step on a copy of the generator: returns the draw (`nil`: reject and start again) and the
    /// advanced generator.
    @usableFromInline @inline(never)
    static func normalEdge(_ rng: Xoshiro256StarStar, layer i: Int, x: Double) -> (Double?, Xoshiro256StarStar) {
        var rng = rng
        let result = rng.normalEdge(layer: i, x: x)
        return (result, rng)
    }

    /// The rare ziggurat step: the tail for layer 0, the wedge test otherwise. `nil` means reject and start again.
    mutating func normalEdge(layer i: Int, x: Double) -> Double? {
        if i == 0 {
            // Tail beyond r (Marsaglia 1964): r + a with a ~ Exp(r), accepted with probability exp(−a²/2).
            let r = zigguratR
            while true {
                let a = -_ln(uniformOpen()) / r
                let b = -_ln(uniformOpen())
                if 2 * b > a * a { return r + a }
            }
        }
        let layer = zigguratLayers[i]
        let y = layer.bottom + uniform() * (layer.top - layer.bottom)
        return y < _exp(-0.5 * x * x) ? x : nil
    }
}
