import AttainSimulation

/// The language of a report: Vietnamese (`vi`) or English (`en`).
public enum ReportLanguage: String, CaseIterable, Sendable, Codable {
    case vi, en
}

extension LocalizedText {
    /// The text in `language`, falling back to the other language when that one is missing.
    public func text(_ language: ReportLanguage) -> String {
        text(language.rawValue)
    }

    /// Text with the same words in both languages (names, codes).
    static func both(_ text: String) -> LocalizedText {
        LocalizedText(en: text, vi: text)
    }
}
