import AttainRandom

/// The random numbers of one simulated path, keyed so that every scenario sees the same numbers for the same purpose.
///
/// A path has a 64-bit key (drawn from its chunk's stream). Each indicator gets its own generator seeded from the path
/// key and the indicator's name, and each random event (a shock) its own uniform from the path key and the event's
/// name: so scenarios simulated with the same seed share their random numbers (common random numbers), and a change to
/// one indicator never shifts the draws of another.
public struct PathDraw: Sendable {
    /// The path's key.
    public let key: UInt64
    /// The path's index (0-based, over the whole run).
    public let index: Int

    public init(key: UInt64, index: Int) {
        self.key = key
        self.index = index
    }

    /// The generator for the stream named by `streamKey` (an indicator) on this path. Costs four SplitMix64 steps.
    public func generator(_ streamKey: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: StreamKey.mix(key ^ streamKey))
    }

    /// A uniform in (0, 1) for the event named by `eventKey` on this path: the same in every indicator and scenario.
    public func eventUniform(_ eventKey: UInt64) -> Double {
        (Double(StreamKey.mix(key &+ StreamKey.mix(eventKey)) >> 12) + 0.5) * 0x1p-52
    }
}
