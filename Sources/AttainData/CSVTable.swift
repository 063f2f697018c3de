/// The records of a delimited text file, read per RFC 4180, each with the line it starts on.
///
/// Quoted fields may hold delimiters, doubled quotes (`""` → `"`) and line breaks; lines may end in CRLF, LF or CR.
/// The delimiter is taken from an Excel `sep=;` first line when present, otherwise detected from the header line
/// (the most frequent of comma, semicolon and tab outside quotes; comma on a tie). Blank lines and lines holding only
/// delimiters (Excel pads with them) are skipped. Problems (a quote never closed, text after a closing quote) become
/// ``issues``; a record with such a problem is kept with ``Record/isMalformed`` set, except an unclosed quote, whose
/// record is dropped and reading resumes on the next line. Cost: one pass over the UTF-8 bytes.
public struct CSVTable: Sendable {
    /// One record: its fields, and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var fields: [String]
        public var line: Int
        /// Whether the tokenizer found a problem in it (reported in ``CSVTable/issues``).
        public var isMalformed: Bool
        /// Fields that hold a number typed as a number (a workbook's numeric cell), by field index: read as they are,
        /// whatever the file's decimal mark.
        var numbers: [Int: Double] = [:]
    }

    /// The delimiter used.
    public var delimiter: Character
    /// The first record (the header), nil for a file with no records.
    public var header: Record?
    /// The records after the header.
    public var rows: [Record]
    /// Tokenizing problems, in line order.
    public var issues: [DataIssue]

    /// Reads `text` (already decoded); `file` names the source in issues. Pass `delimiter` to skip detection.
    public init(text: String, file: String, delimiter: Character? = nil) {
        var stream = Stream(text: text, file: file, delimiter: delimiter)
        var records = [Record]()
        while let record = stream.next() { records.append(record) }
        self.delimiter = stream.delimiter
        self.header = records.first
        self.rows = Array(records.dropFirst())
        self.issues = stream.issues
    }

    /// The same records one at a time, so a large file is read without holding all of them (what loading uses).
    struct Stream {
        /// The delimiter used.
        let delimiter: Character
        private var tokenizer: Tokenizer
        /// Tokenizing problems so far, in line order.
        var issues: [DataIssue] { tokenizer.issues }

        init(text: String, file: String, delimiter: Character? = nil) {
            self.init(source: ByteSource(copying: text.utf8), file: file, delimiter: delimiter)
        }

        /// A stream over the UTF-8 bytes of `source`, already checked to be valid (no copy of them as a `String` is kept).
        init(source: ByteSource, file: String, delimiter: Character? = nil) {
            let bytes = UnsafeBufferPointer(start: source.base, count: source.count)
            var start = 0, line = 1
            var chosen = delimiter.flatMap { $0.asciiValue }
            if let sep = CSVTable.excelSeparatorLine(bytes) {
                chosen = chosen ?? sep.delimiter
                start = sep.end
                line = 2
            }
            let delim = chosen ?? CSVTable.detectDelimiter(bytes, from: start)
            self.delimiter = Character(Unicode.Scalar(delim))
            tokenizer = Tokenizer(source: source, delimiter: delim, file: file, index: start, line: line)
        }

        /// The next record (the first is the header), nil at the end.
        mutating func next() -> Record? { tokenizer.next() }

        /// The number of lines of the text (line feeds + 1): at least the number of records, to reserve room for them.
        var lineCount: Int { tokenizer.source.lineCount }
    }

    private static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// `sep=;` on the first line (Excel's hint): the delimiter and the index after that line.
    private static func excelSeparatorLine(_ b: UnsafeBufferPointer<UInt8>) -> (delimiter: UInt8, end: Int)? {
        guard b.count >= 5, Array(b[0..<4]).map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
        var end = 5
        while end < b.count, b[end] == UInt8(ascii: " ") { end += 1 }
        if end < b.count, b[end] == cr { end += 1 }
        if end < b.count, b[end] == lf { end += 1 }
        guard end == b.count || b[end - 1] == lf || b[end - 1] == cr else { return nil }
        return (b[4], end)
    }

    private static func detectDelimiter(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var counts = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == quote { inQuotes.toggle() }
            else if !inQuotes && (c == lf || c == cr) { break }
            else if !inQuotes && counts[c] != nil { counts[c]! += 1 }
            i += 1
        }
        let best = [comma, semicolon, tab].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > counts[comma]! ? best : comma
    }

    /// The RFC 4180 state machine over bytes (all structural characters are ASCII, so UTF-8 text passes through).
    private struct Tokenizer {
        /// Owns the bytes (`bytes` points into it).
        let source: ByteSource
        let bytes: UnsafePointer<UInt8>
        /// The number of bytes.
        let end: Int
        let delimiter: UInt8
        let file: String
        var index: Int
        var line: Int
        var issues: [DataIssue] = []
        /// Where the bytes before the current record were last given back (a mapped file's pages already read).
        private var released = 0

        init(source: ByteSource, delimiter: UInt8, file: String, index: Int, line: Int) {
            self.source = source
            self.bytes = source.base
            self.end = source.count
            self.delimiter = delimiter
            self.file = file
            self.index = index
            self.line = line
        }

        /// The next non-blank record, or nil at the end.
        mutating func next() -> Record? {
            if index - released >= ByteSource.releaseStep {
                source.release(before: index)
                released = index
            }
            while index < end {
                if let record = readRecord(), record.fields.contains(where: { !$0.isEmpty }) || record.isMalformed {
                    return record
                }
            }
            return nil
        }

        /// Reads one record; nil when it was dropped (an unclosed quote).
        private mutating func readRecord() -> Record? {
            let startLine = line
            var fields = [String]()
            var field = [UInt8]()
            var malformed = false
            while true {
                if index < end && bytes[index] == CSVTable.quote {
                    let quoteStart = index, quoteLine = line
                    guard readQuoted(into: &field) else {
                        skipToLineAfter(quoteStart, line: quoteLine)
                        let opened = quoteLine == startLine ? "" : " (opened on line \(quoteLine))"
                        issues.append(DataIssue(.error, .unbalancedQuote, file: file, line: startLine,
                                                message: "a quote is never closed\(opened); the row was skipped",
                                                hint: "close the quoted value with \", or double a quote inside a value (\"\")"))
                        return nil
                    }
                    if index < end, !isEndOfField(bytes[index]) {
                        malformed = true
                        issues.append(DataIssue(.error, .textAfterQuote, file: file, line: line,
                                                message: "text follows a closing quote",
                                                hint: "quote the whole value and double any quote inside it, e.g. \"He said \"\"hi\"\"\""))
                        while index < end, !isEndOfField(bytes[index]) { field.append(bytes[index]); index += 1 }
                    }
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else {  // unquoted: the string is made straight from the bytes
                    let start = index
                    while index < end, !isEndOfField(bytes[index]) { index += 1 }
                    fields.append(String(decoding: UnsafeBufferPointer(start: bytes + start, count: index - start), as: UTF8.self))
                }
                if index >= end { break }
                if bytes[index] == delimiter { index += 1; continue }
                consumeLineBreak()
                break
            }
            return Record(fields: fields, line: startLine, isMalformed: malformed)
        }

        /// Reads a quoted field starting at the opening quote; false when the file ends before it closes.
        private mutating func readQuoted(into field: inout [UInt8]) -> Bool {
            index += 1
            while index < end {
                let b = bytes[index]
                if b == CSVTable.quote {
                    if index + 1 < end && bytes[index + 1] == CSVTable.quote {
                        field.append(b)
                        index += 2
                        continue
                    }
                    index += 1
                    return true
                }
                if b == CSVTable.cr || b == CSVTable.lf {
                    consumeLineBreak()
                    field.append(CSVTable.lf)
                    continue
                }
                field.append(b)
                index += 1
            }
            return false
        }

        private func isEndOfField(_ b: UInt8) -> Bool { b == delimiter || b == CSVTable.cr || b == CSVTable.lf }

        private mutating func consumeLineBreak() {
            if bytes[index] == CSVTable.cr, index + 1 < end, bytes[index + 1] == CSVTable.lf { index += 1 }
            index += 1
            line += 1
        }

        /// Resumes after the line break that follows `position` (which is on line `line`).
        private mutating func skipToLineAfter(_ position: Int, line: Int) {
            index = position
            self.line = line
            while index < end, bytes[index] != CSVTable.cr, bytes[index] != CSVTable.lf { index += 1 }
            if index < end { consumeLineBreak() }
        }
    }
}
