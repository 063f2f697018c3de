import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a workbook says about itself: its sheets (names, in order, and the part each is stored in), the date
/// system, and which cell styles show numbers as dates. Read from `xl/workbook.xml`, its relationships and
/// `xl/styles.xml`.
struct WorkbookParts {
    struct Sheet: Equatable {
        var name: String
        var part: String
    }

    var sheets: [Sheet] = []
    /// Dates count from 1904-01-01 (old Mac workbooks) rather than 1899-12-30.
    var uses1904 = false
    /// For each cell style index (`s="3"`), whether it formats a number as a date.
    var dateStyles: [Bool] = []

    static func read(from archive: inout XLSXArchive) throws(XLSXArchive.Failure) -> WorkbookParts {
        var parts = WorkbookParts()
        let workbook = ElementCollector(["sheet", "workbookPr"])
        try workbook.parse(archive.read("xl/workbook.xml") ?? Data(), part: "xl/workbook.xml")
        let rels = ElementCollector(["Relationship"])
        if let data = try archive.read("xl/_rels/workbook.xml.rels") { try rels.parse(data, part: "xl/_rels/workbook.xml.rels") }
        var targets = [String: String]()
        for (_, a) in rels.elements { if let id = a["Id"], let target = a["Target"] { targets[id] = target } }
        for (name, a) in workbook.elements {
            if name == "workbookPr" { parts.uses1904 = ["1", "true"].contains(a["date1904"]?.lowercased() ?? ""); continue }
            guard let sheetName = a["name"] else { continue }
            let id = a["r:id"] ?? a.first { $0.key.hasSuffix(":id") }?.value ?? ""
            let target = targets[id] ?? ""
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            parts.sheets.append(Sheet(name: sheetName, part: part))
        }
        if let styles = try archive.read("xl/styles.xml") {
            let collector = ElementCollector(["numFmt", "xf", "cellXfs"], endTags: ["cellXfs"])
            try collector.parse(styles, part: "xl/styles.xml")
            var custom = [Int: String]()
            var inCellXfs = false
            for (name, a) in collector.elements {
                switch name {
                case "numFmt": if let id = a["numFmtId"].flatMap(Int.init) { custom[id] = a["formatCode"] ?? "" }
                case "cellXfs": inCellXfs = true
                case "/cellXfs": inCellXfs = false
                case "xf" where inCellXfs:
                    let id = a["numFmtId"].flatMap(Int.init) ?? 0
                    parts.dateStyles.append(isDateFormat(id: id, code: custom[id]))
                default: break
                }
            }
        }
        return parts
    }

    /// Built-in date formats (14–22, 45–47) and custom ones whose code has day, month or year outside quotes and
    /// brackets (`dd/mm/yyyy`, not `"m" 0` nor `[Red]0`).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code else { return false }
        var quoted = false, bracket = false, escaped = false
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "D", "y", "Y", "m", "M": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}

/// Collects the named elements' attributes in document order (and, for `endTags`, a `/name` marker where each ends).
final class ElementCollector: NSObject, XMLParserDelegate {
    private let names: Set<String>, endTags: Set<String>
    private(set) var elements: [(String, [String: String])] = []

    init(_ names: Set<String>, endTags: Set<String> = []) {
        self.names = names
        self.endTags = endTags
    }

    func parse(_ data: Data, part: String) throws(XLSXArchive.Failure) {
        try XMLBytes.check(data, part: part)
        let parser = XMLParser(stream: InputStream(data: data))  // fed in chunks: libxml2 refuses one chunk over 10 MB
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw .badXML(part: part, detail: parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = localName(name)
        if names.contains(local) { elements.append((local, attributes)) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = localName(name)
        if endTags.contains(local) { elements.append(("/" + local, [:])) }
    }
}

/// `sheet` for `x:sheet`: parts written with a namespace prefix read like those without.
func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
