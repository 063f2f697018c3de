import AttainData

/// One indicator ready to simulate: its observed years, its fitted process and the scenario's levers on it.
public struct SimulatedIndicator: Sendable {
    /// Name targets refer to.
    public var name: String
    /// What it measures.
    public var kind: IndicatorKind
    /// Values on the model's timeline for the observed years (NaN for years that are simulated).
    public var observed: [Double]
    /// Index on the timeline of the first simulated year; years before it are observed.
    public var firstSimulated: Int
    /// The fitted process.
    public var process: any PathProcess
    /// The levers acting on it.
    public var levers: LeverSchedule
    /// Random stream key of this indicator (from its name).
    public var streamKey: UInt64
    /// The model in words, in English and Vietnamese, for outputs (`stock-flow (…)`, `local trend (…)`, …).
    public var modelDescription: LocalizedText
    /// What a reader should know of the fit (few years, assumed rates), in English and Vietnamese.
    public var caveats: [LocalizedText]
    /// For cumulative indicators, the running total at the start of the first simulated year (fans show running totals).
    public var runningTotalBase: Double = 0

    public init(name: String, kind: IndicatorKind, observed: [Double], firstSimulated: Int, process: any PathProcess,
                levers: LeverSchedule? = nil, modelDescription: LocalizedText = LocalizedText(), caveats: [LocalizedText] = []) {
        self.name = name
        self.kind = kind
        self.observed = observed
        self.firstSimulated = firstSimulated
        self.process = process
        self.levers = levers ?? LeverSchedule(count: observed.count - firstSimulated)
        self.streamKey = StreamKey.of(name)
        self.modelDescription = modelDescription
        self.caveats = caveats
    }

    /// Number of simulated years.
    public var simulatedCount: Int { observed.count - firstSimulated }

    /// Whether yearly values are flows (events in the year) rather than levels.
    public var isFlow: Bool { kind == .count || kind == .cumulative }
    /// Whether fans show running totals (cumulative indicators) rather than yearly values.
    public var showsRunningTotal: Bool { kind == .cumulative }
}

/// A scenario compiled for simulation: a yearly timeline and the indicators on it.
public struct SimulationModel: Sendable {
    /// Scenario name.
    public var name: String
    /// First year of the timeline (the earliest year any target looks at).
    public var firstYear: Int
    /// Last year (the horizon).
    public var horizon: Int
    /// Data cut-off date.
    public var cutoff: CutoffDate
    /// The indicators.
    public var indicators: [SimulatedIndicator]

    public init(name: String, firstYear: Int, horizon: Int, cutoff: CutoffDate, indicators: [SimulatedIndicator]) {
        precondition(horizon >= firstYear, "horizon before first year")
        for i in indicators { precondition(i.observed.count == horizon - firstYear + 1, "indicator \(i.name) not on the timeline") }
        self.name = name
        self.firstYear = firstYear
        self.horizon = horizon
        self.cutoff = cutoff
        self.indicators = indicators
    }

    /// Years on the timeline.
    public var yearCount: Int { horizon - firstYear + 1 }
    /// Years, in order.
    public var years: ClosedRange<Int> { firstYear...horizon }
    /// Index of the indicator named `name`.
    public func indicatorIndex(_ name: String) -> Int? { indicators.firstIndex { $0.name == name } }
    /// Doubles of one path's values: indicators × years.
    public var rowCount: Int { indicators.count * yearCount }
}
