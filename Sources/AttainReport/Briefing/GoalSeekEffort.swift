import AttainSimulation

/// The smallest value of a lever that gives a target a chosen probability (the effort needed).
public struct GoalSeekEffort: Sendable, Equatable {
    /// What the lever is, e.g. "new union members recruited per year".
    public var lever: LocalizedText
    /// The unit of the lever's value ("người/năm", "×").
    public var unit: LocalizedText
    /// The lever's value in the scenario as it stands.
    public var current: Double
    /// The smallest value reaching `probability`; nil when no value within the lever's range reaches it.
    public var required: Double?
    /// The probability sought.
    public var probability: Double
    /// The largest value tried, when `required` is nil.
    public var searchedUpTo: Double?

    public init(lever: LocalizedText, unit: LocalizedText, current: Double, required: Double?, probability: Double,
                searchedUpTo: Double? = nil) {
        self.lever = lever
        self.unit = unit
        self.current = current
        self.required = required
        self.probability = probability
        self.searchedUpTo = searchedUpTo
    }
}
