/// The xoshiro256** generator (Blackman & Vigna 2018): 256 bits of state, period 2²⁵⁶ − 1, seeded through SplitMix64.
///
/// ```swift
/// var rng = Xoshiro256StarStar(seed: 42)
/// let u = rng.uniform()            // [0, 1)
/// let z = rng.normal()             // N(0, 1)
/// var chunk7 = Xoshiro256StarStar(seed: 42, stream: 7)   // independent stream for chunk 7 of a parallel job
/// ```
/// Every draw is a handful of shifts, rotations and xors on a 32-byte value: no allocation, no locking. The outputs are
/// defined here, bit for bit, so the same seed gives the same numbers on every platform and Swift version (the standard
/// library's `random` API makes no such promise).
///
/// Streams: stream `k` of a seed starts where stream 0 would be after `k · 2¹²⁸` draws (the xoshiro `jump()` applied `k`
/// times, computed in O(log k)). Streams are therefore disjoint, non-overlapping stretches of one cycle, each 2¹²⁸ draws
/// long, so two streams can never repeat each other's numbers however many draws each job takes.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The generator whose state is the four given words (not all zero). Internal: tests compare against the reference.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// A generator seeded from `seed`: the state is the first four outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// Stream `stream` of `seed`: the `seed` generator advanced by `stream · 2¹²⁸` draws, so streams never overlap.
    ///
    /// `Xoshiro256StarStar(seed: s, stream: 0)` equals `Xoshiro256StarStar(seed: s)`. Cost O(log stream) polynomial
    /// products over GF(2): about 2 µs for stream 1, 16 µs for stream 1000, 0.3 ms for the largest index.
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: seed)
        if stream != 0 { jump(times: stream) }
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform `Double` in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³, so every multiple of 2⁻⁵³ is equally likely.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform `Double` in the open interval (0, 1): `(k + ½) · 2⁻⁵²` for a uniform 52-bit `k`, never 0 or 1.
    ///
    /// Use it where a logarithm of the draw is taken.
    @inlinable @inline(__always)
    public mutating func uniformOpen() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1p-52
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(by k: UInt64) -> UInt64 { (self << k) | (self >> (64 &- k)) }
}
