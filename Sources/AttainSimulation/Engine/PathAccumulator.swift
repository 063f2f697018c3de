/// Something that summarises simulated paths as they stream past, without keeping them.
///
/// The engine gives every worker thread its own copy of the starting accumulator, feeds it the paths of the chunks that
/// worker ran, and merges the copies. Use integer tallies (or anything whose merge is exactly associative and
/// commutative), so the result is identical whatever the number of threads.
public protocol PathAccumulator: Sendable {
    /// Adds one path.
    mutating func add(_ path: SimulatedPath)
    /// Adds everything `other` has seen.
    mutating func merge(_ other: Self)
}

/// One path's values for every model of a run, viewed in place (valid only during ``PathAccumulator/add(_:)``).
///
/// Layout: model `m`, indicator `i`, timeline year `y` at `base[m][i · years + y]`.
public struct SimulatedPath {
    /// The path's index over the whole run.
    public let index: Int
    /// Number of timeline years.
    public let years: Int
    @usableFromInline let rows: UnsafePointer<UnsafeMutablePointer<Double>>
    /// Number of models (scenarios) simulated on this path.
    public let modelCount: Int

    init(index: Int, years: Int, rows: UnsafePointer<UnsafeMutablePointer<Double>>, modelCount: Int) {
        self.index = index
        self.years = years
        self.rows = rows
        self.modelCount = modelCount
    }

    /// Value of indicator `indicator` in timeline year `year` under model `model`.
    @inlinable
    public func value(model: Int, indicator: Int, year: Int) -> Double {
        rows[model][indicator * years + year]
    }

    /// The timeline of one indicator under one model.
    @inlinable
    public func series(model: Int, indicator: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: rows[model] + indicator * years, count: years)
    }
}
