import Testing
@testable import AttainRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The ziggurat's rare branches hold under 2% of the normal's draws, too few for a whole-distribution test to see a
// mistake in them, so they are tested here on their own: KS at level 0.001 against their exact conditional laws.

@Test func zigguratTablesAreConsistent() {
    // Every layer has area v (the base includes the tail), and the top layer reaches the mode.
    let layers = zigguratLayers
    #expect(layers.count == 256)
    #expect(layers[255].top == 1)
    for i in 1..<256 {
        let area = layers[i].width * 0x1p52 * (layers[i].top - layers[i].bottom)
        #expect(abs(area - zigguratV) < 1e-12, "layer \(i) area \(area)")
    }
    // The base box x₀ × f(r) has area v too (it stands for the box of width r plus the tail).
    #expect(abs(layers[0].width * 0x1p52 * exp(-0.5 * zigguratR * zigguratR) - zigguratV) < 1e-15)
}

/// `∫₀ˣ exp(−t²/2) dt`.
private func areaUnderCurve(_ x: Double) -> Double { (Double.pi / 2).squareRoot() * erf(x / 2.0.squareRoot()) }

@Test func zigguratTailFollowsTheConditionalNormal() {
    // Layer 0 beyond r must be distributed as Z given Z > r: P(Z ≤ x | Z > r) = 1 − Q(x)/Q(r).
    var rng = Xoshiro256StarStar(seed: 31)
    let r = zigguratR
    let tail = (0..<50_000).map { _ in rng.normalEdge(layer: 0, x: r)! }
    #expect(tail.allSatisfy { $0 > r })
    let qr = erfc(r / 2.0.squareRoot())
    #expect(ksStatistic(tail) { 1 - erfc($0 / 2.0.squareRoot()) / qr } < ksCritical(tail.count))
}

@Test(arguments: [1, 40, 128, 254, 255])
func zigguratWedgeFollowsTheCurve(layer i: Int) {
    // In layer i, a point x ∈ [xᵢ₊₁, xᵢ) must be kept with probability (f(x) − f(xᵢ)) / (f(xᵢ₊₁) − f(xᵢ)), so kept
    // points have density ∝ f(x) − f(xᵢ) there.
    let layers = zigguratLayers
    let hi = layers[i].width * 0x1p52
    let lo = i == 255 ? 0 : layers[i + 1].width * 0x1p52
    let fi = layers[i].bottom
    var rng = Xoshiro256StarStar(seed: 32)
    var kept: [Double] = []
    while kept.count < 20_000 {
        let x = lo + rng.uniform() * (hi - lo)
        if let y = rng.normalEdge(layer: i, x: x) { kept.append(y) }
    }
    func mass(_ x: Double) -> Double { areaUnderCurve(x) - areaUnderCurve(lo) - fi * (x - lo) }
    let total = mass(hi)
    #expect(ksStatistic(kept) { mass($0) / total } < ksCritical(kept.count))
}
