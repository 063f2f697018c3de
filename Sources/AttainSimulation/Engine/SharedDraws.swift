/// Paths several runs share, so that units simulated one by one move together.
///
/// Each unit of a league is run with its own seed. With shared draws, path `p` of a unit takes its key from a stream
/// common to every unit (seeded `seed`) with probability `fraction`, and from its own stream otherwise; which paths
/// are shared is fixed by a hash of the unit's key and `p`. With `ownNoise` (the default), a shared path still draws
/// the unit's own noise — a trend's observation noise, a count's Poisson or binomial draws, the enterprises' flows —
/// from the unit's own key (``PathDraw/noiseKey``), so units share their latent trends (rates, hazards, slip
/// probabilities) and not their noise around them. Every unit's marginal distribution is unchanged (each draw comes
/// from a stream of the same process), while units are tied on the paths both take from the common stream (a share
/// `fraction²` of paths) and independent elsewhere. `fraction` 0 is independent units.
public struct SharedDraws: Sendable, Equatable {
    /// Seed of the common stream.
    public let seed: UInt64
    /// Probability that a path takes the common stream's key, in [0, 1].
    public let fraction: Double
    /// The unit's own key (a hash of its name), which decides its shared paths.
    public let unitKey: UInt64

    /// Whether a shared path keeps the unit's own noise (``PathDraw/noiseKey``: a trend's year-to-year wobble and a
    /// count's noise), so that only trends are shared.
    public let ownNoise: Bool

    public init(seed: UInt64, fraction: Double, unitKey: UInt64, ownNoise: Bool = true) {
        self.seed = seed
        self.fraction = min(max(fraction, 0), 1)
        self.unitKey = unitKey
        self.ownNoise = ownNoise
    }

    /// Whether path `p` takes the common stream's key.
    public func takesShared(path p: Int) -> Bool {
        Double(StreamKey.mix(unitKey &+ UInt64(p) &* 0x9E37_79B9_7F4A_7C15) >> 11) * 0x1p-53 < fraction
    }
}
