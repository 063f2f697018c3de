/// Something that summarises simulated paths as they stream past, without keeping them.
///
/// The engine gives every worker thread its own copy of the starting accumulator, feeds it the chunks of paths that
/// worker ran, and merges the copies. Use integer tallies (or anything whose merge is exactly associative and
/// commutative), so the result is identical whatever the number of threads.
public protocol PathAccumulator: Sendable {
    /// Adds a chunk of consecutive paths. Going through it one summary at a time (all paths into one sketch, then
    /// the next) keeps each summary's memory in cache.
    mutating func add(_ paths: SimulatedPaths)
    /// Adds everything `other` has seen.
    mutating func merge(_ other: Self)
}

/// Consecutive simulated paths (one chunk of a run) for every model, viewed in place (valid only during
/// ``PathAccumulator/add(_:)``).
///
/// Layout: path `l` of the chunk, model `m`, indicator `i`, timeline year `y` at `bases[m][l · strides[m] + i · years + y]`.
public struct SimulatedPaths {
    /// Index over the whole run of the chunk's first path.
    public let first: Int
    /// Number of paths.
    public let count: Int
    /// Number of timeline years.
    public let years: Int
    /// Number of models (scenarios) simulated on each path.
    public let modelCount: Int
    @usableFromInline let bases: UnsafePointer<UnsafeMutablePointer<Double>>
    @usableFromInline let strides: UnsafePointer<Int>

    init(first: Int, count: Int, years: Int, modelCount: Int, bases: UnsafePointer<UnsafeMutablePointer<Double>>,
         strides: UnsafePointer<Int>) {
        self.first = first
        self.count = count
        self.years = years
        self.modelCount = modelCount
        self.bases = bases
        self.strides = strides
    }

    /// Value of indicator `indicator` in timeline year `year` under model `model` on path `path` of the chunk.
    @inlinable
    public func value(path: Int, model: Int, indicator: Int, year: Int) -> Double {
        series(path: path, model: model, indicator: indicator)[year]
    }

    /// The timeline of one indicator under one model on path `path` of the chunk (`years` values).
    @inlinable
    public func series(path: Int, model: Int, indicator: Int) -> UnsafePointer<Double> {
        UnsafePointer(bases[model] + path * strides[model] + indicator * years)
    }
}
