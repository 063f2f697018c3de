import AttainData
import AttainSimulation
import AttainTargets

/// Everything a review briefing shows, already computed: the renderer only lays it out.
///
/// Built from simulation results by ``BriefingInput/init(run:)`` style adapters, or by hand in tests. All numbers are on
/// the data scale (shares in [0, 1]); the renderer formats them for the language.
public struct BriefingInput: Sendable, Equatable {
    /// The document title, e.g. "Khả năng đạt các chỉ tiêu của Kế hoạch …".
    public var title: LocalizedText
    /// The plan or scheme the targets come from (shown under the title).
    public var plan: LocalizedText?
    /// The data cut-off date ("số liệu tính đến ngày …").
    public var cutoff: CutoffDate
    /// The name of the scenario whose results the targets carry.
    public var scenario: LocalizedText
    /// The targets in the order of the plan.
    public var targets: [BriefingTarget]
    /// The years shown as columns of the summary table (typically the observed plan years, e.g. 2023–2025).
    public var summaryYears: [Int]
    /// A comparison of several scenarios, when more than one was run.
    public var comparison: ScenarioComparison?
    /// The assumptions behind the scenario, in words.
    public var assumptions: [LocalizedText]
    /// Each indicator and the model that projects it (for the method note).
    public var indicators: [IndicatorNote]
    /// Whether the data are illustrative rather than real: the briefing then says so prominently.
    public var illustrative: Bool
    /// More about the data's origin (shown with the illustrative warning or in the method note).
    public var dataNote: LocalizedText?
    /// Number of simulated paths and the seed (for the method note and reproducibility).
    public var paths: Int
    public var seed: UInt64
    /// The version of Attain that made the results, and digests of the files they were made from (for the method note).
    public var version: String?
    public var inputs: [InputDigest]
    /// The targets run for each unit (`attain brief --by unit`): a section with a ranked dot chart and table per target.
    public var units: LeagueResult?

    public init(title: LocalizedText, plan: LocalizedText? = nil, cutoff: CutoffDate, scenario: LocalizedText,
                targets: [BriefingTarget], summaryYears: [Int]? = nil, comparison: ScenarioComparison? = nil,
                assumptions: [LocalizedText] = [], indicators: [IndicatorNote] = [], illustrative: Bool, dataNote: LocalizedText? = nil,
                paths: Int, seed: UInt64, version: String? = AttainVersion.current, inputs: [InputDigest] = [], units: LeagueResult? = nil) {
        self.title = title
        self.plan = plan
        self.cutoff = cutoff
        self.scenario = scenario
        self.targets = targets
        self.summaryYears = summaryYears ?? BriefingInput.defaultSummaryYears(targets: targets, cutoff: cutoff)
        self.comparison = comparison
        self.assumptions = assumptions
        self.indicators = indicators
        self.illustrative = illustrative
        self.dataNote = dataNote
        self.paths = paths
        self.seed = seed
        self.version = version
        self.inputs = inputs
        self.units = units
    }

    /// The last three fully observed years (wholly before the cut-off) with any history.
    static func defaultSummaryYears(targets: [BriefingTarget], cutoff: CutoffDate) -> [Int] {
        let years = Set(targets.flatMap { $0.history.map(\.year) }).filter { cutoff.covers(year: $0) }
        return Array(years.sorted().suffix(3))
    }
}

/// An indicator of the briefing and the model behind its projection.
public struct IndicatorNote: Sendable, Equatable {
    /// What is measured, in words.
    public var title: LocalizedText
    /// The model, as the simulation describes it, in each language.
    public var model: LocalizedText
    /// What a reader should know of the fit behind the projection (only three years of data, an assumed rate).
    public var caveats: [LocalizedText]

    public init(title: LocalizedText, model: LocalizedText, caveats: [LocalizedText] = []) {
        self.title = title
        self.model = model
        self.caveats = caveats
    }
}

extension BriefingInput {
    /// The method note's table: each indicator and its model, and a column of what to know of the fit when any
    /// indicator has something to say (HTML, Markdown and the workbook's method sheet show the same rows).
    func indicatorTable(_ language: ReportLanguage, words: BriefingWords) -> (headers: [String], rows: [[String]]) {
        let withCaveats = indicators.contains { !$0.caveats.isEmpty }
        let headers = [words.columnIndicator, words.columnModel] + (withCaveats ? [words.columnCaveats] : [])
        let rows = indicators.map { indicator in
            [indicator.title.text(language), indicator.model.text(language)]
                + (withCaveats ? [indicator.caveats.map { $0.text(language) }.joined(separator: "; ")] : [])
        }
        return (headers, rows)
    }
}
