import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An `.xlsx` file opened for checking: its ZIP entries unpacked with ZIPFoundation, its sheets, shared strings and
/// styles parsed with Foundation's `XMLParser` (independently of the writer's code).
public struct XLSXTestReader {
    /// One cell as stored: its type attribute (`s` for a shared string, nil for a number), raw value, resolved text
    /// (the shared string for `t="s"`) and the number format code of its style.
    public struct Cell: Equatable {
        public var reference: String
        public var type: String?
        public var raw: String
        public var text: String
        public var style: Int
        public var formatCode: String
        /// The number, for numeric cells.
        public var number: Double? { type == nil ? Double(raw) : nil }
    }

    public struct Sheet {
        public var name: String
        public var cells: [String: Cell]
        /// The worksheet XML as stored.
        public var xml: String

        /// The cell at `reference` (`B7`), if stored.
        public subscript(_ reference: String) -> Cell? { cells[reference] }

        /// The cells of row `row` (1-based) by column letter order.
        public func row(_ row: Int) -> [Cell] {
            cells.values.filter { Self.rowNumber($0.reference) == row }.sorted { Self.columnIndex($0.reference) < Self.columnIndex($1.reference) }
        }

        /// The row (1-based) of the first cell whose text is `text`.
        public func rowOf(text: String) -> Int? {
            cells.values.filter { $0.text == text }.map { Self.rowNumber($0.reference) }.min()
        }

        /// The texts of row `row`, blank cells as "", up to the last stored cell.
        public func texts(_ row: Int) -> [String] {
            let stored = self.row(row)
            guard let last = stored.last else { return [] }
            var out = Array(repeating: "", count: Self.columnIndex(last.reference) + 1)
            for cell in stored { out[Self.columnIndex(cell.reference)] = cell.text }
            return out
        }

        public static func rowNumber(_ reference: String) -> Int { Int(reference.filter(\.isNumber)) ?? 0 }

        public static func columnIndex(_ reference: String) -> Int {
            reference.filter(\.isLetter).unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        }
    }

    /// Entry paths in archive order.
    public var entryPaths: [String]
    /// Each entry's modification date.
    public var entryDates: [Date]
    /// Each entry's text.
    public var parts: [String: String]
    public var sheets: [Sheet]
    public var sharedStrings: [String]

    public init(path: String) throws {
        try self.init(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public init(data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var paths: [String] = []
        var dates: [Date] = []
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            paths.append(entry.path)
            dates.append(entry.fileAttributes[.modificationDate] as? Date ?? .distantPast)
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        entryPaths = paths
        entryDates = dates
        self.parts = parts
        let strings = Self.elements(named: "si", textOf: "t", in: parts["xl/sharedStrings.xml"] ?? "")
        sharedStrings = strings
        // Styles: cellXfs → numFmtId → code (custom ones from numFmts, else the built-in ones used here).
        let styles = StyleCollector()
        _ = styles.parse(parts["xl/styles.xml"] ?? "")
        let builtins = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"]
        let codes = styles.formatIDs.map { styles.customFormats[$0] ?? builtins[$0] ?? "id \($0)" }
        let names = SheetNameCollector()
        _ = names.parse(parts["xl/workbook.xml"] ?? "")
        sheets = names.names.enumerated().map { index, name in
            let xml = parts["xl/worksheets/sheet\(index + 1).xml"] ?? ""
            let collector = CellCollector()
            _ = collector.parse(xml)
            var cells: [String: Cell] = [:]
            for c in collector.cells {
                let text = c.type == "s" ? (Int(c.raw).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "") : c.raw
                cells[c.reference] = Cell(reference: c.reference, type: c.type, raw: c.raw, text: text, style: c.style,
                                          formatCode: codes.indices.contains(c.style) ? codes[c.style] : "General")
            }
            return Sheet(name: name, cells: cells, xml: xml)
        }
    }

    /// The sheet named `name`.
    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// The concatenated text of every `inner` element inside each `outer` element.
    static func elements(named outer: String, textOf inner: String, in xml: String) -> [String] {
        let collector = TextCollector(outer: outer, inner: inner)
        _ = collector.parse(xml)
        return collector.items
    }
}

/// Each collector conforms to `XMLParserDelegate` itself: a subclass's methods would not be the protocol's witnesses.
private protocol CollectingParser: XMLParserDelegate {}

extension CollectingParser {
    func parse(_ xml: String) -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        return parser.parse()
    }
}

private final class TextCollector: NSObject, CollectingParser {
    let outer: String, inner: String
    var items: [String] = []
    private var current: String?
    private var inInner = false

    init(outer: String, inner: String) {
        self.outer = outer
        self.inner = inner
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == outer { current = "" }
        if name == inner { inInner = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inInner { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == inner { inInner = false }
        if name == outer, let current { items.append(current); self.current = nil }
    }
}

private final class CellCollector: NSObject, CollectingParser {
    struct Raw { var reference: String; var type: String?; var raw: String; var style: Int }
    var cells: [Raw] = []
    private var current: Raw?
    private var inValue = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "c" { current = Raw(reference: attributes["r"] ?? "", type: attributes["t"], raw: "", style: Int(attributes["s"] ?? "0") ?? 0) }
        if name == "v" { inValue = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { current?.raw += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" { inValue = false }
        if name == "c", let current { cells.append(current); self.current = nil }
    }
}

private final class StyleCollector: NSObject, CollectingParser {
    var customFormats: [Int: String] = [:]
    var formatIDs: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "numFmt", let id = Int(attributes["numFmtId"] ?? ""), let code = attributes["formatCode"] { customFormats[id] = code }
        if name == "cellXfs" { inCellXfs = true }
        if name == "xf", inCellXfs { formatIDs.append(Int(attributes["numFmtId"] ?? "0") ?? 0) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

private final class SheetNameCollector: NSObject, CollectingParser {
    var names: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "sheet", let sheetName = attributes["name"] { names.append(sheetName) }
    }
}
