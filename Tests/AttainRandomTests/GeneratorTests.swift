import Testing
@testable import AttainRandom

// Reference values were produced once by a 30-line Python transcription of the published C reference code
// (xoshiro256starstar.c and splitmix64.c by Blackman & Vigna, including its jump()), run with Python integers
// masked to 64 bits; they are pasted here as constants.

@Test func referenceOutputsForFixedState() {
    var rng = Xoshiro256StarStar(state: (1, 2, 3, 4))
    let expected: [UInt64] = [0x2D00, 0x0, 0x5A00_7080, 0x10E0_0000_0000_9D80, 0x10E0_B61C_E100_9D80, 0x0870_021C_E143_AD00]
    #expect((0..<6).map { _ in rng.next() } == expected)
}

@Test func splitMixReference() {
    // First outputs of SplitMix64 from state 0; the first is the widely quoted 0xE220A8397B1DCDAF.
    var sm = SplitMix64(seed: 0)
    #expect([sm.next(), sm.next(), sm.next(), sm.next()] ==
            [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
}

@Test func seededReference() {
    var rng = Xoshiro256StarStar(seed: 42)
    #expect([rng.next(), rng.next(), rng.next(), rng.next()] ==
            [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1])
}

@Test func streamsMatchReferenceJumps() {
    // Stream k = the seed's generator after k reference jump() calls.
    var s1 = Xoshiro256StarStar(seed: 42, stream: 1)
    #expect([s1.next(), s1.next(), s1.next(), s1.next()] ==
            [0x5008_6EF8_3CBF_4F4A, 0xBA28_5EC2_1347_D703, 0x5EA1_247B_4DC6_452A, 0x03A5_C664_2470_2131])
    var s3 = Xoshiro256StarStar(seed: 42, stream: 3)
    #expect([s3.next(), s3.next()] == [0x057E_A749_3B25_92A3, 0xD24B_173F_5C5C_DD42])
    var s0 = Xoshiro256StarStar(seed: 42, stream: 0)
    var plain = Xoshiro256StarStar(seed: 42)
    #expect(s0.next() == plain.next())
}

@Test func sameSeedSameNumbers() {
    var a = Xoshiro256StarStar(seed: 2030), b = Xoshiro256StarStar(seed: 2030)
    for _ in 0..<1000 {
        #expect(a.normal() == b.normal())
        #expect(a.gamma(shape: 0.7, scale: 3) == b.gamma(shape: 0.7, scale: 3))
        #expect(a.binomial(count: 500, probability: 0.3) == b.binomial(count: 500, probability: 0.3))
        #expect(a.negativeBinomial(mean: 40, dispersion: 2) == b.negativeBinomial(mean: 40, dispersion: 2))
    }
}

@Test func characteristicPolynomialReproducesPublishedJump() {
    // x^(2^128) mod P by 128 squarings of x must give the published JUMP constants: checks P.
    var q = GF2Polynomial256(2, 0, 0, 0)
    for _ in 0..<128 { q = q.multiplied(by: q, modulo: Xoshiro256StarStar.characteristicPolynomial) }
    #expect(q == Xoshiro256StarStar.jumpPolynomial)
    // Applying the polynomial x is one step.
    var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5)
    a.apply(GF2Polynomial256(2, 0, 0, 0))
    _ = b.next()
    #expect(a.next() == b.next())
}

@Test func streamJumpEqualsRepeatedJumps() {
    var repeated = Xoshiro256StarStar(seed: 77)
    for _ in 0..<13 { repeated.apply(Xoshiro256StarStar.jumpPolynomial) }
    var direct = Xoshiro256StarStar(seed: 77, stream: 13)
    for _ in 0..<8 { #expect(direct.next() == repeated.next()) }
    // Huge stream indices are cheap (O(log k)) and still deterministic.
    var big1 = Xoshiro256StarStar(seed: 77, stream: 1 << 40), big2 = RandomStreams(seed: 77).generator(forChunk: 1 << 40)
    #expect(big1.next() == big2.next())
}

@Test func streamsAreDistinctAndUncorrelated() {
    let n = 50_000
    let streams = RandomStreams(seed: 1)
    var firsts = Set<UInt64>()
    var series: [[Double]] = []
    for k in 0..<6 {
        var g = streams.generator(forChunk: k)
        firsts.insert(g.next())
        series.append((0..<n).map { _ in g.uniform() - 0.5 })
    }
    // Neighbouring seeds too.
    var other = Xoshiro256StarStar(seed: 2)
    series.append((0..<n).map { _ in other.uniform() - 0.5 })
    #expect(firsts.count == 6)
    // Pearson correlation of independent uniform series has SE 1/√n; require |r| < 4/√n for every pair.
    let bound = 4 / Double(n).squareRoot()
    for i in series.indices {
        for j in series.indices where j > i {
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for t in 0..<n { sxy += series[i][t] * series[j][t]; sxx += series[i][t] * series[i][t]; syy += series[j][t] * series[j][t] }
            let r = sxy / (sxx * syy).squareRoot()
            #expect(abs(r) < bound, "streams \(i), \(j): r = \(r)")
        }
    }
}
