/// Jumping ahead by multiples of 2¹²⁸ draws, for non-overlapping streams.
///
/// The xoshiro256 state update is linear over GF(2), with characteristic polynomial `P(x)` of degree 256. Advancing the
/// state by `d` steps equals evaluating the polynomial `x^d mod P(x)` at the update map, i.e. xoring the states reached
/// after `i` steps for every set coefficient `i` (this is the reference `jump()`). We compute `x^(k·2¹²⁸) mod P` as
/// `J^k mod P` by square-and-multiply, with `J = x^(2¹²⁸) mod P` (the reference JUMP constants), so stream `k` costs
/// O(log k) polynomial products plus one 256-step evaluation.
///
/// `P` was obtained once by Berlekamp–Massey on 600 bits of the linear engine's output (a short Python script); as a check,
/// `x^(2¹²⁸) mod P` computed from it reproduces the four published JUMP words exactly, and the tests check that
/// `J^k` agrees with `k` reference jumps.
extension Xoshiro256StarStar {
    /// The low 256 coefficients of the characteristic polynomial `P(x)` (its `x²⁵⁶` coefficient is 1), least significant word first.
    static let characteristicPolynomial: GF2Polynomial256 = .init(
        0x9D11_6F2B_B0F0_F001, 0x0280_002B_CEFD_1A5E, 0x04B4_EDCF_2625_9F85, 0x0003_C03C_3F3E_CB19)

    /// `x^(2¹²⁸) mod P(x)`: the published xoshiro256 JUMP polynomial.
    static let jumpPolynomial: GF2Polynomial256 = .init(
        0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C)

    /// Advance the state by `times · 2¹²⁸` draws.
    mutating func jump(times: UInt64) {
        let p = Self.characteristicPolynomial
        var result = GF2Polynomial256.one
        var base = Self.jumpPolynomial
        var e = times
        while e != 0 {
            if e & 1 == 1 { result = result.multiplied(by: base, modulo: p) }
            e >>= 1
            if e != 0 { base = base.multiplied(by: base, modulo: p) }
        }
        apply(result)
    }

    /// Replace the state by `Σ cᵢ · stateᵢ` (xor), where `stateᵢ` is the state after `i` steps and `cᵢ` the coefficients of `q`.
    mutating func apply(_ q: GF2Polynomial256) {
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
        for word in [q.w0, q.w1, q.w2, q.w3] {
            for b in 0..<64 {
                if (word >> UInt64(b)) & 1 == 1 {
                    t0 ^= s0; t1 ^= s1; t2 ^= s2; t3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (t0, t1, t2, t3)
    }
}

/// A polynomial over GF(2) of degree below 256, coefficient `i` in bit `i % 64` of word `i / 64`.
struct GF2Polynomial256: Sendable, Equatable {
    var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) { (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3) }

    static let one = GF2Polynomial256(1, 0, 0, 0)

    /// `self · other mod (x²⁵⁶ + p)`, by Horner's rule over the bits of `other` from the top.
    func multiplied(by other: GF2Polynomial256, modulo p: GF2Polynomial256) -> GF2Polynomial256 {
        var r = GF2Polynomial256(0, 0, 0, 0)
        for word in [other.w3, other.w2, other.w1, other.w0] {
            for b in stride(from: 63, through: 0, by: -1) {
                // r ← r · x mod P
                let carry = r.w3 >> 63
                r = GF2Polynomial256(r.w0 << 1, (r.w1 << 1) | (r.w0 >> 63), (r.w2 << 1) | (r.w1 >> 63), (r.w3 << 1) | (r.w2 >> 63))
                if carry == 1 { r.w0 ^= p.w0; r.w1 ^= p.w1; r.w2 ^= p.w2; r.w3 ^= p.w3 }
                if (word >> UInt64(b)) & 1 == 1 { r.w0 ^= w0; r.w1 ^= w1; r.w2 ^= w2; r.w3 ^= w3 }
            }
        }
        return r
    }
}
