/// Stable 64-bit keys that give each indicator and each random event of a path its own random numbers.
///
/// Keys are derived from names (FNV-1a), never from positions, so adding an indicator or an intervention to a scenario
/// leaves every other indicator's draws unchanged: the basis of common random numbers across scenarios.
package enum StreamKey {
    /// FNV-1a hash of the UTF-8 bytes of `name`.
    package static func of(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in name.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The SplitMix64 finaliser: a bijective mix of 64 bits.
    @inlinable @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
