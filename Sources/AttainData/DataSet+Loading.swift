import Foundation

extension DataSet {
    /// Reads and checks the tidy CSV at `url`, rejecting it when it has errors (unless ``Options/skipBadRows``).
    ///
    /// - Throws: ``DataError/rejected(file:issues:)`` listing every issue.
    public static func load(contentsOf url: URL, options: Options = Options()) throws(DataError) -> DataSet {
        try accept(validate(contentsOf: url, options: options), options)
    }

    /// Reads and checks tidy CSV bytes (see ``load(contentsOf:options:)``); `source` names them in messages.
    public static func parse(data: Data, source: String, options: Options = Options()) throws(DataError) -> DataSet {
        try accept(validate(data: data, source: source, options: options), options)
    }

    /// Reads and checks tidy CSV text (see ``load(contentsOf:options:)``); `source` names it in messages.
    public static func parse(text: String, source: String, options: Options = Options()) throws(DataError) -> DataSet {
        try accept(validate(text: text, source: source, options: options), options)
    }

    /// Checks the file at `url` without throwing: every issue, and the rows that passed.
    ///
    /// A workbook (`.xlsx`) is read too, its first sheet or the one named after `#` (`data.xlsx#Số liệu`), in
    /// the tidy or the wide layout; so is a wide CSV table (see ``TableLayout``).
    public static func validate(contentsOf url: URL, options: Options = Options()) -> DataValidation {
        var name = url.isFileURL ? url.relativePath : url.absoluteString
        if url.isFileURL {
            let (path, sheet) = DataFilePath.split(url.path)
            if sheet != nil, let hash = name.lastIndex(of: "#") { name = String(name[..<hash]) }
            if sheet != nil || DataFilePath.isWorkbook(path) {
                guard FileManager.default.fileExists(atPath: path) else {
                    return DataValidation(file: name, issues: [DataIssue(.error, .unreadable, file: name, line: 0,
                                                                         message: "cannot open the file: it does not exist",
                                                                         hint: "check the path and the file's permissions")], dataSet: nil)
                }
                return validateWorkbook(at: path, sheet: sheet, name: name, options: options)
            }
        }
        // A UTF-8 file is mapped and read in place, its pages given back as the rows are read: a large file is never
        // held whole in memory.
        if url.isFileURL, let source = ByteSource.mappingUTF8File(atPath: url.path) {
            return validate(source, name: name, options: options)
        }
        // Other files (UTF-16, not UTF-8, unreadable) are read whole, to decode them or to say why they cannot be.
        switch readBytes(url, name: name) {
        case .success(let bytes): return validate(ByteSource(copying: bytes), name: name, options: options)
        case .failure(let issue): return DataValidation(file: name, issues: [issue], dataSet: nil)
        }
    }

    /// Checks the UTF-8 bytes of `source`: tidy, or else a wide table read from the whole text.
    private static func validate(_ source: ByteSource, name: String, options: Options) -> DataValidation {
        validate(csv: CSVTable.Stream(source: source, file: name),
                 text: { String(decoding: UnsafeBufferPointer(start: source.base, count: source.count), as: UTF8.self) },
                 source: name, options: options)
    }

    /// The checked UTF-8 bytes of the file at `url`, or the issue that kept it from being read.
    private static func readBytes(_ url: URL, name: String) -> Result<[UInt8], DataIssue> {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "it does not exist"
            return .failure(DataIssue(.error, .unreadable, file: name, line: 0, message: "cannot open the file: \(reason)",
                                      hint: "check the path and the file's permissions"))
        }
        return TextDecoding.utf8Bytes(data, file: name)
    }

    /// Checks tidy CSV bytes: UTF-8 with or without BOM, or UTF-16 with a BOM.
    public static func validate(data: Data, source: String, options: Options = Options()) -> DataValidation {
        switch TextDecoding.decode(data, file: source) {
        case .success(let text): return validate(text: text, source: source, options: options)
        case .failure(let issue): return DataValidation(file: source, issues: [issue], dataSet: nil)
        }
    }

    /// Checks tidy CSV text.
    ///
    /// In order: the CSV structure (quotes, column counts), the header (required columns, with a suggestion for a
    /// misspelt name), each row (unit, indicator, period format, numbers, numerator ≤ denominator, positive
    /// denominators, value matching the counts), then across rows (duplicates naming both lines, each kind's range —
    /// shares in [0, 1], counts whole and non-negative — running totals that fall, mixed frequencies, gaps, kinds that
    /// cannot be inferred). Errors keep a row out; warnings do not.
    public static func validate(text: String, source: String, options: Options = Options()) -> DataValidation {
        validate(csv: CSVTable.Stream(text: text, file: source), text: { text }, source: source, options: options)
    }

    /// Checks the CSV records of `stream`: tidy, or else a wide table, read again from `text` (the whole file, asked for
    /// only then).
    static func validate(csv stream: CSVTable.Stream, text: () -> String, source: String, options: Options) -> DataValidation {
        var stream = stream
        let header = stream.next()
        if case .failure(let list) = RowReader.make(header: header, file: source) {
            // Not tidy: a wide table (units or indicators down the rows, periods across) reads as the rows it holds.
            // The delimiter was told from the first line, which may be a title: each delimiter is tried.
            while stream.next() != nil {}
            for (delimiter, grid) in wideCandidates(text(), source: source, first: stream.delimiter) {
                if let wide = validateWide(grid, file: source, delimiter: delimiter, options: options) { return wide }
            }
            return DataValidation(file: source, issues: sorted(stream.issues + list.issues), dataSet: nil)
        }
        var rest = HeaderThen(header: header, rest: stream)
        return validate(records: &rest, source: source, options: options)
    }

    /// Checks tidy records from `stream` (its first record the header).
    ///
    /// One pass over the records, each read as it is tokenized (a large file is never held as records). A row
    /// whose number depends on the file's decimal mark (`1.500`) waits for the end of the pass, when the mark is
    /// known from every other value, and is read then.
    static func validate(records stream: inout some RecordStream, source: String, options: Options) -> DataValidation {
        let header = stream.next()
        var issues = [DataIssue]()
        let provisional: RowReader
        switch RowReader.make(header: header, file: source) {
        case .success(let r): provisional = r
        case .failure(let list):
            while stream.next() != nil {}  // the tokenizer's problems in the rest of the file are reported too
            return DataValidation(file: source, issues: sorted(stream.issues + list.issues), dataSet: nil)
        }
        var rows = [Observation](), failed = [Observation](), undecided = [CSVTable.Record]()
        // Room for every line at once: growing by doubling would hold the old and the new array together at the end.
        rows.reserveCapacity(stream.lineCount)
        var evidence = NumberReader.Evidence(), records = 0
        func take(_ outcome: Result<Observation, RowReader.IssueList>) {
            switch outcome {
            case .success(let row): rows.append(row)
            case .failure(let list):
                issues += list.issues
                if let row = list.attempted { failed.append(row) }
            }
        }
        while let record = stream.next() {
            records += 1
            guard !record.isMalformed else { continue }
            let outcome = provisional.read(record, evidence: &evidence)
            if case .failure(let list) = outcome, list.undecided { undecided.append(record); continue }
            take(outcome)
        }
        issues = stream.issues + issues
        if records == 0, let header {
            return DataValidation(file: source, issues: sorted(issues + RowReader.headerOnly(header, file: source).issues), dataSet: nil)
        }
        if !undecided.isEmpty {
            let reader = provisional.deciding(from: evidence, delimiter: stream.delimiter)
            var ignored = NumberReader.Evidence()
            for record in undecided { take(reader.read(record, evidence: &ignored)) }
            rows.sort { $0.line < $1.line }
            failed.sort { $0.line < $1.line }
        }
        var data = DataSet(source: source, observations: rows, statedKinds: options.kinds)
        let kinds = Dictionary(uniqueKeysWithValues: data.indicators.map { ($0, data.kindInference(of: $0)) })
        var checks = SeriesChecks(file: source)
        checks.run(rows, failed: failed, kinds: kinds)
        issues = sorted(issues + checks.issues)
        if checks.badLines.isEmpty {
            data.knownKinds = kinds  // the rows the kinds were inferred from are the rows kept
        } else {
            data.observations.removeAll { checks.badLines.contains($0.line) }
        }
        data.issues = issues
        return DataValidation(file: source, issues: issues, dataSet: data)
    }

    /// The text as a grid with each delimiter (`first`, the detected one, first); only clean tokenizations.
    static func wideCandidates(_ text: String, source: String, first: Character) -> [(Character, SheetGrid)] {
        var out = [(Character, SheetGrid)]()
        for d in [first, ",", ";", "\t"] where !out.contains(where: { $0.0 == d }) {
            let table = CSVTable(text: text, file: source, delimiter: d)
            guard table.issues.isEmpty, table.allRecords.contains(where: { $0.fields.count > 2 }) else { continue }
            out.append((d, SheetGrid(csvRecords: table.allRecords)))
        }
        return out
    }

    private static func accept(_ validation: DataValidation, _ options: Options) throws(DataError) -> DataSet {
        guard let data = validation.dataSet, !validation.hasErrors || options.skipBadRows else {
            throw .rejected(file: validation.file, issues: validation.issues)
        }
        return data
    }

    static func sorted(_ issues: [DataIssue]) -> [DataIssue] {
        issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

/// Records one at a time, the first the header: a CSV file's, or those a workbook or wide table maps to.
protocol RecordStream {
    /// The delimiter whose convention decides an ambiguous number's decimal mark (`;` → decimal comma).
    var delimiter: Character { get }
    /// How many records there are at most (to reserve room for the rows at once).
    var lineCount: Int { get }
    /// Problems found while reading the records.
    var issues: [DataIssue] { get }
    mutating func next() -> CSVTable.Record?
}

extension CSVTable.Stream: RecordStream {}

/// A header already read, then the rest of its stream.
private struct HeaderThen: RecordStream {
    var header: CSVTable.Record?
    var rest: CSVTable.Stream
    var delimiter: Character { rest.delimiter }
    var lineCount: Int { rest.lineCount }
    var issues: [DataIssue] { rest.issues }
    mutating func next() -> CSVTable.Record? {
        if let h = header { header = nil; return h }
        return rest.next()
    }
}

/// Records already in memory (a workbook's rows, mapped to the tidy columns).
struct RecordList: RecordStream {
    let delimiter: Character
    var issues: [DataIssue] = []
    private let records: [CSVTable.Record]
    private var index = 0

    init(_ records: [CSVTable.Record], delimiter: Character) {
        self.records = records
        self.delimiter = delimiter
    }

    var lineCount: Int { records.count }

    mutating func next() -> CSVTable.Record? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return records[index]
    }
}
