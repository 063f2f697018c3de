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
    private var rowNumber = 0
    private var cellRef = CellReference(column: 0, row: 1), cellType = CellType.number, cellStyle = -1
    /// The last row's cell count: room made in the next row's array.
    private var lastWidth = 0
    private var inCell = false, text = "", formula = "", value: String?, hasFormula = false
    private enum Capture { case none, value, formula, inline }
    private var capture = Capture.none, inlineDepth = 0

    init(shared: [String], parts: WorkbookParts, rowsBefore: Int) {
        self.shared = shared
        self.parts = parts
        rowNumber = rowsBefore
    }

    /// The sheet's non-empty cells, with merged ranges filled.
    ///
    /// A large sheet is read in two halves at once, one per core, when it can be cut exactly: at a `<row r="N"`
    /// tag in the middle of `<sheetData>`, in a part with no comment, CDATA section or declaration (no `<!`: in a
    /// comment or CDATA a `<` could be text, and a declaration would be left out of the second half).
    /// Each half is a document of its own (the first closed after the cut, the second opened before it), parsed by
    /// its own parser; their rows are joined in order. Anything else is read in one pass.
    /// (`libxml2: false` reads through XMLParser alone: the tests compare the two.)
    static func read(_ data: Data, part: String, shared: [String], parts: WorkbookParts, name: String,
                     libxml2: Bool = true) throws(XLSXArchive.Failure) -> SheetGrid {
        // A part that starts with a UTF-16 byte-order mark is not checked as UTF-8 (see XMLBytes.check); else each
        // piece is checked on its own thread: a cut is at an ASCII `<`, so the pieces are UTF-8 when the part is.
        let utf16 = XMLBytes.hasUTF16Mark(data)
        let declarations = hasDeclarations(data)
        let pieces = split(data, declarations: declarations)
        // libxml2 directly (SheetSAX) where it reads as XMLParser would: UTF-8 without `<!`.
        let direct = libxml2 && !utf16 && !declarations
        if direct { _ = SheetSAX.ready }
        struct Outcome { var reader: SheetReader, failure: String?, notUTF8: Bool }
        var outcomes = pieces.map { Outcome(reader: SheetReader(shared: shared, parts: parts, rowsBefore: $0.rowsBefore), failure: nil, notUTF8: false) }
        outcomes.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: pieces.count) { i in  // one piece: on this thread
                let piece = pieces[i]
                if !utf16, !XMLBytes.isUTF8(piece.data) { out[i].notUTF8 = true; return }
                if direct {
                    if SheetSAX.parse(piece.data, into: out[i].reader) { return }
                    // An error: the piece is read again through XMLParser, whose rows and message stand.
                    out[i].reader = SheetReader(shared: shared, parts: parts, rowsBefore: piece.rowsBefore)
                }
                let parser = XMLParser(stream: InputStream(data: piece.data))  // in chunks: libxml2 refuses one over 10 MB
                parser.delegate = out[i].reader
                parser.shouldResolveExternalEntities = false
                if !parser.parse() { out[i].failure = parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML" }
            }
        }
        if outcomes.contains(where: \.notUTF8) { throw XMLBytes.notUTF8(part: part) }
        if let detail = outcomes.compactMap(\.failure).first { throw .badXML(part: part, detail: detail) }
        let readers = outcomes.map(\.reader)
        if readers.contains(where: { $0.badSharedIndex != nil }) { throw .damaged(part: part) }
        var grid = SheetGrid(sheet: name, rows: readers.count == 1 ? readers[0].rows : readers.flatMap(\.rows))
        grid.fillMerged(readers.flatMap(\.merges))
        return grid
    }

    /// The first `needle` in `bytes` at or after `from`: memchr for its byte at `anchor` (one rare in a sheet, where
    /// `<` is everywhere), then a compare.
    private static func find(_ needle: StaticString, anchor: Int, from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
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

    /// Whether the part has a `<!`: a comment, a CDATA section or a declaration (never text: a `<` in text is
    /// escaped).
    static func hasDeclarations(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in find("<!", anchor: 1, from: 0, in: raw.bindMemory(to: UInt8.self)) != nil }
    }

    /// Sheets smaller than this are read in one pass.
    static let splitBytes = 4 << 20

    /// The part as one piece, or two that parse to the same rows (see ``read(_:part:shared:parts:name:)``); each with
    /// the row number before its first row.
    static func split(_ data: Data, declarations: Bool? = nil) -> [(data: Data, rowsBefore: Int)] {
        let whole = [(data, 0)]
        guard data.count >= splitBytes, ProcessInfo.processInfo.activeProcessorCount > 1,
              !(declarations ?? hasDeclarations(data)) else { return whole }
        let found = data.withUnsafeBytes { raw -> (cut: Int, row: Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let open = find("<sheetData>", anchor: 6, from: 0, in: bytes),
                  let close = find("</sheetData>", anchor: 7, from: open, in: bytes),
                  let cut = find("<row r=\"", anchor: 3, from: open + (close - open) / 2, in: bytes), cut < close else { return nil }
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
    enum Tag { case row, c, v, f, inline, t, phonetic, mergeCell, other }

    /// The tag of an element name's UTF-8 bytes (`x:row` reads as `row`).
    static func tag(_ all: UnsafeBufferPointer<UInt8>) -> Tag {
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

    private static func tag(_ name: String) -> Tag {
        var name = name
        return name.withUTF8 { tag($0) }
    }

    /// A cell's `t` attribute: `s`, `inlineStr`, `str`, `b`, `e`, `d`; anything else (`n`, none) is a number.
    enum CellType { case shared, inlineString, formulaString, bool, error, date, number }

    /// The type named by a `t` attribute's UTF-8 bytes.
    static func cellType(_ u: UnsafeBufferPointer<UInt8>) -> CellType {
        switch u.count {
        case 1:
            switch u[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3: return u.elementsEqual("str".utf8) ? .formulaString : .number
        case 9: return u[0] == UInt8(ascii: "i") && u.elementsEqual("inlineStr".utf8) ? .inlineString : .number
        default: return .number
        }
    }

    private static func cellType(_ t: String) -> CellType {
        var t = t
        return t.withUTF8 { cellType($0) }
    }

    // The parser's events, whichever parser reads the part (XMLParser below, or libxml2 directly: SheetSAX).

    /// `<row>`, with its `r` attribute read as a number (nil when absent or not one).
    func startRow(_ r: Int?) {
        rowNumber = r ?? rowNumber + 1
        nextColumn = 0
        row = []
        row.reserveCapacity(lastWidth)
    }

    /// `<c>`, with its `r` attribute read as a cell reference (nil when absent or not one), its type, and its
    /// `s` attribute read as a number (-1 when absent or not one).
    func startCell(_ ref: CellReference?, type: CellType, style: Int) {
        if let ref {
            cellRef = ref
            if ref.row != rowNumber, row.isEmpty { rowNumber = ref.row }
        } else {
            cellRef = CellReference(column: nextColumn, row: max(rowNumber, 1))
        }
        nextColumn = cellRef.column + 1
        cellType = type
        cellStyle = style
        inCell = true
        value = nil
        text = ""
        formula = ""
        hasFormula = false
    }

    /// `<mergeCell>`, with its `ref` attribute.
    func mergeCell(_ ref: String?) {
        if let ref {
            let ends = ref.split(separator: ":")
            if ends.count == 2, let a = CellReference(ends[0]), let b = CellReference(ends[1]) { merges.append((a, b)) }
        }
    }

    /// Any other element's start.
    func start(_ tag: Tag) {
        switch tag {
        case .v where inCell: capture = .value; text = ""
        case .f where inCell: capture = .formula; hasFormula = true
        case .inline where inCell: inlineDepth += 1; text = ""
        case .phonetic: inlineDepth += 100  // phonetic guide: not part of the text
        case .t where inCell && inlineDepth > 0 && inlineDepth < 100: capture = .inline
        default: break
        }
    }

    /// Whether text found now is kept (the parser need not make a String of it otherwise).
    var capturing: Bool { capture != .none }

    func found(_ string: String) {
        switch capture {
        case .value, .inline: text += string
        case .formula: formula += string
        case .none: break
        }
    }

    func end(_ tag: Tag) {
        switch tag {
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

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Self.tag(name) {
        case .row: startRow(attributes["r"].flatMap(Int.init))
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
            startCell(r.flatMap { CellReference($0) }, type: t.map(Self.cellType) ?? .number, style: style.flatMap(Int.init) ?? -1)
        case .mergeCell: mergeCell(attributes["ref"])
        case let tag: start(tag)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { found(string) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.tag(name))
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
