/// The forms a command's result can take: an aligned text table, JSON, CSV, Markdown or a self-contained HTML page.
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
    case table, json, csv, md, html

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .table: return "txt"
        case .json: return "json"
        case .csv: return "csv"
        case .md: return "md"
        case .html: return "html"
        }
    }

    /// The format a file name implies by its extension (`.html`/`.htm`, `.md`, `.json`, `.csv`, `.txt`), if any.
    public init?(pathExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "json": self = .json
        case "csv": self = .csv
        case "txt", "text": self = .table
        default: return nil
        }
    }
}
