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
    /// Growth from a base year to the deadline, `v(deadline) / v(base) − 1` (schema 2: "tăng 20 % so với năm 2023").
    case growthFromBase = "growth-from-base"
    /// Change from a base year to the deadline on the data scale, `v(deadline) − v(base)` (schema 2: "tăng thêm 10
    /// điểm % so với 2020"; for shares 10 points is 0.10).
    case changeFromBase = "change-from-base"
    /// Average yearly growth over a window, `(v(last) / v(first))^(1/(last − first)) − 1` (schema 2: "tăng bình quân
    /// 5 %/năm"); the window's first year is the base.
    case averageGrowth = "average-growth"
    /// Average yearly change over a window, `(v(last) − v(first)) / (last − first)` (schema 2: "giảm bình quân 1 điểm
    /// %/năm").
    case averageChange = "average-change"

    /// The kinds targets schema version 1 knew.
    public static let version1: [TargetKind] = [.levelAtDeadline, .cumulativeCount, .cumulativeFlow, .everyYear, .range]

    /// Whether the target sums yearly flows over its window.
    public var isCumulative: Bool { self == .cumulativeCount || self == .cumulativeFlow }
    /// Whether the target must hold in every year of its window.
    public var isEveryYear: Bool { self == .everyYear || self == .range }
    /// Whether the judged value is compared with the value in a base year (`growth-from-base`, `change-from-base`).
    public var isFromBase: Bool { self == .growthFromBase || self == .changeFromBase }
    /// Whether the judged value is an average yearly rate over a window (`average-growth`, `average-change`).
    public var isAverage: Bool { self == .averageGrowth || self == .averageChange }
    /// Whether the judged value is relative to a starting value (a base year or the window's first year).
    public var isRelative: Bool { isFromBase || isAverage }
    /// Whether the statistic is a relative growth (a ratio) rather than a difference.
    public var isGrowth: Bool { self == .growthFromBase || self == .averageGrowth }
    /// Whether the judged statistic is a single value at the deadline (one reported year).
    public var judgesDeadlineOnly: Bool { self == .levelAtDeadline || isFromBase }
    /// Whether a target of this kind may give a year → threshold mapping (milestones).
    public var takesMilestones: Bool { self == .levelAtDeadline || isFromBase }
}

/// How a value is compared with the threshold.
///
/// | key | JSON | symbol | Vietnamese |
/// |---|---|---|---|
/// | `at-least` | `>=` | ≥ | đạt, ít nhất, tối thiểu |
/// | `above` | `>` | > | trên |
/// | `at-most` | `<=` | ≤ | không quá, tối đa (schema 2) |
/// | `below` | `<` | < | dưới, giảm xuống dưới (schema 2) |
public enum Comparison: String, Sendable, Codable, CaseIterable {
    /// Reaches it: "at least", "đạt", ≥.
    case atLeast = ">="
    /// Exceeds it strictly: "trên" (above), >.
    case above = ">"
    /// Does not exceed it: "không quá", "tối đa", ≤ (targets schema 2).
    case atMost = "<="
    /// Stays strictly under it: "dưới", "giảm xuống dưới", < (targets schema 2).
    case below = "<"

    /// Whether `value` satisfies the comparison with `threshold` (a relative tolerance of 10⁻⁹ absorbs rounding in ratios).
    @inlinable
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(threshold))
        switch self {
        case .atLeast: return value >= threshold - tolerance
        case .above: return value > threshold + tolerance
        case .atMost: return value <= threshold + tolerance
        case .below: return value < threshold - tolerance
        }
    }

    /// `≥`, `>`, `≤` or `<`.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .above: return ">"
        case .atMost: return "≤"
        case .below: return "<"
        }
    }

    /// The key a targets file writes it with: `at-least`, `above`, `at-most`, `below`.
    public var key: String {
        switch self {
        case .atLeast: return "at-least"
        case .above: return "above"
        case .atMost: return "at-most"
        case .below: return "below"
        }
    }

    /// The comparison written with targets-file key `key`.
    public init?(key: String) {
        guard let c = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = c
    }

    /// Whether the threshold is an upper bound (`at-most`, `below`): lower values are better, and a stretch value lies
    /// below the threshold.
    public var isUpperBound: Bool { self == .atMost || self == .below }
    /// Whether equality fails (`above`, `below`).
    public var isStrict: Bool { self == .above || self == .below }
    /// The sign that turns the comparison into "at least": +1 for `at-least`/`above`, −1 for `at-most`/`below`.
    public var sign: Double { isUpperBound ? -1 : 1 }
}
