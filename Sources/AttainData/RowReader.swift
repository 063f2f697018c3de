/// Maps a tidy CSV's header onto the contract's columns and turns each record into an ``Observation``.
///
/// Columns are matched case-insensitively: `unit`, `indicator`, `period` are required, with `value` or
/// `numerator` + `denominator`; others are kept in ``Observation/extra``. Every problem in a row is reported
/// (not only the first), with the row's line and the column concerned.
struct RowReader {
    /// Issues that kept a header or a row out.
    struct IssueList: Error {
        var issues: [DataIssue]
        /// The row's unit, indicator and period when those were readable (value NaN), so gap checks know it was there.
        var attempted: Observation?
        /// The row holds a number that can only be read once the file's decimal mark is known (no issues then):
        /// read it again with ``RowReader/deciding(from:delimiter:)``.
        var undecided = false
        init(_ issues: [DataIssue], attempted: Observation? = nil) {
            self.issues = issues
            self.attempted = attempted
        }
    }

    struct Columns {
        var unit = 0, indicator = 0, period = 0
        var value: Int?, numerator: Int?, denominator: Int?
        var extras: [(name: String, index: Int)] = []
        var count = 0
    }

    let file: String
    let columns: Columns
    let numbers: NumberReader
    /// One shared copy of each (unit, indicator) pair's names for the rows read.
    var names = NameInterner()

    static let required = ["unit", "indicator", "period"]
    static let known = ["unit", "indicator", "period", "value", "numerator", "denominator"]
    /// Names people use for the contract's columns, to suggest a rename (never accepted silently).
    private static let aliases: [String: [String]] = [
        "unit": ["name", "district", "zone", "area", "unit_name", "đơn vị", "don_vi", "donvi", "huyện", "huyen", "region"],
        "indicator": ["series", "metric", "variable", "measure", "indicator_name", "chỉ tiêu", "chi_tieu", "chitieu"],
        "period": ["year", "date", "time", "quarter", "month", "kỳ", "ky", "năm", "nam", "thời gian", "thoi_gian"],
        "value": ["val", "amount", "number", "total", "giá trị", "gia_tri", "giatri", "số lượng", "so_luong"],
    ]

    /// Reads the header; on failure, the file-level issues (missing or repeated columns). Numbers are read
    /// provisionally until the whole file has shown its decimal mark (see ``deciding(from:delimiter:)``).
    static func make(header: CSVTable.Record?, file: String) -> Result<RowReader, IssueList> {
        guard let header else {
            return .failure(IssueList([DataIssue(.error, .emptyFile, file: file, line: 0, message: "the file is empty",
                                       hint: "the first line must be a header such as unit,indicator,period,value, followed by one row per observation")]))
        }
        let names = header.fields.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces) }
        let lower = names.map { $0.lowercased() }
        var issues = [DataIssue]()
        var cols = Columns()
        cols.count = names.count
        var seen = [String: Int]()
        for (i, name) in lower.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                issues.append(DataIssue(.error, .duplicateColumn, file: file, line: header.line, column: names[i],
                                        message: "column \"\(names[i])\" appears twice (columns \(first + 1) and \(i + 1))",
                                        hint: "keep one of them, or rename the other"))
                continue
            }
            seen[name] = i
            switch name {
            case "unit": cols.unit = i
            case "indicator": cols.indicator = i
            case "period": cols.period = i
            case "value": cols.value = i
            case "numerator": cols.numerator = i
            case "denominator": cols.denominator = i
            default: cols.extras.append((names[i], i))
            }
        }
        let extraNames = cols.extras.map(\.name)
        func missing(_ column: String, _ why: String) {
            issues.append(DataIssue(.error, .missingColumn, file: file, line: header.line, column: column,
                                    message: "missing \(why) column \"\(column)\"",
                                    hint: renameHint(for: column, among: extraNames)))
        }
        for column in required where seen[column] == nil { missing(column, "required") }
        if seen["value"] == nil {
            switch (seen["numerator"] != nil, seen["denominator"] != nil) {
            case (true, true): break
            case (true, false): missing("denominator", "required")
            case (false, true): missing("numerator", "required")
            case (false, false): missing("value", "required")
            }
        } else if (seen["numerator"] != nil) != (seen["denominator"] != nil) {
            missing(seen["numerator"] == nil ? "numerator" : "denominator", "paired")
        }
        if !issues.isEmpty { return .failure(IssueList(issues)) }
        return .success(RowReader(file: file, columns: cols, numbers: .provisional()))
    }

    /// The issue for a file with a header and nothing else.
    static func headerOnly(_ header: CSVTable.Record, file: String) -> IssueList {
        IssueList([DataIssue(.error, .headerOnly, file: file, line: header.line, message: "the file has a header but no data rows",
                             hint: "add one row per unit, indicator and period below the header")])
    }

    /// This reader with the decimal mark the whole file's values showed (`evidence`), for the rows left undecided.
    func deciding(from evidence: NumberReader.Evidence, delimiter: Character) -> RowReader {
        RowReader(file: file, columns: columns, numbers: NumberReader(delimiter: delimiter, evidence: evidence), names: names)
    }

    private static func renameHint(for column: String, among names: [String]) -> String {
        if let typo = nearestName(to: column, among: names.filter { !known.contains($0.lowercased()) }) {
            return "the header has \"\(typo)\": did you mean \"\(column)\"? rename it"
        }
        if let alias = names.first(where: { aliases[column, default: []].contains($0.lowercased()) }) {
            return "rename column \"\(alias)\" to \"\(column)\""
        }
        let found = names.isEmpty ? "" : " (other columns found: \(names.joined(separator: ", ")))"
        switch column {
        case "value": return "add a \"value\" column, or \"numerator\" and \"denominator\" for a share given as counts\(found)"
        case "numerator", "denominator": return "a share given as counts needs both \"numerator\" and \"denominator\" columns"
        default: return "the first line must be the header and name the columns unit, indicator, period, value\(found)"
        }
    }

    /// The observation in `record`, or the issues that kept it out (errors) — never both; `evidence` gathers the
    /// decimal marks its numbers show.
    func read(_ record: CSVTable.Record, evidence: inout NumberReader.Evidence) -> Result<Observation, IssueList> {
        var issues = [DataIssue]()
        var undecided = false
        let line = record.line
        func error(_ code: DataIssue.Code, _ column: String?, _ message: String, _ hint: String) {
            issues.append(DataIssue(.error, code, file: file, line: line, column: column, message: message, hint: hint))
        }
        let f = record.fields
        if f.count < columns.count {
            error(.columnCount, nil, "the row has \(f.count) fields but the header has \(columns.count)",
                  "give every column a field (empty is fine: two delimiters in a row), or check for a missing delimiter")
            return .failure(IssueList(issues))
        }
        if f.count > columns.count, f[columns.count...].contains(where: { !$0.trimmed.isEmpty }) {
            error(.columnCount, nil, "the row has \(f.count) fields but the header has \(columns.count)",
                  "a value containing the delimiter must be quoted, e.g. \"90,5\"; or remove the extra fields")
            return .failure(IssueList(issues))
        }
        let field = { (i: Int) in f[i].trimmed }
        let unit = field(columns.unit), indicator = field(columns.indicator), periodText = field(columns.period)
        if unit.isEmpty { error(.emptyField, "unit", "the unit is empty", "name the district, commune, zone, cluster or enterprise the row describes") }
        if indicator.isEmpty { error(.emptyField, "indicator", "the indicator is empty", "name what is measured, e.g. union_members") }
        let period = Period(parsing: periodText)
        if period == nil {
            error(.badPeriod, "period", periodText.isEmpty ? "the period is empty" : "period \"\(periodText)\" is not a period we read",
                  "write 2025 (a year), 2025-Q3 (a quarter) or 2025-07 (a month)")
        }
        let typed = record.numbers
        let value = number(columns.value, "value", f, typed, &issues, &evidence, &undecided, line)
        let numerator = number(columns.numerator, "numerator", f, typed, &issues, &evidence, &undecided, line)
        let denominator = number(columns.denominator, "denominator", f, typed, &issues, &evidence, &undecided, line)
        if undecided {
            var later = IssueList([])
            later.undecided = true
            return .failure(later)
        }
        let attempted = period.flatMap { p in
            unit.isEmpty || indicator.isEmpty ? nil : Observation(names: names.names(unit: unit, indicator: indicator), period: p, value: .nan, line: line)
        }
        if !issues.isEmpty { return .failure(IssueList(issues, attempted: attempted)) }

        var derived = value ?? nil
        switch (numerator ?? nil, denominator ?? nil) {
        case (nil, nil):
            if derived == nil {
                error(.missingValue, "value", "the row has no value",
                      columns.numerator == nil ? "write the value" : "write the value, or the numerator and denominator of a share")
            }
        case (_?, nil):
            error(.incompleteShare, "denominator", "the row has a numerator but no denominator",
                  "a share needs both counts (e.g. members and workers); or give only the value")
        case (nil, _?):
            error(.incompleteShare, "numerator", "the row has a denominator but no numerator",
                  "a share needs both counts (e.g. members and workers); or give only the value")
        case (let n?, let d?):
            if n < 0 || d < 0 {
                let which = n < 0 ? "numerator" : "denominator"
                error(.negativeValue, which, "the \(which) is negative (\(format(n < 0 ? n : d)))",
                      "numerators and denominators are counts: zero or more")
            } else if d == 0 {
                error(.zeroDenominator, "denominator", "the denominator is zero",
                      "a share needs a positive denominator; leave the row out if nothing was counted that period")
            } else if n > d {
                error(.numeratorAboveDenominator, "numerator", "the numerator (\(format(n))) is larger than the denominator (\(format(d)))",
                      "a share cannot exceed 1: check whether the two columns are swapped or a count is wrong")
            } else if let v = derived, abs(v - n / d) > 0.005 {
                let percent = abs(v / 100 - n / d) <= 0.005
                error(.valueMismatch, "value", "value \(format(v)) does not match numerator / denominator = \(format(n / d))",
                      percent ? "write shares as fractions in [0, 1] (\(format(n / d)), not \(format(v)) per cent), or leave the value empty"
                              : "correct one of them, or leave the value empty so it is derived from the counts")
            } else {
                derived = n / d
            }
        }
        guard issues.isEmpty, let v = derived, let period else { return .failure(IssueList(issues, attempted: attempted)) }
        var extra = [String: String]()
        for (name, i) in columns.extras where i < f.count { extra[name] = f[i] }
        return .success(Observation(names: names.names(unit: unit, indicator: indicator), period: period, value: v,
                                    numerator: numerator ?? nil, denominator: denominator ?? nil, line: line, extra: extra))
    }

    /// The number in column `index`: `nil` when there is no such column, `.some(nil)` when the field is empty.
    private func number(_ index: Int?, _ name: String, _ f: [String], _ typed: [Int: Double], _ issues: inout [DataIssue],
                        _ evidence: inout NumberReader.Evidence, _ undecided: inout Bool, _ line: Int) -> Double?? {
        guard let index else { return nil }
        if let v = typed[index] { return .some(v) }
        let text = f[index].trimmed
        if text.isEmpty { return .some(nil) }
        switch numbers.read(text, noting: &evidence) {
        case .success(let v): return .some(v)
        case .failure(let problem):
            let (code, message, hint): (DataIssue.Code, String, String)
            switch problem {
            case .undecided:  // not a problem yet: the row is read again once the file's decimal mark is known
                undecided = true
                return .some(nil)
            case .notANumber:
                (code, message, hint) = (.notANumber, "\(name) \"\(text)\" is not a number", "write digits like 1234 or \"90,5\"")
            case .notFinite:
                (code, message, hint) = (.notFinite, "\(name) \"\(text)\" is not a finite number", "write the measured number, or leave the field empty if it is unknown")
            case .spreadsheetError:
                (code, message, hint) = (.notFinite, "\(name) \"\(text)\" is a spreadsheet error, not a number", "fix the formula in the spreadsheet (or paste values) and export again")
            case .ambiguous(let thousands, let decimal):
                (code, message, hint) = (.ambiguousNumber, "\(name) \"\(text)\" could be \(format(thousands)) or \(format(decimal)): the file uses both decimal marks",
                                         "write it without a thousands separator: \(format(thousands)), or \"\(format(decimal).replacingOccurrences(of: ".", with: ","))\" for a decimal")
            }
            issues.append(DataIssue(.error, code, file: file, line: line, column: name, message: message, hint: hint))
            return .some(nil)
        }
    }
}

/// A number as people read it in a message: integers without a decimal point, others to at most 6 significant digits.
func format(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.6g", x)
    if s.contains("e") { return s }
    while s.contains("."), s.hasSuffix("0") { s.removeLast() }
    return s
}

import Foundation
