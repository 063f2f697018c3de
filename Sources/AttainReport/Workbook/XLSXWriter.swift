import Foundation
import ZIPFoundation

/// Writes a ``Workbook`` as an Office Open XML spreadsheet (`.xlsx`), readable by Excel, LibreOffice and openpyxl.
///
/// The file holds the parts a spreadsheet needs and nothing else: `[Content_Types].xml`, the package and workbook
/// relationships, minimal document properties (title and "Attain" as the application; no dates), the workbook, one
/// worksheet per sheet (column widths, frozen header rows, row heights for wrapped text, printed landscape one page
/// wide), a style sheet with the
/// number formats the cells use and the shared strings. The ZIP archive is built in memory with ZIPFoundation
/// (deflate), its entries always in the same order and dated 1 January 1980, so the same workbook gives the same bytes
/// on every run, on any thread count and in any time zone.
///
/// ```swift
/// try XLSXWriter.write(workbook, to: "result.xlsx")   // whole or not at all (AtomicFileWriter)
/// let bytes = try XLSXWriter.bytes(workbook)           // the same bytes, in memory
/// ```
/// Cost: O(cells) time; the archive and its parts are held in memory once each.
public enum XLSXWriter {
    /// The modification date of every archive entry: 1980-01-01 00:00:00 UTC, the earliest a ZIP date can say.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The workbook as the bytes of an `.xlsx` file.
    public static func bytes(_ workbook: Workbook) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(workbook) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(data.count, start + size))
            }
        }
        guard let data = archive.data else { throw XLSXWriterError.noArchiveData }
        return [UInt8](data)
    }

    /// Writes the workbook to `path` atomically: readers see the old file or the complete new one, never a part.
    public static func write(_ workbook: Workbook, to path: String) throws {
        let bytes = try bytes(workbook)
        try AtomicFileWriter.write(bytes, to: path)
    }

    /// The archive's parts in the order they are stored: path and XML text.
    static func parts(_ workbook: Workbook) -> [(String, String)] {
        var strings = SharedStrings()
        var styles = StyleTable()
        // A workbook needs at least one sheet to open.
        let given = workbook.sheets.isEmpty ? [WorkbookSheet(name: "Sheet1")] : workbook.sheets
        let names = sheetNames(given.map(\.name))
        var sheets: [String] = []
        for (index, sheet) in given.enumerated() {
            sheets.append(worksheet(sheet, selected: index == 0, strings: &strings, styles: &styles))
        }
        var result: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties(title: workbook.title)),
            ("xl/workbook.xml", workbookXML(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles.xml()),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        for (index, xml) in sheets.enumerated() { result.append(("xl/worksheets/sheet\(index + 1).xml", xml)) }
        return result
    }

    // MARK: Package parts

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 0..<sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    private static let appProperties = declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Attain</Application></Properties>"

    private static func coreProperties(title: String?) -> String {
        var xml = declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        if let title, !title.isEmpty { xml += "<dc:title>\(XMLEscaping.text(title))</dc:title>" }
        return xml + "<dc:creator>Attain</dc:creator></cp:coreProperties>"
    }

    private static func workbookXML(_ names: [String]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLEscaping.text(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 0..<sheetCount {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Sheet names a spreadsheet accepts: `[ ] : * ? / \` replaced by `-`, at most 31 characters, not blank, no two
    /// alike (case-insensitively; a later duplicate gets ` (2)`, ` (3)`, …).
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.filter { $0.unicodeScalars.allSatisfy(XMLEscaping.isAllowed) })
            clean = clean.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if clean.isEmpty { clean = "Sheet\(index + 1)" }
            clean = String(clean.prefix(31))
            var candidate = clean
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    // MARK: Worksheets

    /// `A`, `B`, …, `Z`, `AA`, … for the zero-based column `index`.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A number as written in the XML: whole numbers without a decimal point, others in the shortest form that reads
    /// back as the same double.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    private static func worksheet(_ sheet: WorkbookSheet, selected: Bool, strings: inout SharedStrings, styles: inout StyleTable) -> String {
        let widths = columnWidths(sheet)
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.frozenRows > 0 {
            let topLeft = "A\(sheet.frozenRows + 1)"
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(numberText(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() where !row.isEmpty {
            // A cell merged across columns wraps within their summed width.
            var rowWidths = widths
            for span in sheet.merges where span.row == rowIndex && span.firstColumn < rowWidths.count {
                rowWidths[span.firstColumn] = (span.firstColumn...span.lastColumn).reduce(0) { $0 + ($1 < widths.count ? widths[$1] : 8.43) }
            }
            let lines = wrappedLines(row, widths: rowWidths)
            xml += "<row r=\"\(rowIndex + 1)\""
            if lines > 1 { xml += " ht=\"\(numberText(Double(lines) * 15))\" customHeight=\"1\"" }
            xml += ">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                let styleIndex = styles.index(of: cell.style)
                let styleAttribute = styleIndex == 0 ? "" : " s=\"\(styleIndex)\""
                switch cell.value {
                case .empty:
                    if styleIndex != 0 { xml += "<c r=\"\(reference)\"\(styleAttribute)/>" }
                case .number(let value):
                    if value.isFinite {
                        xml += "<c r=\"\(reference)\"\(styleAttribute)><v>\(numberText(value))</v></c>"
                    } else if styleIndex != 0 {
                        xml += "<c r=\"\(reference)\"\(styleAttribute)/>"
                    }
                case .text(let text):
                    xml += "<c r=\"\(reference)\"\(styleAttribute) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        let spans = sheet.merges.filter { $0.lastColumn > $0.firstColumn && $0.row < sheet.rows.count }
        if !spans.isEmpty {
            xml += "<mergeCells count=\"\(spans.count)\">"
            for span in spans {
                xml += "<mergeCell ref=\"\(columnName(span.firstColumn))\(span.row + 1):\(columnName(span.lastColumn))\(span.row + 1)\"/>"
            }
            xml += "</mergeCells>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    /// Each column's width in characters: the sheet's own, else estimated from the widest cell (headers count by their
    /// longest word, since they wrap; text that runs on to the right, such as captions and notes, does not count), between
    /// 6 and the sheet's maximum.
    static func columnWidths(_ sheet: WorkbookSheet) -> [Double] {
        let count = sheet.rows.map(\.count).max() ?? 0
        return (0..<count).map { column in
            if column < sheet.columnWidths.count, let width = sheet.columnWidths[column] { return width }
            var widest = 0
            for row in sheet.rows where column < row.count {
                let cell = row[column]
                if cell.style.overflows { continue }
                widest = max(widest, shownWidth(cell))
            }
            return min(sheet.maximumColumnWidth, max(6, Double(widest) + 2))
        }
    }

    /// About how many characters a cell shows.
    static func shownWidth(_ cell: WorkbookCell) -> Int {
        switch cell.value {
        case .empty: return 0
        case .text(let text):
            if cell.style.shaded {
                let longestWord = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { DisplayWidth.of($0) }.max() ?? 0
                return max(longestWord, min(DisplayWidth.of(text), 14))
            }
            let widest = text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of($0) }.max() ?? 0
            return widest + (cell.style.indented ? 2 : 0)
        case .number(let value):
            guard value.isFinite else { return 0 }
            let scaled: Double
            switch cell.style.format {
            case .percent, .signedPercent: scaled = value * 100
            default: scaled = value
            }
            let integerDigits = max(1, Int(log10(max(1, abs(scaled).rounded()))) + 1)
            var width = integerDigits + (scaled < 0 ? 1 : 0)
            switch cell.style.format {
            case .general: width = min(11, value.description.count)
            case .integer: break
            case .thousands(let digits): width += (integerDigits - 1) / 3 + (digits > 0 ? digits + 1 : 0)
            case .decimal(let digits): width += digits > 0 ? digits + 1 : 0
            case .percent(let digits): width += 1 + (digits > 0 ? digits + 1 : 0)
            case .signedPercent(let digits): width += 2 + (digits > 0 ? digits + 1 : 0)
            case .suffixed(let digits, let suffix): width += (integerDigits - 1) / 3 + (digits > 0 ? digits + 1 : 0) + suffix.count
            }
            return width
        }
    }

    /// The lines the tallest wrapped cell of `row` takes at the columns' widths (1 when nothing wraps).
    static func wrappedLines(_ row: [WorkbookCell], widths: [Double]) -> Int {
        var lines = 1
        for (column, cell) in row.enumerated() where cell.style.wrap && column < widths.count {
            guard case .text(let text) = cell.value else { continue }
            // A column's width counts digit widths; text in a proportional font fits about a tenth more letters.
            let room = max(1, Int(widths[column] * 1.1) - 1)
            var cellLines = 0
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                cellLines += wordWrappedLineCount(String(paragraph), width: room)
            }
            lines = max(lines, cellLines)
        }
        return lines
    }

    /// Lines that `text` takes when wrapped at word boundaries within `width` characters.
    private static func wordWrappedLineCount(_ text: String, width: Int) -> Int {
        var lines = 1
        var used = 0
        for word in text.split(separator: " ") {
            let length = DisplayWidth.of(word)
            if used == 0 {
                used = length
            } else if used + 1 + length <= width {
                used += 1 + length
            } else {
                lines += 1
                used = length
            }
            while used > width {
                lines += 1
                used -= width
            }
        }
        return lines
    }
}

/// Why a workbook could not be produced.
public enum XLSXWriterError: Error, Sendable, CustomStringConvertible {
    /// The in-memory archive gave no bytes.
    case noArchiveData

    public var description: String {
        switch self {
        case .noArchiveData: return "the workbook's archive could not be assembled in memory"
        }
    }
}

/// The workbook's strings, each stored once, numbered in order of first use.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var ordered: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = ordered.count
        ordered.append(text)
        return ordered.count - 1
    }

    func xml() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(ordered.count)\">"
        for text in ordered {
            xml += "<si><t xml:space=\"preserve\">\(XMLEscaping.cellText(text))</t></si>"
        }
        return xml + "</sst>"
    }
}

/// The cell formats of a workbook, numbered in order of first use after the default (index 0).
struct StyleTable {
    private var indices: [WorkbookStyle: Int] = [WorkbookStyle.plain: 0]
    private var ordered: [WorkbookStyle] = [.plain]

    mutating func index(of style: WorkbookStyle) -> Int {
        if let index = indices[style] { return index }
        indices[style] = ordered.count
        ordered.append(style)
        return ordered.count - 1
    }

    func xml() -> String {
        // Custom number formats get ids from 164 on, in order of first use.
        var formatIDs: [String: Int] = [:]
        var custom: [(Int, String)] = []
        for style in ordered {
            let code = style.format.code
            if style.format.builtinID != nil || formatIDs[code] != nil { continue }
            let id = 164 + custom.count
            formatIDs[code] = id
            custom.append((id, code))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !custom.isEmpty {
            xml += "<numFmts count=\"\(custom.count)\">"
            for (id, code) in custom { xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLEscaping.text(code))\"/>" }
            xml += "</numFmts>"
        }
        let font = "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>"
        xml += "<fonts count=\"4\"><font>\(font)</font><font><b/>\(font)</font><font><b/><color rgb=\"FFC00000\"/>\(font)</font>"
        xml += "<font><i/>\(font)</font></fonts>"
        xml += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        xml += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        xml += "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"><alignment vertical=\"top\"/></xf></cellStyleXfs>"
        xml += "<cellXfs count=\"\(ordered.count)\">"
        for style in ordered {
            let formatID = style.format.builtinID ?? formatIDs[style.format.code] ?? 0
            let fontID = style.warning ? 2 : (style.bold ? 1 : (style.italic ? 3 : 0))
            let fillID = style.shaded ? 2 : 0
            let borderID = style.shaded ? 1 : 0
            xml += "<xf numFmtId=\"\(formatID)\" fontId=\"\(fontID)\" fillId=\"\(fillID)\" borderId=\"\(borderID)\" xfId=\"0\""
            if formatID != 0 { xml += " applyNumberFormat=\"1\"" }
            if fontID != 0 { xml += " applyFont=\"1\"" }
            if fillID != 0 { xml += " applyFill=\"1\"" }
            if borderID != 0 { xml += " applyBorder=\"1\"" }
            // Every cell sits at the top of its row, so that a row made tall by wrapped text reads across.
            let indent = style.indented ? " horizontal=\"left\" indent=\"1\"" : ""
            xml += " applyAlignment=\"1\"><alignment\(indent) vertical=\"top\"\(style.wrap ? " wrapText=\"1\"" : "")/></xf>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }
}
