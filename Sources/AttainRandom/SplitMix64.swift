/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit counter passed through a bijective mixing function.
///
/// Used only to expand a 64-bit seed into the 256-bit state of ``Xoshiro256StarStar``, as the xoshiro authors recommend:
/// four consecutive outputs are distinct, so the expanded state is never all zero.
@usableFromInline
struct SplitMix64: Sendable {
    @usableFromInline var state: UInt64

    @usableFromInline init(seed: UInt64) { state = seed }

    @usableFromInline mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
