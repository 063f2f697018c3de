/// How a target is judged on a simulated path.
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    /// A share or level reaches the threshold at the end of the deadline year (`90% … by 2026`).
    case levelAtDeadline = "level-at-deadline"
    /// New things established over the window add up to the threshold (`at least 4 new groups 2023–2026`).
    case cumulativeCount = "cumulative-count"
    /// A flow summed over the window reaches the threshold (`13,000 contacts by 2026`).
    case cumulativeFlow = "cumulative-flow"
    /// The threshold is met in each year of the window; reported per year and jointly (`at least 9 every year`).
    case everyYear = "every-year"
    /// An every-year minimum with a stretch value (`2–3 events a year`: minimum 2, stretch 3).
    case range

    /// Whether the target sums yearly flows over its window.
    public var isCumulative: Bool { self == .cumulativeCount || self == .cumulativeFlow }
    /// Whether the target must hold in every year of its window.
    public var isEveryYear: Bool { self == .everyYear || self == .range }
}

/// How a value is compared with the threshold.
public enum Comparison: String, Sendable, Codable {
    /// Reaches it: "at least", "đạt", ≥.
    case atLeast = ">="
    /// Exceeds it strictly: "trên" (above), >.
    case above = ">"

    /// Whether `value` satisfies the comparison with `threshold` (a relative tolerance of 10⁻⁹ absorbs rounding in ratios).
    @inlinable
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(threshold))
        switch self {
        case .atLeast: return value >= threshold - tolerance
        case .above: return value > threshold + tolerance
        }
    }

    /// `≥` or `>`.
    public var symbol: String { self == .atLeast ? "≥" : ">" }
}
