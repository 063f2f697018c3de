/// The reviewers' verdict on a target, in the words Vietnamese mid-term reviews use.
public enum BriefingStatus: String, Sendable, Equatable, CaseIterable {
    /// Already achieved ("Đạt").
    case met
    /// Likely to be met ("có khả năng đạt").
    case likely
    /// Hard to meet ("khó đạt").
    case hard
    /// At risk of not being met ("nguy cơ không đạt").
    case atRisk = "at-risk"
    /// The deadline has passed and it was not met ("Chưa đạt").
    case notMet = "not-met"

    /// The status word in `language`, capitalised for a table cell.
    public func word(_ language: ReportLanguage) -> String {
        switch (self, language) {
        case (.met, .vi): return "Đạt"
        case (.likely, .vi): return "Có khả năng đạt"
        case (.hard, .vi): return "Khó đạt"
        case (.atRisk, .vi): return "Nguy cơ không đạt"
        case (.notMet, .vi): return "Chưa đạt"
        case (.met, .en): return "Met"
        case (.likely, .en): return "Likely"
        case (.hard, .en): return "Hard to meet"
        case (.atRisk, .en): return "At risk"
        case (.notMet, .en): return "Not met"
        }
    }

    /// Whether a briefing should show the effort needed (goal seek) for a target with this status.
    public var needsEffort: Bool { self == .hard || self == .atRisk }
}
