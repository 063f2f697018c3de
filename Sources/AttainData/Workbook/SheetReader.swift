import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet part (`xl/worksheets/sheetN.xml`) into a ``SheetGrid``, as a stream of parser events (the
/// sheet is never held as a tree).
///
/// Cell types: `s` (shared string), `inlineStr`, `str` (a formula's text), `n` or none (a number; a date when its
/// style formats it as one), `b`, `e`, `d` (an ISO date). A formula (`<f>`) is read through its cached value
/// (`<v>`); one without is kept as ``CellValue/formulaWithoutValue(_:)``. Cells without an `r` follow the previous
/// one; merged ranges (`<mergeCell>`) are filled with their first cell's value, so a merged header or unit label
/// reads on every row and column it spans.
final class SheetReader: NSObject, XMLParserDelegate, @unchecked Sendable {  // each used by one thread
    private let shared: [String]
    private let parts: WorkbookParts
    private(set) var rows: [[SheetCell]] = []
    private(set) var merges: [(CellReference, CellReference)] = []
    /// A shared-string index past the table (reported as a damaged part).
    private(set) var badSharedIndex: CellReference?

    private var row: [SheetCell] = []
    private var nextColumn = 0
    /// The current row's number (the one before the first, before any row is read).
    var rowNumber = 0
    private var cellRef = CellReference(column: 0, row: 1), cellType = "", cellStyle = -1
    private var inCell = false, text = "", formula = "", value: String?, hasFormula = false
    private enum Capture { case none, value, formula, inline }
    private var capture = Capture.none, inlineDepth = 0

    private init(shared: [String], parts: WorkbookParts) {
        self.shared = shared
        self.parts = parts
    }

    /// The sheet's non-empty cells, with merged ranges filled.
    ///
    /// A large sheet is read in two halves at once, one per core, when it can be cut exactly: at a `<row r="N"`
    /// tag in the middle of `<sheetData>`, in a part with no comment or CDATA section (where a `<` could be text).
    /// Each half is a document of its own (the first closed after the cut, the second opened before it), parsed by
    /// its own parser; their rows are joined in order. Anything else is read in one pass.
    static func read(_ data: Data, part: String, shared: [String], parts: WorkbookParts, name: String) throws(XLSXArchive.Failure) -> SheetGrid {
        try XMLBytes.check(data, part: part)
        let pieces = split(data)
        let readers = pieces.map { _ in SheetReader(shared: shared, parts: parts) }
        var failures = [String?](repeating: nil, count: pieces.count)
        failures.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: pieces.count) { i in  // one piece: on this thread
                let reader = readers[i]
                reader.rowNumber = pieces[i].rowsBefore
                let parser = XMLParser(stream: InputStream(data: pieces[i].data))  // in chunks: libxml2 refuses one over 10 MB
                parser.delegate = reader
                parser.shouldResolveExternalEntities = false
                if !parser.parse() { out[i] = parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML" }
            }
        }
        if let detail = failures.compactMap({ $0 }).first { throw .badXML(part: part, detail: detail) }
        if readers.contains(where: { $0.badSharedIndex != nil }) { throw .damaged(part: part) }
        var grid = SheetGrid(sheet: name, rows: readers.count == 1 ? readers[0].rows : readers.flatMap(\.rows))
        grid.fillMerged(readers.flatMap(\.merges))
        return grid
    }

    /// Sheets smaller than this are read in one pass.
    static let splitBytes = 4 << 20

    /// The part as one piece, or two that parse to the same rows (see ``read(_:part:shared:parts:name:)``); each with
    /// the row number before its first row.
    static func split(_ data: Data) -> [(data: Data, rowsBefore: Int)] {
        let whole = [(data, 0)]
        guard data.count >= splitBytes, ProcessInfo.processInfo.activeProcessorCount > 1 else { return whole }
        let bytes = [UInt8](data)
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.utf8)
            return bytes.withUnsafeBufferPointer { b -> Int? in
                var i = from
                outer: while i + n.count <= b.count {
                    if b[i] == n[0] {
                        for k in 1..<n.count where b[i + k] != n[k] { i += 1; continue outer }
                        return i
                    }
                    i += 1
                }
                return nil
            }
        }
        guard find("<!--", from: 0) == nil, find("<![CDATA[", from: 0) == nil,
              let open = find("<sheetData>", from: 0), let close = find("</sheetData>", from: open),
              let cut = find("<row r=\"", from: open + (close - open) / 2), cut < close else { return whole }
        var k = cut + 8, row = 0
        while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39, row < 10_000_000 { row = row * 10 + Int(bytes[k] - 0x30); k += 1 }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "\""), row > 1 else { return whole }
        let first = Data(bytes[..<cut]) + Data("</sheetData></worksheet>".utf8)
        let second = Data("<worksheet><sheetData>".utf8) + Data(bytes[cut...])
        return [(first, 0), (second, row - 1)]
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name.utf8.count <= 3 ? name : localName(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            nextColumn = 0
            row = []
        case "c":
            if let r = attributes["r"], let ref = CellReference(r) {
                cellRef = ref
                if ref.row != rowNumber, row.isEmpty { rowNumber = ref.row }
            } else {
                cellRef = CellReference(column: nextColumn, row: max(rowNumber, 1))
            }
            nextColumn = cellRef.column + 1
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? -1
            inCell = true
            value = nil
            text = ""
            formula = ""
            hasFormula = false
        case "v" where inCell: capture = .value; text = ""
        case "f" where inCell: capture = .formula; hasFormula = true
        case "is" where inCell: inlineDepth += 1; text = ""
        case "rPh": inlineDepth += 100  // phonetic guide: not part of the text
        case "t" where inCell && inlineDepth > 0 && inlineDepth < 100: capture = .inline
        case "mergeCell":
            if let ref = attributes["ref"] {
                let ends = ref.split(separator: ":")
                if ends.count == 2, let a = CellReference(ends[0]), let b = CellReference(ends[1]) { merges.append((a, b)) }
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .value, .inline: text += string
        case .formula: formula += string
        case .none: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name.utf8.count <= 3 ? name : localName(name) {
        case "v" where inCell: value = text; capture = .none
        case "f": capture = .none
        case "t" where capture == .inline: capture = .none
        case "rPh": inlineDepth -= 100
        case "is" where inCell:
            inlineDepth -= 1
            value = text
        case "c" where inCell:
            inCell = false
            if let cell = makeValue() { row.append(SheetCell(cellRef, cell)) }
        case "row":
            if !row.isEmpty { rows.append(row) }
            row = []
        default: break
        }
    }

    private func makeValue() -> CellValue? {
        guard let raw = value else {
            return hasFormula ? .formulaWithoutValue(formula) : nil
        }
        switch cellType {
        case "s":
            guard let i = Int(raw.trimmed), i >= 0, i < shared.count else {
                badSharedIndex = badSharedIndex ?? cellRef
                return nil
            }
            return shared[i].isEmpty ? nil : .text(shared[i])
        case "inlineStr", "str": return raw.isEmpty ? nil : .text(raw)
        case "b": return .bool(raw.trimmed == "1" || raw.trimmed.lowercased() == "true")
        case "e": return .error(raw.trimmed)
        case "d":
            let t = raw.trimmed
            let parts = t.prefix(10).split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { return .date(year: parts[0], month: parts[1], day: parts[2]) }
            return .text(t)
        default:
            let t = raw.trimmed
            if t.isEmpty { return hasFormula ? .formulaWithoutValue(formula) : nil }
            guard let v = Double(t) else { return .text(t) }
            if cellStyle >= 0, cellStyle < parts.dateStyles.count, parts.dateStyles[cellStyle],
               let day = ExcelDate.day(serial: v, uses1904: parts.uses1904) {
                return .date(year: day.year, month: day.month, day: day.day)
            }
            return .number(v)
        }
    }
}

extension SheetGrid {
    /// Copies each merged range's first cell into the range's other cells (ranges over 100,000 cells are left).
    mutating func fillMerged(_ merges: [(CellReference, CellReference)]) {
        guard !merges.isEmpty else { return }
        var index = [Int: Int]()  // sheet row → position in rows
        for (i, r) in rows.enumerated() { if let first = r.first { index[first.reference.row] = i } }
        var cells = [CellReference: CellValue]()
        for r in rows { for c in r { cells[c.reference] = c.value } }
        var added = [Int: [SheetCell]]()
        for (a, b) in merges {
            let (top, bottom) = (min(a.row, b.row), max(a.row, b.row))
            let (left, right) = (min(a.column, b.column), max(a.column, b.column))
            guard (bottom - top + 1) * (right - left + 1) <= 100_000,
                  let value = cells[CellReference(column: left, row: top)] else { continue }
            for r in top...bottom {
                for c in left...right where (r, c) != (top, left) && cells[CellReference(column: c, row: r)] == nil {
                    added[r, default: []].append(SheetCell(CellReference(column: c, row: r), value))
                }
            }
        }
        for (r, extra) in added {
            if let i = index[r] {
                rows[i] = (rows[i] + extra).sorted { $0.reference.column < $1.reference.column }
            } else {
                rows.append(extra.sorted { $0.reference.column < $1.reference.column })
            }
        }
        rows.sort { ($0.first?.reference.row ?? 0) < ($1.first?.reference.row ?? 0) }
    }
}
