/// One row of the tidy data: a unit's indicator in one period.
public struct Observation: Sendable, Equatable {
    /// The unit the row describes (district, commune, zone, cluster, enterprise).
    public var unit: String
    /// What is measured, e.g. `union_members`.
    public var indicator: String
    /// When.
    public var period: Period
    /// The value: a level, a count, or a share in [0, 1]. Derived from numerator / denominator when only they are given.
    public var value: Double
    /// Numerator of a share given as counts, when known.
    public var numerator: Double?
    /// Denominator of a share given as counts, when known.
    public var denominator: Double?
    /// 1-based line of the row in its file (header is line 1), 0 when the row did not come from a file.
    public var line: Int
    /// Extra columns of the row, kept and otherwise ignored.
    public var extra: [String: String]

    public init(unit: String, indicator: String, period: Period, value: Double,
                numerator: Double? = nil, denominator: Double? = nil, line: Int = 0, extra: [String: String] = [:]) {
        self.unit = unit
        self.indicator = indicator
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.line = line
        self.extra = extra
    }
}
