import AttainData
import AttainSimulation
import Foundation

/// Per-unit thresholds for `attain run --by unit --thresholds FILE`: a unit judged against its own bar instead of the
/// targets file's.
///
/// CSV with the columns `target`, `unit` and `threshold`:
/// ```
/// target,unit,threshold
/// P1-1b,KCN Hòa Phú,85%
/// P1-2,CCN Mai Đình,1
/// ```
/// A threshold is written as in a targets file: a number, or a percentage for a share (`85%`, or the fraction `0.85`);
/// a decimal comma is read as a decimal mark. A unit or target the table does not name keeps the targets file's
/// threshold. Problems are listed with their lines: a target the targets file does not have, a unit the data do not
/// have (each with the nearest name), a threshold that is not a number, a share above 100%, a pair given twice.
public struct UnitThresholds: Sendable, Equatable {
    /// The file as the user named it.
    public var source: String
    /// Threshold by target id, then by unit.
    public var values: [String: [String: Double]]

    /// A table built in code.
    public init(source: String = "", values: [String: [String: Double]]) {
        self.source = source
        self.values = values
    }

    /// The threshold of `target` for `unit`, when the table sets one.
    public func threshold(target: String, unit: String) -> Double? { values[target]?[unit] }

    /// The columns of a thresholds file.
    public static let columns = ["target", "unit", "threshold"]

    /// Reads and checks the table at `url` against the targets and the data's units.
    /// - Throws: ``DataError/rejected(file:issues:)`` listing every problem.
    public static func load(contentsOf url: URL, targets: TargetFile, units: [String], shares: Set<String> = []) throws(DataError) -> UnitThresholds {
        let text: String
        switch KeyedTable.read(url) {
        case .failure(let issue): throw .rejected(file: url.relativePath, issues: [issue])
        case .success(let t): text = t
        }
        let (table, issues) = validate(text: text, source: url.relativePath, targets: targets, units: units, shares: shares)
        guard let table, !issues.contains(where: \.isError) else { throw .rejected(file: url.relativePath, issues: issues) }
        return table
    }

    /// Checks thresholds CSV text without throwing; `source` names it in issues. `shares` are the indicators that are
    /// shares (their thresholds must be within 0–100%), for targets at a level (not growth or change).
    public static func validate(text: String, source: String, targets: TargetFile, units: [String],
                                shares: Set<String> = []) -> (table: UnitThresholds?, issues: [DataIssue]) {
        guard let table = KeyedTable(text: text, file: source, required: columns, optional: []) else {
            return (nil, KeyedTable.headerIssues(text: text, file: source, required: columns, optional: []))
        }
        var issues = table.issues, values = [String: [String: Double]](), lineOf = [String: Int]()
        let specs = Dictionary(targets.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = targets.targets.map(\.id), known = Set(units)
        func error(_ code: DataIssue.Code, _ line: Int, _ column: String, _ message: String, _ hint: String) {
            issues.append(DataIssue(.error, code, file: source, line: line, column: column, message: message, hint: hint))
        }
        for row in table.rows {
            let id = row["target"]!, unit = row["unit"]!, text = row["threshold"]!
            var ok = true
            if specs[id] == nil {
                error(.unknownTarget, row.line, "target", "target \"\(id)\" is not in the targets file \(targets.file)",
                      NearestName.hint(for: id, among: ids))
                ok = false
            }
            if !known.contains(unit) {
                let hint = NearestName.suggestion(for: unit, among: units).map { "did you mean `\($0)`?" }
                    ?? (units.count <= 12 ? NearestName.hint(for: unit, among: units)
                        : "the data have \(units.count) units (" + units.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + ", …): use a name of their unit column")
                error(.unknownUnit, row.line, "unit", "unit \"\(unit)\" is not in the scenario's data", hint)
                ok = false
            }
            let value = Self.number(text)
            if value == nil {
                error(.notANumber, row.line, "threshold", "threshold \"\(text)\" is not a number", "write e.g. 85% or 0.85 for a share, 12 for a count")
                ok = false
            }
            if let v = value, let spec = specs[id], shares.contains(spec.indicator), !spec.kind.isRelative, !(0...1).contains(v) {
                error(.shareOutOfRange, row.line, "threshold", "threshold \(text) of \(id) is outside 0–100%",
                      "write a share as a percentage (85%) or a fraction (0.85)")
                ok = false
            }
            let key = id + "\u{1F}" + unit
            if let first = lineOf[key] {
                error(.duplicateRow, row.line, "unit", "\(id) for \"\(unit)\" is given twice (first on line \(first))", "keep one row per target and unit")
                ok = false
            } else {
                lineOf[key] = row.line
            }
            if ok, let v = value { values[id, default: [:]][unit] = v }
        }
        return (UnitThresholds(source: source, values: values), issues)
    }

    /// `85%` → 0.85, `0,85` → 0.85, `12` → 12; nil when not a finite number.
    static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces), scale = 1.0
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces); scale = 0.01 }
        if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
        guard let v = Double(t), v.isFinite else { return nil }
        return v * scale
    }
}
