import ArgumentParser
import Attain
import Foundation

/// `attain validate FILE...`: checks data files, scenarios and targets files and prints every problem with its file,
/// line (and key) and how to fix it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check data, scenario and targets files and print every problem with its line and how to fix it.",
        discussion: """
            Each file is told apart by its name and contents: .csv (or .tsv, .txt) is data; a YAML file whose \
            `targets:` is a list is a targets file; any other YAML file a scenario. A scenario is checked with the messages \
            of `attain run`: every problem of the scenario itself (each top-level key, indicator and intervention read \
            on its own; `run` stops at the first), then every problem of its data files and of its targets file, then \
            each target checked against the scenario's data (a base year without data, an indicator the scenario \
            lacks). A targets file alone is read target by target: each target's first problem. A CSV whose \
            header has old, new and weight is a crosswalk (checked against the units file given with it); one with \
            unit and level but no indicator is a units file.

            A data file is tidy CSV (UTF-8, or UTF-16 with a BOM; comma- or semicolon-separated) with the columns \
            unit, indicator, period (2025, 2025-Q3 or 2025-07) and value, or numerator and denominator for a share \
            given as counts. Other columns are kept and ignored. An Excel workbook (.xlsx) is data too: its first \
            sheet, or the one named after # (data.xlsx#"Số liệu"), tidy or wide (units or indicators down the rows, \
            periods such as 2024, Năm 2024, Quý III/2025 across); so is a wide CSV. Problems in a workbook name its \
            sheet and cell. See `attain import` for the tidy CSV a workbook is read as.

            Prints the problems (errors keep a file from loading; warnings do not), then one line per file with its \
            series, units, indicators, periods and the kind of each indicator (share, count, cumulative, level).

            Exit codes: 0 when every file is clean or has warnings only, 1 when any file has an error, 2 for a usage \
            error or a file that cannot be read (missing, a directory, no permission).
            """)

    @Argument(help: ArgumentHelp("Data (CSV, or .xlsx with an optional #Sheet), scenario or targets (YAML) files to check.", valueName: "file"))
    var files: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("kind"), help: ArgumentHelp(
        "State an indicator's kind where the data cannot tell it: share, count, cumulative or level. Repeatable.",
        valueName: "indicator=kind"))
    var kindAssignments: [String] = []

    func validate() throws {
        try output.check(supported: [.table, .json])
        do { _ = try DataSet.Options.parseKinds(kindAssignments) } catch {
            throw ValidationError("--kind: \(error.description)")
        }
    }

    func run() throws {
        let kinds = (try? DataSet.Options.parseKinds(kindAssignments)) ?? [:]
        let reports = InputCheck.check(paths: files, kinds: kinds)
        // A file that cannot be read is a usage error: said on standard error, nothing checked, exit 2.
        let unreadable = reports.filter { $0.unreadable != nil }
        if !unreadable.isEmpty {
            for r in unreadable {
                Console.error("error: \(r.file): cannot open the file: \(r.unreadable!) (check the path and the file's permissions)")
            }
            throw ExitCode(2)
        }
        switch output.resolvedFormat(default: .table) {
        case .json: try output.emit(Self.json(reports).rendered())
        default: try output.emit(Self.table(reports))
        }
        if reports.contains(where: \.hasErrors) { throw ExitCode(1) }
    }

    /// The problems as an aligned table, then one summary line per file.
    static func table(_ reports: [InputCheck.Report]) -> String {
        var text = ""
        let yaml = reports.contains { $0.type == .scenario || $0.type == .targets }
        var table = TextTable(headers: ["where", "level", yaml ? "column/key" : "column", "problem", "fix"],
                              alignments: Array(repeating: .left, count: 5))
        for r in reports {
            if let why = r.unreadable {
                table.append([r.file, "error", "", "cannot open the file: \(why)", "check the path and the file's permissions"])
            }
            for p in r.problems {
                table.append([p.line.map { "\(p.file):\($0)" } ?? p.file, p.severity, p.key, p.message, p.hint ?? ""])
            }
            for issue in r.data.flatMap(\.issues) {
                table.append([issue.place, issue.severity.rawValue,
                              issue.column ?? "", issue.message, issue.hint])
            }
        }
        if !table.rows.isEmpty { text += table.renderText() + "\n" }
        return text + reports.map(summaryLine).joined(separator: "\n") + "\n"
    }

    /// One line per file: data files as ``summaryLine(_:)-(DataValidation)``; scenarios and targets files with their
    /// type, status and what they hold.
    static func summaryLine(_ report: InputCheck.Report) -> String {
        if let why = report.unreadable { return "\(report.file): not read (\(why))" }
        if report.type == .data, let v = report.data.first { return summaryLine(v) }
        let errors = report.problems.filter { $0.severity == "error" }.count + report.data.reduce(0) { $0 + $1.errorCount }
        let warnings = report.problems.filter { $0.severity != "error" }.count + report.data.reduce(0) { $0 + $1.warningCount }
        let type = report.type?.rawValue ?? "file"
        switch (errors, warnings) {
        case (0, let w):
            return "\(report.file): \(type) ok" + (w > 0 ? " with \(plural(w, "warning"))" : "") + (report.summary.map { " — \($0)" } ?? "")
        case (let e, let w):
            return "\(report.file): \(type) rejected, \(plural(e, "error"))" + (w > 0 ? " and \(plural(w, "warning"))" : "")
        }
    }

    /// `district.csv: ok — 9 series, 1 unit, 9 indicators, 21 periods (2019 … 2026-Q2); kinds: a share, …`
    static func summaryLine(_ result: DataValidation) -> String {
        let status: String
        switch (result.errorCount, result.warningCount) {
        case (0, 0): status = "ok"
        case (0, let w): status = "ok with \(plural(w, "warning"))"
        case (let e, let w): status = "rejected, \(plural(e, "error"))" + (w > 0 ? " and \(plural(w, "warning"))" : "")
        }
        guard let s = result.summary else { return "\(result.file): \(status) (not read)" }
        let readable = result.hasErrors ? "rows without errors: \(plural(s.rows, "row")), " : ""
        let span = s.first.map { first in first == s.last || s.last == nil ? " (\(first))" : " (\(first) … \(s.last!))" } ?? ""
        let kinds = s.indicators.map { "\($0.name) \($0.kind?.rawValue ?? "?")" }.joined(separator: ", ")
        return "\(result.file): \(status) — \(readable)\(plural(s.series, "series", "series")), \(plural(s.units, "unit")), "
            + "\(plural(s.indicators.count, "indicator")), \(plural(s.periods, "period"))\(span); kinds: \(kinds.isEmpty ? "none" : kinds)"
    }

    /// One JSON document: per file its type, status, counts, summary and issues.
    static func json(_ reports: [InputCheck.Report]) -> JSONValue {
        let files: [JSONValue] = reports.map { r in
            if r.type == .data, let v = r.data.first { return dataJSON(v) }
            var issues: [JSONValue] = r.problems.map { p in
                .object(["severity": .string(p.severity), "file": .string(p.file), "line": p.line.map(JSONValue.int) ?? .null,
                         "key": .string(p.key), "message": .string(p.message), "hint": p.hint.map(JSONValue.string) ?? .null])
            }
            if let why = r.unreadable {
                issues.insert(.object(["severity": .string("error"), "file": .string(r.file), "line": .null, "key": .string(""),
                                       "message": .string("cannot open the file: \(why)"), "hint": .null]), at: 0)
            }
            let errors = r.problems.filter { $0.severity == "error" }.count + (r.unreadable == nil ? 0 : 1)
            let warnings = r.problems.count - r.problems.filter { $0.severity == "error" }.count
            return .object([
                "file": .string(r.file),
                "type": r.type.map { .string($0.rawValue) } ?? .null,
                "status": .string(r.unreadable != nil ? "unreadable" : r.hasErrors ? "rejected" : issues.isEmpty ? "ok" : "warnings"),
                "errors": .int(errors),
                "warnings": .int(warnings),
                "issues": .array(issues),
                "data": .array(r.data.map(dataJSON)),
                "summary": r.summary.map(JSONValue.string) ?? .null,
            ])
        }
        return .object([
            "valid": .bool(!reports.contains(where: \.hasErrors)),
            "errors": .int(reports.reduce(0) { $0 + $1.problems.filter { $0.severity == "error" }.count + ($1.unreadable == nil ? 0 : 1)
                                               + $1.data.reduce(0) { $0 + $1.errorCount } }),
            "warnings": .int(reports.reduce(0) { $0 + $1.problems.filter { $0.severity != "error" }.count
                                                 + $1.data.reduce(0) { $0 + $1.warningCount } }),
            "files": .array(files),
        ])
    }

    /// One data file's check: status, counts, summary and issues.
    static func dataJSON(_ r: DataValidation) -> JSONValue {
        .object([
            "file": .string(r.file),
            "type": .string("data"),
            "status": .string(r.hasErrors ? "rejected" : r.issues.isEmpty ? "ok" : "warnings"),
            "errors": .int(r.errorCount),
            "warnings": .int(r.warningCount),
            "issues": .array(r.issues.map { i in
                var fields: [String: JSONValue] = ["severity": .string(i.severity.rawValue), "code": .string(i.code.rawValue),
                                                   "file": .string(i.file), "line": .int(i.line),
                                                   "column": i.column.map(JSONValue.string) ?? .null,
                                                   "message": .string(i.message), "hint": .string(i.hint)]
                if let location = i.location { fields["location"] = .string(location) }  // workbooks: sheet and cell
                return .object(fields)
            }),
            "summary": r.summary.map { s in
                .object(["rows": .int(s.rows), "series": .int(s.series), "units": .int(s.units), "periods": .int(s.periods),
                         "first": s.first.map(JSONValue.string) ?? .null, "last": s.last.map(JSONValue.string) ?? .null,
                         "indicators": .array(s.indicators.map { i in
                             .object(["name": .string(i.name), "kind": i.kind.map { .string($0.rawValue) } ?? .null,
                                      "reason": .string(i.reason), "units": .int(i.units), "rows": .int(i.rows),
                                      "first": .string(i.first), "last": .string(i.last)])
                         })])
            } ?? .null,
        ])
    }

    private static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
