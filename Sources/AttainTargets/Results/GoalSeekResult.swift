import AttainData
import AttainSimulation

/// The lever value needed for a target to reach a chosen probability (the "required effort").
public struct GoalSeekResult: Sendable, Codable, Equatable {
    /// One evaluation of the search.
    public struct Evaluation: Sendable, Codable, Equatable {
        public var value: Double
        public var probability: Double
    }

    public var target: String
    public var wording: LocalizedText
    /// The intervention searched over, its lever kind and the indicators it acts on.
    public var lever: String
    public var leverKind: Lever
    public var indicators: [String]
    /// The probability sought.
    public var probability: Double
    /// The lever's value in the scenario, and the probability it gives.
    public var currentValue: Double
    public var currentProbability: Double
    /// The value found: the smallest reaching the probability when the target improves as the lever grows, the largest
    /// still reaching it when the target worsens as the lever grows (`direction`); nil when no value in the range does.
    public var required: Double?
    /// The probability at `required`, and its Monte Carlo standard error.
    public var achievedProbability: Double?
    public var mcse: Double?
    /// `increasing` or `decreasing`: how the target's probability moves as the lever grows.
    public var direction: String
    /// The range searched.
    public var lower: Double
    public var upper: Double
    /// Every evaluation, in the order made.
    public var evaluations: [Evaluation]
    public var paths: Int
    public var seed: UInt64
    /// The version of Attain that made the result (``AttainVersion/current``).
    public var version: String? = nil
    /// Short SHA-256 digests of every file read: scenario files (with the chain they extend), targets and data.
    public var inputs: [InputDigest]? = nil
    // Targets schema 2 only (absent for version-1 targets):
    /// `≥`, `>`, `≤` or `<`, and the kind as written.
    public var symbol: String? = nil
    public var form: String? = nil
    /// The base year and its observed value (absent when simulated).
    public var base: Int? = nil
    public var baseValue: Double? = nil
}
