/// A scenario: the data, the indicators and how each is modelled, the horizon, the cut-off date, the assumptions, and
/// the interventions to simulate.
///
/// Loaded from a versioned YAML file with ``ScenarioLoader``; paths inside it are resolved relative to the file.
public struct Scenario: Sendable, Equatable {
    /// The newest scenario schema this version of Attain reads.
    public static let schemaVersion = 1

    /// The file the scenario came from (empty when built in code).
    public var file: String
    /// Short name, shown in comparisons.
    public var name: String
    /// Title in words.
    public var title: LocalizedText?
    /// Data files (tidy CSV), resolved paths.
    public var dataFiles: [String]
    /// Targets file, resolved path.
    public var targetsFile: String?
    /// Data unit to read; nil sums every unit of each indicator.
    public var unit: String?
    /// Last simulated year.
    public var horizon: Int
    /// Data cut-off date.
    public var cutoff: CutoffDate
    /// Indicators and their models.
    public var indicators: [IndicatorSpec]
    /// Assumptions in words.
    public var assumptions: [LocalizedText]
    /// Interventions.
    public var interventions: [Intervention]
    /// Whether the data are illustrative rather than observed (the briefing then says so at the top).
    public var illustrative: Bool = false
    /// Where the data come from, in words (`data-note:`); the briefing shows it with the illustrative warning.
    public var dataNote: LocalizedText?
    /// The scenario files read to make this scenario: its own file, then the one it `extends`, and so on (empty when
    /// built in code). Their digests are recorded with the results.
    public var scenarioFiles: [String] = []

    public init(file: String = "", name: String, title: LocalizedText? = nil, dataFiles: [String] = [], targetsFile: String? = nil,
                unit: String? = nil, horizon: Int, cutoff: CutoffDate, indicators: [IndicatorSpec],
                assumptions: [LocalizedText] = [], interventions: [Intervention] = []) {
        self.file = file
        self.name = name
        self.title = title
        self.dataFiles = dataFiles
        self.targetsFile = targetsFile
        self.unit = unit
        self.horizon = horizon
        self.cutoff = cutoff
        self.indicators = indicators
        self.assumptions = assumptions
        self.interventions = interventions
    }

    /// The indicator named `name`.
    public func indicator(_ name: String) -> IndicatorSpec? { indicators.first { $0.name == name } }

    /// The intervention with id `id`.
    public func intervention(_ id: String) -> Intervention? { interventions.first { $0.id == id } }

    /// The scenario with intervention `id`'s value replaced by `value` (goal seeking).
    public func setting(lever id: String, to value: Double) -> Scenario {
        var s = self
        for i in s.interventions.indices where s.interventions[i].id == id { s.interventions[i].value = value }
        return s
    }
}
