import ArgumentParser
import Attain
import Foundation

/// `attain validate FILE...`: checks tidy CSV data files and prints every problem with its line and how to fix it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check data files and print every problem with its line and how to fix it.",
        discussion: """
            A data file is tidy CSV (UTF-8, or UTF-16 with a BOM; comma- or semicolon-separated) with the columns \
            unit, indicator, period (2025, 2025-Q3 or 2025-07) and value, or numerator and denominator for a share \
            given as counts. Other columns are kept and ignored.

            Prints the problems (errors keep a file from loading; warnings do not), then one line per file with its \
            series, units, indicators, periods and the kind of each indicator (share, count, cumulative, level).

            Exit codes: 0 when every file is clean or has warnings only, 1 when any file has an error, 2 for a usage error.
            """)

    @Argument(help: ArgumentHelp("Data files to check.", valueName: "file"))
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
        let results = files.map { DataSet.validate(contentsOf: URL(fileURLWithPath: $0), options: .init(kinds: kinds)) }
        switch output.resolvedFormat(default: .table) {
        case .json: try output.emit(Self.json(results).rendered())
        default: try output.emit(Self.table(results))
        }
        if results.contains(where: \.hasErrors) { throw ExitCode(1) }
    }

    /// The problems as an aligned table, then one summary line per file.
    static func table(_ results: [DataValidation]) -> String {
        var text = ""
        let issues = results.flatMap(\.issues)
        if !issues.isEmpty {
            var table = TextTable(headers: ["where", "level", "column", "problem", "fix"], alignments: Array(repeating: .left, count: 5))
            for issue in issues {
                table.append([issue.line > 0 ? "\(issue.file):\(issue.line)" : issue.file, issue.severity.rawValue,
                              issue.column ?? "", issue.message, issue.hint])
            }
            text += table.renderText() + "\n"
        }
        return text + results.map(summaryLine).joined(separator: "\n") + "\n"
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

    /// One JSON document: per file its status, counts, summary and issues.
    static func json(_ results: [DataValidation]) -> JSONValue {
        let files: [JSONValue] = results.map { r in
            .object([
                "file": .string(r.file),
                "status": .string(r.hasErrors ? "rejected" : r.issues.isEmpty ? "ok" : "warnings"),
                "errors": .int(r.errorCount),
                "warnings": .int(r.warningCount),
                "issues": .array(r.issues.map { i in
                    .object(["severity": .string(i.severity.rawValue), "code": .string(i.code.rawValue), "file": .string(i.file),
                             "line": .int(i.line), "column": i.column.map(JSONValue.string) ?? .null,
                             "message": .string(i.message), "hint": .string(i.hint)])
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
        return .object([
            "valid": .bool(!results.contains(where: \.hasErrors)),
            "errors": .int(results.reduce(0) { $0 + $1.errorCount }),
            "warnings": .int(results.reduce(0) { $0 + $1.warningCount }),
            "files": .array(files),
        ])
    }

    private static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
