/// Every path of a run kept whole, in path order: the timeline of each indicator of the first model on each path.
///
/// The other accumulators summarise paths as they stream past; this one keeps them, for what needs the same path of
/// several runs side by side — a total over units judged on the sum of the units' own paths (`attain run --by unit
/// --total`). Memory is `paths × indicators × years` doubles (10,000 paths of 8 indicators over 12 years: 7.7 MB).
/// Each worker keeps the chunks it ran; ``rows()`` lays them out by path index, so the result does not depend on the
/// number of threads.
public struct PathRecorder: PathAccumulator {
    /// Doubles per path: indicators × years of the first model.
    public let rowCount: Int
    /// The chunks seen: first path index and the chunk's rows, path after path.
    private var chunks: [(first: Int, values: [Double])] = []

    /// An empty recorder of paths with `rowCount` doubles each (``SimulationModel/rowCount`` of the first model).
    public init(rowCount: Int) {
        self.rowCount = rowCount
    }

    public mutating func add(_ paths: SimulatedPaths) {
        var values = [Double](repeating: 0, count: paths.count * rowCount)
        values.withUnsafeMutableBufferPointer { out in
            for l in 0..<paths.count {
                let row = paths.series(path: l, model: 0, indicator: 0)
                for k in 0..<rowCount { out[l * rowCount + k] = row[k] }
            }
        }
        chunks.append((paths.first, values))
    }

    public mutating func merge(_ other: PathRecorder) {
        chunks += other.chunks
    }

    /// Number of paths recorded.
    public var pathCount: Int { chunks.reduce(0) { $0 + $1.values.count } / max(rowCount, 1) }

    /// All paths in order: path `p`'s value of indicator `i` in timeline year `y` at `p · rowCount + i · years + y`.
    public func rows() -> [Double] {
        var out = [Double](repeating: .nan, count: pathCount * rowCount)
        for chunk in chunks {
            let start = chunk.first * rowCount
            out.replaceSubrange(start..<(start + chunk.values.count), with: chunk.values)
        }
        return out
    }
}

/// Two accumulators filled in one pass over the paths.
public struct PathAccumulatorPair<First: PathAccumulator, Second: PathAccumulator>: PathAccumulator {
    public var first: First
    public var second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public mutating func add(_ paths: SimulatedPaths) {
        first.add(paths)
        second.add(paths)
    }

    public mutating func merge(_ other: Self) {
        first.merge(other.first)
        second.merge(other.second)
    }
}
