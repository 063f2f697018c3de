/// A piece of text in English and, where available, Vietnamese.
///
/// In YAML either a plain string (taken as English) or a mapping `{ en: …, vi: … }`.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    /// English text.
    public var en: String?
    /// Vietnamese text.
    public var vi: String?

    public init(en: String? = nil, vi: String? = nil) {
        self.en = en
        self.vi = vi
    }

    /// The text in `language` (`"vi"` or `"en"`), falling back to the other language.
    public func text(_ language: String) -> String {
        (language == "vi" ? (vi ?? en) : (en ?? vi)) ?? ""
    }
}
