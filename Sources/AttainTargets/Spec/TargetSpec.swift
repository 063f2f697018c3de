import AttainSimulation

/// One numeric target of a plan: which indicator, how it is judged, the threshold, and its wording in both languages.
///
/// ```yaml
/// - id: P2-6
///   indicator: members_educated
///   kind: every-year
///   window: 2027-2030
///   above: 95%                # "trên 95%": strictly above
///   wording:
///     vi: hằng năm trên 95% đoàn viên, hội viên, CNLĐ được học tập, tuyên truyền
///     en: each year more than 95% of members and workers receive political and legal education
/// ```
///
/// Targets schema version 2 adds upper bounds (`at-most: 1%`, `below: 2`), comparisons with a base year
/// (`kind: growth-from-base`, `base: 2023`), averages over a window (`kind: average-growth`, `window: 2025-2030`),
/// percentage points (`at-least: 10pp`) and milestones (`at-least: { 2021: 35%, 2025: 45% }`, one target per year with
/// ids `R28-1@2021`, … and ``milestoneOf`` set to `R28-1`).
public struct TargetSpec: Sendable, Equatable {
    /// Identifier, e.g. `P1-1a`.
    public var id: String
    /// The scenario indicator it is judged on.
    public var indicator: String
    /// How it is judged.
    public var kind: TargetKind
    /// ≥, strictly >, ≤ or strictly <.
    public var comparison: Comparison
    /// The threshold on the data scale (0.9 for 90%).
    public var threshold: Double
    /// A stretch value (range targets), judged like the threshold; on the harder side of it (above an `at-least`
    /// threshold, below an `at-most` one).
    public var stretch: Double?
    /// The years it covers; the deadline is the end of the last. For `growth-from-base` and `change-from-base` it runs
    /// from the base year to the deadline; for the average kinds its first year is the base.
    public var window: ClosedRange<Int>
    /// The base year of a `growth-from-base` or `change-from-base` target (the window's first year); nil otherwise.
    public var base: Int?
    /// For a milestone target (`R28-1@2025`), the id of the target it was expanded from (`R28-1`); nil otherwise.
    public var milestoneOf: String?
    /// Whether the threshold was written in percentage points (`10pp`, `10 điểm`): a change in a share.
    public var inPoints: Bool = false
    /// Wording: the plan's original Vietnamese and an English rendering.
    public var wording: LocalizedText
    /// A heading it is grouped under (the plan phase).
    public var group: LocalizedText?
    /// The unit shown beside values ("%", "lượt").
    public var unit: LocalizedText?
    /// Where it is defined, for error messages.
    public var location: SourceLocation?
    /// The line of each key of its entry in the targets file (`base`, `kind`, …), for errors found later.
    public var keyLines: [String: Int] = [:]

    /// An error about key `key` of this target, at that key's line when known (else the target's).
    public func error(_ message: String, key: String, hint: String? = nil) -> ConfigurationError {
        var location = self.location ?? SourceLocation(file: "", key: id)
        if let line = keyLines[key] { location.line = line }
        return location.error(message, key: key, hint: hint)
    }

    public init(id: String, indicator: String, kind: TargetKind, comparison: Comparison = .atLeast, threshold: Double,
                stretch: Double? = nil, window: ClosedRange<Int>, wording: LocalizedText = LocalizedText(),
                group: LocalizedText? = nil, unit: LocalizedText? = nil, base: Int? = nil, milestoneOf: String? = nil,
                inPoints: Bool = false) {
        self.id = id
        self.indicator = indicator
        self.kind = kind
        self.comparison = comparison
        self.threshold = threshold
        self.stretch = stretch
        self.window = window
        self.wording = wording
        self.group = group
        self.unit = unit
        self.base = base
        self.milestoneOf = milestoneOf
        self.inPoints = inPoints
    }

    /// The deadline year.
    public var deadline: Int { window.upperBound }

    /// The year whose value the statistic starts from: the base year of a from-base target, the window's first year of
    /// an average one; nil for the other kinds.
    public var baseYear: Int? { kind.isFromBase ? (base ?? window.lowerBound) : kind.isAverage ? window.lowerBound : nil }

    /// How it is labelled in tables: `R28-1 (2025)` for a milestone, the id otherwise.
    public var label: String { milestoneOf.map { "\($0) (\(deadline))" } ?? id }

    /// Whether it uses anything targets schema version 1 did not have (an upper bound, a new kind, points, milestones).
    public var usesSchema2: Bool {
        !TargetKind.version1.contains(kind) || comparison.isUpperBound || milestoneOf != nil || inPoints || base != nil
    }

    /// The judged statistic in words: `value in 2030`, `growth 2023→2030`, `average yearly change 2025–2030`, …
    public var form: String {
        switch kind {
        case .levelAtDeadline: return "value in \(deadline)"
        case .cumulativeCount, .cumulativeFlow: return "total \(window.lowerBound)–\(deadline)"
        case .everyYear, .range: return "each year \(window.lowerBound)–\(deadline)"
        case .growthFromBase: return "growth \(baseYear!)→\(deadline)"
        case .changeFromBase: return "change \(baseYear!)→\(deadline)"
        case .averageGrowth: return "average yearly growth \(window.lowerBound)–\(deadline)"
        case .averageChange: return "average yearly change \(window.lowerBound)–\(deadline)"
        }
    }
}
