import AttainData

/// How a scenario models one indicator: the data series behind it, its kind and its model.
///
/// ```yaml
/// indicators:
///   - name: member_share
///     source: union_members        # the indicator's name in the data, when different
///     kind: share
///     model: stock-flow            # members / workers as stocks and flows (the rows carry numerator / denominator)
///     population: trend
///     turnover: 0.2
/// ```
public struct IndicatorSpec: Sendable, Equatable {
    /// Name targets refer to.
    public var name: String
    /// What the indicator measures; nil when the scenario leaves it to be inferred from the data.
    public var kind: IndicatorKind?
    /// `auto`, a trend model name, `stock-flow`, `poisson` or `random-walk`.
    public var model: String
    /// Indicator name in the data when it differs from ``name``.
    public var source: String?
    /// Data unit to read (overrides the scenario's `unit`).
    public var unit: String?
    /// Stock-flow: yearly fraction of the population leaving (worker turnover, enterprise closures).
    public var exitRate: Double?
    /// Stock-flow: how the population moves: `trend` (a fitted growth curve, for workers) or `entries` (Poisson entries, for enterprises).
    public var population: String?
    /// Years of data used to estimate rates (the most recent ones); nil uses the model's default.
    public var window: Int?
    /// Planned events: how many the unit schedules a year (`model: planned`).
    public var planned: Int?
    /// Planned events: the probability that a planned event slips out of its year (nil: learnt from the data).
    public var slip: Double?
    /// Title in words.
    public var title: LocalizedText?
    /// Where the indicator is defined, for error messages.
    public var location: SourceLocation?

    public init(name: String, kind: IndicatorKind?, model: String = "auto", source: String? = nil, unit: String? = nil,
                exitRate: Double? = nil, population: String? = nil, window: Int? = nil, title: LocalizedText? = nil) {
        self.name = name
        self.kind = kind
        self.model = model
        self.source = source
        self.unit = unit
        self.exitRate = exitRate
        self.population = population
        self.window = window
        self.title = title
    }

    /// The data indicator holding the series (``source`` or ``name``).
    public var dataName: String { source ?? name }
}
