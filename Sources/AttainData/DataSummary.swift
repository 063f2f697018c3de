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

    /// Summarises `data`.
    public init(_ data: DataSet) {
        let rows = data.observations
        source = data.source
        self.rows = rows.count
        series = Set(rows.map { "\($0.unit)\u{1F}\($0.indicator)" }).count
        units = data.units.count
        let allPeriods = Set(rows.map(\.period))
        periods = allPeriods.count
        first = allPeriods.min()?.description
        last = allPeriods.max { $0.endTime < $1.endTime }?.description
        let byIndicator = Dictionary(grouping: rows, by: \.indicator)
        indicators = data.indicators.map { name in
            let group = byIndicator[name]!
            let inference = data.kindInference(of: name)
            let periods = group.map(\.period)
            return Indicator(name: name, kind: inference.kind, reason: inference.reason, units: Set(group.map(\.unit)).count,
                             rows: group.count, first: periods.min()!.description,
                             last: periods.max { $0.endTime < $1.endTime }!.description)
        }
    }
}
