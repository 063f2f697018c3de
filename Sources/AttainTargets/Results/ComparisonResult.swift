import AttainData
import AttainSimulation

/// Scenarios compared on common random numbers: each target's probability under each scenario, and the differences
/// from the first scenario with their standard errors.
///
/// Every scenario is simulated on the same paths (same path keys, same per-indicator streams), so the difference
/// `p_B − p_A` is estimated from paired outcomes: with `n₁₀` paths meeting the target only under A and `n₀₁` only under
/// B out of `S`, `d = (n₀₁ − n₁₀)/S` and `se(d) = √(((n₀₁ + n₁₀)/S − d²)/S)`, far below the
/// `√(p_A(1−p_A)/S + p_B(1−p_B)/S)` of independent runs (also reported, as `independentSE`).
public struct ComparisonResult: Sendable, Codable, Equatable {
    public struct ScenarioSummary: Sendable, Codable, Equatable {
        public var name: String
        public var file: String
        public var title: LocalizedText?
    }

    public struct ScenarioProbability: Sendable, Codable, Equatable {
        public var scenario: String
        public var probability: Double
        public var mcse: Double
        public var status: TargetStatus
        public var stretchProbability: Double?
    }

    public struct Difference: Sendable, Codable, Equatable {
        /// The scenario compared…
        public var scenario: String
        /// …with this one (the first scenario).
        public var versus: String
        /// `p(scenario) − p(versus)`.
        public var difference: Double
        /// Standard error of the difference from paired paths.
        public var se: Double
        /// What the standard error would be with independent runs of the same size.
        public var independentSE: Double
    }

    public struct TargetComparison: Sendable, Codable, Equatable {
        public var id: String
        public var wording: LocalizedText
        public var results: [ScenarioProbability]
        public var differences: [Difference]
        // Targets schema 2 only (absent for version-1 targets):
        /// `≥`, `>`, `≤` or `<`.
        public var symbol: String? = nil
        /// The kind as written, e.g. `average-growth`.
        public var form: String? = nil
        /// The base year, and its observed value in the first scenario (absent when simulated).
        public var base: Int? = nil
        public var baseValue: Double? = nil
        /// For a milestone, the target it was expanded from.
        public var milestoneOf: String? = nil
    }

    public var paths: Int
    public var seed: UInt64
    public var scenarios: [ScenarioSummary]
    public var targets: [TargetComparison]
    /// The version of Attain that made the result (``AttainVersion/current``).
    public var version: String? = nil
    /// Short SHA-256 digests of every file read (of every scenario): scenario files (with the chain they extend), targets and data.
    public var inputs: [InputDigest]? = nil
}
