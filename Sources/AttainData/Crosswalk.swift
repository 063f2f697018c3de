import Foundation

/// Where the old units went at a boundary change: each old unit's share in each new unit.
///
/// CSV with the columns `old`, `new`, `weight` (required) and `basis` (optional: what the weight measures —
/// `enterprises`, `workers`, `area` …):
/// ```
/// old,new,weight,basis
/// D1-C1,N1,1,
/// D1-C2,N1,0.6,workers
/// D1-C2,N2,0.4,workers
/// ```
/// An old unit that went whole to one new unit has weight 1; a split unit has one row per new unit. The weights of
/// each old unit must sum to 1 (within 1e-6). Problems are listed with their lines: a weight that is not a number, is
/// negative or above 1; a pair (old, new) given twice; weights of an old unit not summing to 1 (on the unit's first
/// line); and, checked against a units file, an old or new unit the units file does not have.
public struct Crosswalk: Sendable {
    /// One row: part of an old unit going to a new one.
    public struct Entry: Sendable, Equatable {
        /// The unit before the change.
        public var old: String
        /// A unit after the change that took part (or all) of `old`.
        public var new: String
        /// The share of the old unit that went to `new`, in [0, 1].
        public var weight: Double
        /// What the weight measures, when stated.
        public var basis: String?
        /// 1-based line in the file (0 when built in code).
        public var line: Int

        /// A row built in code.
        public init(old: String, new: String, weight: Double, basis: String? = nil, line: Int = 0) {
            (self.old, self.new, self.weight, self.basis, self.line) = (old, new, weight, basis, line)
        }

        /// Whether the row moves only part of the old unit (a split): values resting on it are apportioned.
        public var isSplit: Bool { abs(weight - 1) > Crosswalk.tolerance }
    }

    /// How far an old unit's weights may be from summing to 1.
    public static let tolerance = 1e-6

    /// The file as the user named it.
    public var source: String
    /// The rows in file order.
    public var entries: [Entry]
    private var byOld: [String: [Int]]

    /// Rows built in code; nothing is checked (see ``validate(text:source:units:)``).
    public init(source: String, entries: [Entry]) {
        self.source = source
        self.entries = entries
        var byOld = [String: [Int]]()
        for (i, e) in entries.enumerated() { byOld[e.old, default: []].append(i) }
        self.byOld = byOld
    }

    /// Where `old` went, in file order; empty when the crosswalk does not name it.
    public func targets(of old: String) -> [Entry] { byOld[old, default: []].map { entries[$0] } }

    /// Whether `unit` is an old unit of the crosswalk.
    public func maps(_ unit: String) -> Bool { byOld[unit] != nil }

    /// The old units, in order of first appearance.
    public var oldUnits: [String] { uniqued(entries.lazy.map(\.old)) }
    /// The new units, in order of first appearance.
    public var newUnits: [String] { uniqued(entries.lazy.map(\.new)) }

    /// The columns of a crosswalk file.
    public static let columns = (required: ["old", "new", "weight"], optional: ["basis"])

    /// Reads and checks the crosswalk at `url`; with `units`, every unit must be in it.
    /// - Throws: ``DataError/rejected(file:issues:)`` listing every problem when there is any error.
    public static func load(contentsOf url: URL, units: UnitRegistry? = nil) throws(DataError) -> Crosswalk {
        let (crosswalk, issues) = validate(contentsOf: url, units: units)
        guard let crosswalk, !issues.contains(where: \.isError) else { throw .rejected(file: url.relativePath, issues: issues) }
        return crosswalk
    }

    /// Checks the crosswalk at `url` without throwing.
    public static func validate(contentsOf url: URL, units: UnitRegistry? = nil) -> (crosswalk: Crosswalk?, issues: [DataIssue]) {
        switch KeyedTable.read(url) {
        case .failure(let issue): return (nil, [issue])
        case .success(let text): return validate(text: text, source: url.relativePath, units: units)
        }
    }

    /// Checks crosswalk CSV text; `source` names it in issues, `units` (when given) must hold every unit named.
    public static func validate(text: String, source: String, units: UnitRegistry? = nil) -> (crosswalk: Crosswalk?, issues: [DataIssue]) {
        guard let table = KeyedTable(text: text, file: source, required: columns.required, optional: columns.optional)
        else { return (nil, KeyedTable.headerIssues(text: text, file: source, required: columns.required, optional: columns.optional)) }
        var issues = table.issues, entries = [Entry](), pairLine = [String: Int]()
        func error(_ code: DataIssue.Code, _ line: Int, _ column: String, _ message: String, _ hint: String) {
            issues.append(DataIssue(.error, code, file: source, line: line, column: column, message: message, hint: hint))
        }
        for row in table.rows {
            let old = row["old"]!, new = row["new"]!, text = row["weight"]!
            var ok = true
            // A decimal comma (`0,6`, semicolon exports) is read as a decimal mark: weights are at most 1.
            let weight = Double(text.contains(".") ? text : text.replacingOccurrences(of: ",", with: ".")).flatMap { $0.isFinite ? $0 : nil }
            if let w = weight {
                if w < 0 {
                    error(.badWeight, row.line, "weight", "weight \(format(w)) of \"\(old)\" → \"\(new)\" is negative",
                          "a weight is the share of the old unit that went to the new one, from 0 to 1")
                    ok = false
                } else if w > 1 + tolerance {
                    error(.badWeight, row.line, "weight", "weight \(format(w)) of \"\(old)\" → \"\(new)\" is above 1",
                          "write shares as fractions (0.6, not 60)")
                    ok = false
                }
            } else {
                error(.notANumber, row.line, "weight", "weight \"\(text)\" is not a number", "write a fraction from 0 to 1, e.g. 0.6")
                ok = false
            }
            let key = old + "\u{1F}" + new
            if let first = pairLine[key] {
                error(.duplicateMapping, row.line, "new", "\"\(old)\" → \"\(new)\" is mapped twice (first on line \(first))",
                      "keep one row per pair of old and new unit, with the whole share in its weight")
                ok = false
            } else {
                pairLine[key] = row.line
            }
            if let units {
                for (column, id) in [("old", old), ("new", new)] where !units.contains(id) {
                    error(.unknownUnit, row.line, column, "\(column) unit \"\(id)\" is not in the units file \(units.source)"
                          + nearest(id, units.units.map(\.id)), "add it to \(units.source), or correct the id")
                    ok = false
                }
            }
            if ok, let weight {
                let basis = row["basis"].flatMap { $0.isEmpty ? nil : $0 }
                entries.append(Entry(old: old, new: new, weight: weight, basis: basis, line: row.line))
            }
        }
        let crosswalk = Crosswalk(source: source, entries: entries)
        // An old unit whose rows already have a problem (a bad weight, a pair given twice) gets no sum check: its sum
        // would only repeat that problem.
        let oldAt = Dictionary(table.rows.map { ($0.line, $0["old"]!) }, uniquingKeysWith: { a, _ in a })
        let badWeightUnits = Set(issues.filter { [.badWeight, .notANumber, .duplicateMapping].contains($0.code) }.compactMap { oldAt[$0.line] })
        for old in crosswalk.oldUnits where !badWeightUnits.contains(old) {
            let rows = crosswalk.targets(of: old)
            let sum = rows.reduce(0) { $0 + $1.weight }
            if abs(sum - 1) > tolerance {
                let lines = (rows.count == 1 ? "line " : "lines ") + rows.map { String($0.line) }.joined(separator: ", ")
                error(.weightSum, rows[0].line, "weight",
                      "the weights of \"\(old)\" sum to \(format(sum)), not 1 (\(lines))",
                      sum < 1 ? "add the missing part of \"\(old)\", or correct its weights so they sum to 1"
                              : "the parts of \"\(old)\" overlap: correct its weights so they sum to 1")
            }
        }
        let sorted = issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return (crosswalk, sorted)
    }
}
