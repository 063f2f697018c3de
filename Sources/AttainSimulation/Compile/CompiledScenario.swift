import AttainData

/// A scenario ready to simulate, with what was learnt from its data on the way.
public struct CompiledScenario: Sendable {
    /// The scenario as loaded.
    public var scenario: Scenario
    /// The simulation model (timeline, processes, levers).
    public var model: SimulationModel
    /// Each indicator's data by year, in the order of ``SimulationModel/indicators``.
    public var histories: [YearlyHistory]
    /// Plain-language warnings (data gaps, defaults used, short series).
    public var warnings: [String]

    public init(scenario: Scenario, model: SimulationModel, histories: [YearlyHistory], warnings: [String]) {
        self.scenario = scenario
        self.model = model
        self.histories = histories
        self.warnings = warnings
    }
}
