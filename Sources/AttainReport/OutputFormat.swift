/// The forms a command's result can take: an aligned text table, JSON, CSV, Markdown, a self-contained HTML page or an
/// Excel workbook (`xlsx`, binary: written to a file only, see ``XLSXWriter``).
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
    case table, json, csv, md, html, xlsx

    /// Whether the format is binary (a file, never standard output).
    public var isBinary: Bool { self == .xlsx }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .table: return "txt"
        case .json: return "json"
        case .csv: return "csv"
        case .md: return "md"
        case .html: return "html"
        case .xlsx: return "xlsx"
        }
    }

    /// The format a file name implies by its extension (`.html`/`.htm`, `.md`, `.json`, `.csv`, `.txt`, `.xlsx`), if any.
    public init?(pathExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "json": self = .json
        case "csv": self = .csv
        case "txt", "text": self = .table
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}
