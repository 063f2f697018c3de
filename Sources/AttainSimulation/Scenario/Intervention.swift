/// A change to the baseline: one lever, the indicators it acts on, and from when.
///
/// ```yaml
/// interventions:
///   - id: founding-drive
///     lever: rate-multiplier
///     indicators: [enterprise_union_share]
///     from: 2026
///     value: 1.5
/// ```
public struct Intervention: Sendable, Equatable {
    /// Name used by `attain goalseek --lever` and in outputs.
    public var id: String
    /// What is changed.
    public var lever: Lever
    /// Scenario indicators the lever acts on.
    public var indicators: [String]
    /// First year the lever acts (the year of a one-off cohort or shock).
    public var from: Int
    /// Last year the lever acts (nil: to the horizon). Ignored for one-offs.
    public var to: Int?
    /// The lever's value (see ``Lever``).
    public var value: Double
    /// Probability that a shock happens (1 for other levers).
    public var probability: Double
    /// Workers of each enterprise in a cohort (0 when the cohort only adds enterprises).
    public var workersPerEnterprise: Double
    /// What the intervention stands for, in words.
    public var description: LocalizedText?
    /// Where it is defined, for error messages.
    public var location: SourceLocation?

    public init(id: String, lever: Lever, indicators: [String], from: Int, to: Int? = nil, value: Double,
                probability: Double = 1, workersPerEnterprise: Double = 0, description: LocalizedText? = nil) {
        self.id = id
        self.lever = lever
        self.indicators = indicators
        self.from = from
        self.to = to
        self.value = value
        self.probability = probability
        self.workersPerEnterprise = workersPerEnterprise
        self.description = description
    }

    /// Whether the lever acts in `year`.
    public func acts(in year: Int) -> Bool {
        lever.isOneOff ? year == from : (year >= from && year <= (to ?? Int.max))
    }
}
