/// Paths several runs share, so that units simulated one by one move together (a mixture copula).
///
/// Each unit of a league is run with its own seed. With shared draws, path `p` of a unit takes its key from a stream
/// common to every unit (seeded `seed`) with probability `fraction`, and from its own stream otherwise; which paths
/// are shared is fixed by a hash of the unit's key and `p`. Every unit's marginal distribution is unchanged (a key from
/// either stream is a key of the same process), while two units are comonotone on the paths both take from the common
/// stream (a share `fraction²` of paths) and independent elsewhere. `fraction` 0 is independent units, 1 every unit
/// driven by the same draws.
public struct SharedDraws: Sendable, Equatable {
    /// Seed of the common stream.
    public let seed: UInt64
    /// Probability that a path takes the common stream's key, in [0, 1].
    public let fraction: Double
    /// The unit's own key (a hash of its name), which decides its shared paths.
    public let unitKey: UInt64

    public init(seed: UInt64, fraction: Double, unitKey: UInt64) {
        self.seed = seed
        self.fraction = min(max(fraction, 0), 1)
        self.unitKey = unitKey
    }

    /// Whether path `p` takes the common stream's key.
    public func takesShared(path p: Int) -> Bool {
        Double(StreamKey.mix(unitKey &+ UInt64(p) &* 0x9E37_79B9_7F4A_7C15) >> 11) * 0x1p-53 < fraction
    }
}
