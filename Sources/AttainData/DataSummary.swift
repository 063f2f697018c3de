/// What a data set holds, in a few numbers: for the one-line summary `attain validate` prints.
public struct DataSummary: Sendable, Equatable, Codable {
    /// One indicator: its kind and coverage.
    public struct Indicator: Sendable, Equatable, Codable {
        public var name: String
        /// Stated or inferred kind; nil when it could not be inferred.
        public var kind: IndicatorKind?
        /// Why that kind.
        public var reason: String
        public var units: Int
        public var rows: Int
        /// First and last period (as written in the contract: `2019`, `2026-Q2`).
        public var first: String
        public var last: String
    }

    public var source: String
    public var rows: Int
    /// Number of (unit, indicator) series.
    public var series: Int
    public var units: Int
    /// Distinct periods over all rows.
    public var periods: Int
    /// Earliest and latest period over all rows; nil when there are no rows.
    public var first: String?
    public var last: String?
    public var indicators: [Indicator]

    /// Summarises `data` in one pass over its rows (no copy of them: a data set of millions of rows is summarised in
    /// a few kilobytes more than it takes).
    public init(_ data: DataSet) {
        struct SeriesKey: Hashable { var unit: String, indicator: String }
        struct Coverage { var units = Set<String>(), rows = 0, first: Period, last: Period }
        let rows = data.observations
        source = data.source
        self.rows = rows.count
        var seriesKeys = Set<SeriesKey>(), allPeriods = Set<Period>(), coverage: [String: Coverage] = [:]
        for row in rows {
            seriesKeys.insert(SeriesKey(unit: row.unit, indicator: row.indicator))
            allPeriods.insert(row.period)
            // The first row of the earliest period and of the latest end, in row order (as `min()` and `max(by:)` pick).
            var c = coverage[row.indicator] ?? Coverage(first: row.period, last: row.period)
            c.units.insert(row.unit)
            c.rows += 1
            if row.period < c.first { c.first = row.period }
            if c.last.endTime < row.period.endTime { c.last = row.period }
            coverage[row.indicator] = c
        }
        series = seriesKeys.count
        units = data.units.count
        periods = allPeriods.count
        first = allPeriods.min()?.description
        last = allPeriods.max { $0.endTime < $1.endTime }?.description
        indicators = data.indicators.map { name in
            let c = coverage[name]!
            let inference = data.kindInference(of: name)
            return Indicator(name: name, kind: inference.kind, reason: inference.reason, units: c.units.count, rows: c.rows,
                             first: c.first.description, last: c.last.description)
        }
    }
}
