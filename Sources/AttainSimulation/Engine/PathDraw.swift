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

    /// On a path shared between units (``SharedDraws``): the unit's own key, from which a process draws what belongs to
    /// the unit alone — a trend's year-to-year wobble and a count's noise — while the trend itself comes from the
    /// shared `key`; nil otherwise (every draw from `key`). The engine mixes in the indicator's stream before a
    /// process sees it.
    public let noiseKey: UInt64?

    public init(key: UInt64, index: Int, noiseKey: UInt64? = nil) {
        self.key = key
        self.index = index
        self.noiseKey = noiseKey
    }

    /// The generator of the unit's own noise on a shared path (nil on other paths).
    public func noiseGenerator() -> Xoshiro256StarStar? {
        noiseKey.map { Xoshiro256StarStar(seed: $0) }
    }

    /// This draw as an indicator's process sees it: the own-noise key, when there is one, mixed with the indicator's stream.
    func forStream(_ streamKey: UInt64) -> PathDraw {
        guard let noiseKey else { return self }
        return PathDraw(key: key, index: index, noiseKey: StreamKey.mix(noiseKey ^ streamKey))
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

extension Optional where Wrapped == Xoshiro256StarStar {
    /// A uniform in (0, 1) from the unit's own noise generator on a shared path, else from `path` (the same draw, in
    /// the same order, as a process that knows no sharing).
    @inline(__always)
    mutating func uniformOpen(or path: inout Xoshiro256StarStar) -> Double {
        if self != nil { return self!.uniformOpen() }
        return path.uniformOpen()
    }

    /// A standard normal from the unit's own noise generator on a shared path, else from `path`.
    @inline(__always)
    mutating func normal(or path: inout Xoshiro256StarStar) -> Double {
        if self != nil { return self!.normal() }
        return path.normal()
    }
}
