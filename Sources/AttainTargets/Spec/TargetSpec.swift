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
public struct TargetSpec: Sendable, Equatable {
    /// Identifier, e.g. `P1-1a`.
    public var id: String
    /// The scenario indicator it is judged on.
    public var indicator: String
    /// How it is judged.
    public var kind: TargetKind
    /// ≥ or strictly >.
    public var comparison: Comparison
    /// The threshold on the data scale (0.9 for 90%).
    public var threshold: Double
    /// A stretch value (range targets), judged like the threshold.
    public var stretch: Double?
    /// The years it covers; the deadline is the end of the last.
    public var window: ClosedRange<Int>
    /// Wording: the plan's original Vietnamese and an English rendering.
    public var wording: LocalizedText
    /// A heading it is grouped under (the plan phase).
    public var group: LocalizedText?
    /// The unit shown beside values ("%", "lượt").
    public var unit: LocalizedText?
    /// Where it is defined, for error messages.
    public var location: SourceLocation?

    public init(id: String, indicator: String, kind: TargetKind, comparison: Comparison = .atLeast, threshold: Double,
                stretch: Double? = nil, window: ClosedRange<Int>, wording: LocalizedText = LocalizedText(),
                group: LocalizedText? = nil, unit: LocalizedText? = nil) {
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
    }

    /// The deadline year.
    public var deadline: Int { window.upperBound }
}
