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
    public static func validate(contentsOf url: URL, options: Options = Options()) -> DataValidation {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        // The bytes are let go once decoded, before the rows are read: a large file is not held twice while it is.
        switch readBytes(url, name: name) {
        case .success(let bytes): return validate(stream: CSVTable.Stream(bytes: bytes, file: name), source: name, options: options)
        case .failure(let issue): return DataValidation(file: name, issues: [issue], dataSet: nil)
        }
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
        validate(stream: CSVTable.Stream(text: text, file: source), source: source, options: options)
    }

    /// Checks the records of `stream` (see ``validate(text:source:options:)``).
    static func validate(stream: CSVTable.Stream, source: String, options: Options) -> DataValidation {
        // One pass over the records, each read as it is tokenized (a large file is never held as records). A row
        // whose number depends on the file's decimal mark (`1.500`) waits for the end of the pass, when the mark is
        // known from every other value, and is read then.
        var stream = stream
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

    private static func accept(_ validation: DataValidation, _ options: Options) throws(DataError) -> DataSet {
        guard let data = validation.dataSet, !validation.hasErrors || options.skipBadRows else {
            throw .rejected(file: validation.file, issues: validation.issues)
        }
        return data
    }

    private static func sorted(_ issues: [DataIssue]) -> [DataIssue] {
        issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
