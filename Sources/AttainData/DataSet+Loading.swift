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
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "it does not exist"
            return DataValidation(file: name, issues: [DataIssue(.error, .unreadable, file: name, line: 0,
                                                                 message: "cannot open the file: \(reason)",
                                                                 hint: "check the path and the file's permissions")], dataSet: nil)
        }
        return validate(data: data, source: name, options: options)
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
        let table = CSVTable(text: text, file: source)
        var issues = table.issues
        let reader: RowReader
        switch RowReader.make(table: table, file: source) {
        case .success(let r): reader = r
        case .failure(let list): return DataValidation(file: source, issues: sorted(issues + list.issues), dataSet: nil)
        }
        var rows = [Observation](), failed = [Observation]()
        rows.reserveCapacity(table.rows.count)
        for record in table.rows where !record.isMalformed {
            switch reader.read(record) {
            case .success(let row): rows.append(row)
            case .failure(let list):
                issues += list.issues
                if let row = list.attempted { failed.append(row) }
            }
        }
        var data = DataSet(source: source, observations: rows, statedKinds: options.kinds)
        let kinds = Dictionary(uniqueKeysWithValues: data.indicators.map { ($0, data.kindInference(of: $0)) })
        var checks = SeriesChecks(file: source)
        checks.run(rows, failed: failed, kinds: kinds)
        issues = sorted(issues + checks.issues)
        data.observations.removeAll { checks.badLines.contains($0.line) }
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
