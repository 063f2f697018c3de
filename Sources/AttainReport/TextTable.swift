/// A table of text cells that renders as aligned plain text, CSV, Markdown or HTML.
///
/// Columns are padded by display width (see ``DisplayWidth``), so Vietnamese with diacritics and CJK text line up in a
/// terminal. A column whose non-empty cells all look like numbers is right-aligned unless told otherwise.
///
/// ```swift
/// var table = TextTable(headers: ["Chỉ tiêu", "2025", "Xác suất"])
/// table.append(["Tỷ lệ công đoàn", "82", "41,2%"])
/// print(table.renderText())
/// ```
/// Cost: O(cells) per rendering.
public struct TextTable: Sendable, Equatable {
    /// How a column's cells are placed within its width.
    public enum Alignment: Sendable, Equatable {
        case left, right
        /// Right if every non-empty cell looks numeric ("1.234,5", "-3", "41%", "0.95"), left otherwise.
        case automatic
    }

    /// The header cells, one per column.
    public var headers: [String]
    /// The body rows; each is padded or truncated to the header count when rendered.
    public private(set) var rows: [[String]] = []
    /// One alignment per column (missing entries are ``Alignment/automatic``).
    public var alignments: [Alignment]

    /// A table with these column headers and no rows.
    public init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = alignments
    }

    /// Adds a row of cells.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The resolved alignment of column `index`.
    public func alignment(ofColumn index: Int) -> Alignment {
        let requested = index < alignments.count ? alignments[index] : .automatic
        guard requested == .automatic else { return requested }
        let cells = rows.map { cell($0, index) }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy(Self.looksNumeric) ? .right : .left
    }

    /// Aligned plain text: header, a rule of `─`, then rows; columns separated by two spaces, no trailing blanks.
    public func renderText() -> String {
        let count = headers.count
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for column in 0..<count { widths[column] = max(widths[column], DisplayWidth.of(cell(row, column))) }
        }
        let aligns = (0..<count).map { alignment(ofColumn: $0) }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in 0..<count {
                let text = cell(cells, column)
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
                parts.append(aligns[column] == .right ? pad + text : text + pad)
            }
            return trimTrailingSpaces(parts.joined(separator: "  "))
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; lines end with `\n`.
    public func renderCSV() -> String {
        ([headers] + rows.map { row in (0..<headers.count).map { cell(row, $0) } })
            .map { $0.map(CSVField.escape).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped and numeric columns are right-aligned.
    public func renderMarkdown() -> String {
        func escape(_ text: String) -> String {
            text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
        }
        let rule = (0..<headers.count).map { alignment(ofColumn: $0) == .right ? "---:" : "---" }
        var lines = ["| " + headers.map(escape).joined(separator: " | ") + " |", "|" + rule.joined(separator: "|") + "|"]
        for row in rows {
            lines.append("| " + (0..<headers.count).map { escape(cell(row, $0)) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An HTML `<table>` (escaped cells; numeric columns get `class="num"`), without surrounding document.
    public func renderHTML(caption: String? = nil) -> String {
        let aligns = (0..<headers.count).map { alignment(ofColumn: $0) }
        func attributes(_ column: Int) -> String { aligns[column] == .right ? " class=\"num\"" : "" }
        var html = "<table>\n"
        if let caption { html += "<caption>\(HTMLEscaping.text(caption))</caption>\n" }
        html += "<thead><tr>"
        for (column, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(attributes(column))>\(HTMLEscaping.text(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for column in 0..<headers.count {
                html += "<td\(attributes(column))>\(HTMLEscaping.text(cell(row, column)))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Renders in `format`; ``OutputFormat/json`` gives an array of objects keyed by header. A workbook is binary and
    /// is not text: ``OutputFormat/xlsx`` gives the CSV of the same cells (``XLSXWriter`` writes workbooks).
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return renderText()
        case .csv, .xlsx: return renderCSV()
        case .md: return renderMarkdown()
        case .html: return renderHTML()
        case .json:
            let objects = rows.map { row in
                JSONValue.object(Dictionary(uniqueKeysWithValues: headers.enumerated().map { ($1, .string(cell(row, $0))) }))
            }
            return JSONValue.array(objects).rendered()
        }
    }

    private func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? row[column] : ""
    }

    static func looksNumeric(_ text: String) -> Bool {
        var sawDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": sawDigit = true
            case ".", ",", " ", "\u{00A0}", "%", "‰", "e", "E", "-", "+", "−", "±", "≥", "≤", ">", "<", "≈": continue
            default: return false
            }
        }
        return sawDigit
    }
}

private func trimTrailingSpaces(_ text: String) -> String {
    var result = Substring(text)
    while result.last == " " { result = result.dropLast() }
    return String(result)
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
