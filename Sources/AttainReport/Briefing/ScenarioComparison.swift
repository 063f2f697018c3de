import AttainSimulation

/// Probabilities of every target under several scenarios, run on common random numbers.
public struct ScenarioComparison: Sendable, Equatable {
    /// The scenarios' names; the first is the reference the differences are taken from.
    public var scenarios: [LocalizedText]
    /// One row per target.
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var targetID: String
        /// One probability per scenario.
        public var probabilities: [Double]
        /// For each scenario after the first: its probability minus the first's, and the standard error of that difference.
        public var differences: [Difference]

        public init(targetID: String, probabilities: [Double], differences: [Difference]) {
            self.targetID = targetID
            self.probabilities = probabilities
            self.differences = differences
        }
    }

    public struct Difference: Sendable, Equatable {
        public var value: Double
        public var standardError: Double

        public init(value: Double, standardError: Double) {
            self.value = value
            self.standardError = standardError
        }
    }

    public init(scenarios: [LocalizedText], rows: [Row]) {
        self.scenarios = scenarios
        self.rows = rows
    }
}
