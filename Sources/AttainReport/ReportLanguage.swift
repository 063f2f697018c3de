/// The language of a report: Vietnamese (`vi`) or English (`en`).
public enum ReportLanguage: String, CaseIterable, Sendable, Codable {
    case vi, en
}
