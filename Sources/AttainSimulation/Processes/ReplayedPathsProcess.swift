import AttainRandom

/// A process that draws nothing: path `p` gets the `count` values stored for it, whatever the seed.
///
/// It lets anything that judges simulated paths (target tallies, fans, result assembly) run on paths made elsewhere —
/// the sum of several units' own paths for a total over units — exactly as on paths the engine draws. No levers.
public struct ReplayedPathsProcess: PathProcess {
    /// Values per path.
    public let count: Int
    /// Path `p`'s values at `p · count ..< (p + 1) · count`.
    public let values: [Double]

    /// Replays `values`, `count` per path, path after path.
    public init(values: [Double], count: Int) {
        precondition(count > 0 && values.count % count == 0, "values must hold whole paths")
        self.values = values
        self.count = count
    }

    /// Number of paths stored.
    public var pathCount: Int { values.count / count }

    public var supportedLevers: Set<Lever> { [] }
    public var scratchCount: Int { 0 }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        precondition(path.index < pathCount, "path \(path.index) was not stored")
        let start = path.index * self.count
        for k in 0..<min(count, self.count) { output[k] = values[start + k] }
    }
}
