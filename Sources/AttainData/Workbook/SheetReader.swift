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
    private var cellRef = CellReference(column: 0, row: 1), cellType = CellType.number, cellStyle = -1
    /// The last row's cell count: room made in the next row's array.
    private var lastWidth = 0
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
    /// tag in the middle of `<sheetData>`, in a part with no comment, CDATA section or declaration (no `<!`: in a
    /// comment or CDATA a `<` could be text, and a declaration would be left out of the second half).
    /// Each half is a document of its own (the first closed after the cut, the second opened before it), parsed by
    /// its own parser; their rows are joined in order. Anything else is read in one pass.
    static func read(_ data: Data, part: String, shared: [String], parts: WorkbookParts, name: String) throws(XLSXArchive.Failure) -> SheetGrid {
        // A part that starts with a UTF-16 byte-order mark is not checked as UTF-8 (see XMLBytes.check); else each
        // piece is checked on its own thread: a cut is at an ASCII `<`, so the pieces are UTF-8 when the part is.
        let utf16 = XMLBytes.hasUTF16Mark(data)
        let pieces = split(data)
        let readers = pieces.map { _ in SheetReader(shared: shared, parts: parts) }
        var failures = [String?](repeating: nil, count: pieces.count)
        var notUTF8 = [Bool](repeating: false, count: pieces.count)
        failures.withUnsafeMutableBufferPointer { buffer in
            notUTF8.withUnsafeMutableBufferPointer { flags in
                nonisolated(unsafe) let out = buffer, bad = flags
                DispatchQueue.concurrentPerform(iterations: pieces.count) { i in  // one piece: on this thread
                    if !utf16, !XMLBytes.isUTF8(pieces[i].data) { bad[i] = true; return }
                    let reader = readers[i]
                    reader.rowNumber = pieces[i].rowsBefore
                    let parser = XMLParser(stream: InputStream(data: pieces[i].data))  // in chunks: libxml2 refuses one over 10 MB
                    parser.delegate = reader
                    parser.shouldResolveExternalEntities = false
                    if !parser.parse() { out[i] = parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML" }
                }
            }
        }
        if notUTF8.contains(true) { throw XMLBytes.notUTF8(part: part) }
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
        let found = data.withUnsafeBytes { raw -> (cut: Int, row: Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return nil }
            // The first `needle` at or after `from`: memchr for its byte at `anchor` (one rare in a sheet: `<` is
            // everywhere), then a compare.
            func find(_ needle: StaticString, anchor: Int, from: Int) -> Int? {
                let n = needle.utf8CodeUnitCount, byte = Int32(needle.utf8Start[anchor])
                var i = from
                while i + n <= bytes.count {
                    guard let hit = memchr(base + i + anchor, byte, bytes.count - n + 1 - i) else { return nil }
                    i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
                    if memcmp(base + i, needle.utf8Start, n) == 0 { return i }
                    i += 1
                }
                return nil
            }
            // `<!` opens a comment, a CDATA section or a declaration (never text: a `<` in text is escaped).
            guard find("<!", anchor: 1, from: 0) == nil,
                  let open = find("<sheetData>", anchor: 6, from: 0), let close = find("</sheetData>", anchor: 7, from: open),
                  let cut = find("<row r=\"", anchor: 3, from: open + (close - open) / 2), cut < close else { return nil }
            var k = cut + 8, row = 0
            while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39, row < 10_000_000 { row = row * 10 + Int(bytes[k] - 0x30); k += 1 }
            guard k < bytes.count, bytes[k] == UInt8(ascii: "\""), row > 1 else { return nil }
            return (cut, row)
        }
        guard let (cut, row) = found else { return whole }
        let close = Data("</sheetData></worksheet>".utf8), open = Data("<worksheet><sheetData>".utf8)
        var first = Data(capacity: cut + close.count)
        first.append(data[data.startIndex..<data.startIndex + cut])
        first.append(close)
        var second = Data(capacity: open.count + data.count - cut)
        second.append(open)
        second.append(data[(data.startIndex + cut)...])
        return [(first, 0), (second, row - 1)]
    }

    /// The elements the reader acts on, told apart by their bytes (a prefix such as `x:` left out).
    private enum Tag { case row, c, v, f, inline, t, phonetic, mergeCell, other }

    private static func tag(_ name: String) -> Tag {
        var name = name
        return name.withUTF8 { all -> Tag in
            var start = all.count
            while start > 0 && all[start - 1] != UInt8(ascii: ":") { start -= 1 }
            let n = all.count - start
            func byte(_ k: Int) -> UInt8 { all[start + k] }
            switch n {
            case 1:
                switch byte(0) {
                case UInt8(ascii: "c"): return .c
                case UInt8(ascii: "v"): return .v
                case UInt8(ascii: "f"): return .f
                case UInt8(ascii: "t"): return .t
                default: return .other
                }
            case 2: return byte(0) == UInt8(ascii: "i") && byte(1) == UInt8(ascii: "s") ? .inline : .other
            case 3:
                if byte(0) == UInt8(ascii: "r") && byte(1) == UInt8(ascii: "o") && byte(2) == UInt8(ascii: "w") { return .row }
                if byte(0) == UInt8(ascii: "r") && byte(1) == UInt8(ascii: "P") && byte(2) == UInt8(ascii: "h") { return .phonetic }
                return .other
            case 9: return UnsafeBufferPointer(rebasing: all[start...]).elementsEqual("mergeCell".utf8) ? .mergeCell : .other
            default: return .other
            }
        }
    }

    /// A cell's `t` attribute: `s`, `inlineStr`, `str`, `b`, `e`, `d`; anything else (`n`, none) is a number.
    private enum CellType { case shared, inlineString, formulaString, bool, error, date, number }

    private static func cellType(_ t: String) -> CellType {
        let u = t.utf8
        switch u.count {
        case 1:
            switch u.first! {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3: return t == "str" ? .formulaString : .number
        case 9: return t == "inlineStr" ? .inlineString : .number
        default: return .number
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Self.tag(name) {
        case .row:
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            nextColumn = 0
            row = []
            row.reserveCapacity(lastWidth)
        case .c:
            // One pass over the (two or three) attributes rather than a hashed look-up of each.
            var r: String?, t: String?, style: String?
            for (key, value) in attributes where key.utf8.count == 1 {
                switch key.utf8.first! {
                case UInt8(ascii: "r"): r = value
                case UInt8(ascii: "t"): t = value
                case UInt8(ascii: "s"): style = value
                default: break
                }
            }
            if let r, let ref = CellReference(r) {
                cellRef = ref
                if ref.row != rowNumber, row.isEmpty { rowNumber = ref.row }
            } else {
                cellRef = CellReference(column: nextColumn, row: max(rowNumber, 1))
            }
            nextColumn = cellRef.column + 1
            cellType = t.map(Self.cellType) ?? .number
            cellStyle = style.flatMap(Int.init) ?? -1
            inCell = true
            value = nil
            text = ""
            formula = ""
            hasFormula = false
        case .v where inCell: capture = .value; text = ""
        case .f where inCell: capture = .formula; hasFormula = true
        case .inline where inCell: inlineDepth += 1; text = ""
        case .phonetic: inlineDepth += 100  // phonetic guide: not part of the text
        case .t where inCell && inlineDepth > 0 && inlineDepth < 100: capture = .inline
        case .mergeCell:
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
        switch Self.tag(name) {
        case .v where inCell: value = text; capture = .none
        case .f: capture = .none
        case .t where capture == .inline: capture = .none
        case .phonetic: inlineDepth -= 100
        case .inline where inCell:
            inlineDepth -= 1
            value = text
        case .c where inCell:
            inCell = false
            if let cell = makeValue() { row.append(SheetCell(cellRef, cell)) }
        case .row:
            if !row.isEmpty { rows.append(row); lastWidth = row.count }
            row = []
        default: break
        }
    }

    private func makeValue() -> CellValue? {
        guard let raw = value else {
            return hasFormula ? .formulaWithoutValue(formula) : nil
        }
        switch cellType {
        case .shared:
            guard let i = Int(raw.trimmed), i >= 0, i < shared.count else {
                badSharedIndex = badSharedIndex ?? cellRef
                return nil
            }
            return shared[i].isEmpty ? nil : .text(shared[i])
        case .inlineString, .formulaString: return raw.isEmpty ? nil : .text(raw)
        case .bool: return .bool(raw.trimmed == "1" || raw.trimmed.lowercased() == "true")
        case .error: return .error(raw.trimmed)
        case .date:
            let t = raw.trimmed
            let parts = t.prefix(10).split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { return .date(year: parts[0], month: parts[1], day: parts[2]) }
            return .text(t)
        case .number:
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
