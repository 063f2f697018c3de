import Foundation

/// A calendar day written `2025-07-01` (ISO 8601), as the units file gives the dates a unit existed.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Calendar year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, 1–31.
    public let day: Int

    /// A valid day (`precondition` otherwise): `CalendarDate(2025, 7, 1)`.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        precondition((1...12).contains(month) && (1...Self.days(year, month)).contains(day), "not a calendar day")
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, or a day the calendar does not have (`2025-02-30`).
    public init?(parsing text: String) {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Self.days(y, m) else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// The next day (`2025-06-30` → `2025-07-01`).
    public var next: CalendarDate {
        if day < Self.days(year, month) { return CalendarDate(year, month, day + 1) }
        return month < 12 ? CalendarDate(year, month + 1, 1) : CalendarDate(year + 1, 1, 1)
    }

    /// The first day of `period` (`2025-Q3` → `2025-07-01`).
    public static func start(of period: Period) -> CalendarDate {
        let monthsPer = 12 / period.frequency.rawValue
        return CalendarDate(period.year, (period.position - 1) * monthsPer + 1, 1)
    }

    /// The first day after `period` (`2025-Q2` → `2025-07-01`).
    public static func end(of period: Period) -> CalendarDate { start(of: period.advanced(by: 1)) }

    static func days(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

/// The administrative (or economic) level of a unit.
public enum UnitLevel: String, Sendable, CaseIterable, Codable {
    case province, commune, ward, district, zone, cluster, enterprise

    /// Whether a unit of this level is one of those `requested` asks for: `commune` also takes wards (both are the
    /// commune tier, cấp xã); every other level only itself.
    public func matches(_ requested: UnitLevel) -> Bool {
        self == requested || (requested == .commune && self == .ward)
    }
}

/// One row of a units file: a unit, where it sits, and when it existed.
public struct UnitRecord: Sendable, Equatable {
    /// The id data files use in their `unit` column.
    public var id: String
    /// Display name; the id when none is given.
    public var name: String
    /// Province, commune, ward, district, zone, cluster or enterprise.
    public var level: UnitLevel
    /// The unit it belongs to (a commune's former district, a cluster's commune), if any.
    public var parent: String?
    /// First day the unit existed, when known (a new commune: `2025-07-01`).
    public var from: CalendarDate?
    /// Last day the unit existed, when it ended (a district: `2025-06-30`).
    public var to: CalendarDate?
    /// 1-based line in the units file (0 when built in code).
    public var line: Int

    /// A unit built in code; `name` defaults to `id`.
    public init(id: String, name: String? = nil, level: UnitLevel, parent: String? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil, line: Int = 0) {
        (self.id, self.name, self.level, self.parent, self.from, self.to, self.line) = (id, name ?? id, level, parent, from, to, line)
    }
}

/// The units file: every unit data files may name, its level, parent and the dates it existed.
///
/// CSV with the columns `unit`, `level` (required), `name`, `parent`, `from`, `to` (optional; dates `YYYY-MM-DD`):
/// ```
/// unit,name,level,parent,from,to
/// D1,Huyện A,district,P,,2025-06-30
/// D1-C1,Xã A1,commune,D1,,2025-06-30
/// N1,Xã Mới 1,commune,P,2025-07-01,
/// ```
/// Checked like the data files: every problem with its line (a duplicate id, an unknown level, a parent that is not in
/// the file, a date that cannot be read, `from` after `to`, a parent cycle).
public struct UnitRegistry: Sendable {
    /// The file as the user named it.
    public var source: String
    /// The units in file order.
    public var units: [UnitRecord]
    private var index: [String: Int]

    /// Units built in code; ids must be unique (`precondition`).
    public init(source: String, units: [UnitRecord]) {
        self.source = source
        self.units = units
        var index = [String: Int]()
        for (i, u) in units.enumerated() { precondition(index.updateValue(i, forKey: u.id) == nil, "duplicate unit \(u.id)") }
        self.index = index
    }

    /// The unit with this id, if any.
    public subscript(id: String) -> UnitRecord? { index[id].map { units[$0] } }

    /// Whether the file has this unit.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// The units whose parent is `id`, in file order.
    public func children(of id: String) -> [UnitRecord] { units.filter { $0.parent == id } }

    /// `id` and every unit below it (children, their children, …), `id` first.
    public func descendants(of id: String) -> [String] {
        var result = [id], seen: Set = [id], i = 0
        while i < result.count {
            for c in children(of: result[i]) where seen.insert(c.id).inserted { result.append(c.id) }
            i += 1
        }
        return result
    }

    /// The day of the boundary change the file records: the earliest `from` among units that begin after others ended,
    /// else the day after the earliest `to`; nil when no unit has dates.
    public var changeDate: CalendarDate? {
        let ends = units.compactMap(\.to)
        if let firstEnd = ends.min() {
            return units.compactMap(\.from).filter { $0 > firstEnd }.min() ?? firstEnd.next
        }
        return units.compactMap(\.from).min()
    }

    /// Reads and checks the units file at `url`.
    /// - Throws: ``DataError/rejected(file:issues:)`` listing every problem when there is any error.
    public static func load(contentsOf url: URL) throws(DataError) -> UnitRegistry {
        let (registry, issues) = validate(contentsOf: url)
        guard let registry, !issues.contains(where: \.isError) else { throw .rejected(file: url.relativePath, issues: issues) }
        return registry
    }

    /// Checks the units file at `url` without throwing: the registry when it could be read, and every issue.
    public static func validate(contentsOf url: URL) -> (registry: UnitRegistry?, issues: [DataIssue]) {
        switch KeyedTable.read(url) {
        case .failure(let issue): return (nil, [issue])
        case .success(let text): return validate(text: text, source: url.relativePath)
        }
    }

    /// The columns of a units file.
    public static let columns = (required: ["unit", "level"], optional: ["name", "parent", "from", "to"])

    /// Checks units CSV text; `source` names it in issues.
    public static func validate(text: String, source: String) -> (registry: UnitRegistry?, issues: [DataIssue]) {
        guard let table = KeyedTable(text: text, file: source, required: columns.required, optional: columns.optional)
        else { return (nil, KeyedTable.headerIssues(text: text, file: source, required: columns.required, optional: columns.optional)) }
        var issues = table.issues, units = [UnitRecord](), firstLine = [String: Int]()
        func error(_ code: DataIssue.Code, _ line: Int, _ column: String, _ message: String, _ hint: String) {
            issues.append(DataIssue(.error, code, file: source, line: line, column: column, message: message, hint: hint))
        }
        for row in table.rows {
            let id = row["unit"] ?? "", levelText = row["level"] ?? ""
            var ok = true
            if let first = firstLine[id] {
                error(.duplicateUnit, row.line, "unit", "unit \"\(id)\" is listed twice (first on line \(first))",
                      "keep one row per unit; a unit that changed is a new unit with its own id")
                ok = false
            } else {
                firstLine[id] = row.line
            }
            let level = UnitLevel(rawValue: levelText.lowercased())
            if level == nil && !levelText.isEmpty {
                error(.badLevel, row.line, "level", "level \"\(levelText)\" is not known",
                      "write one of " + UnitLevel.allCases.map(\.rawValue).joined(separator: ", "))
                ok = false
            }
            var dates = [String: CalendarDate]()
            for column in ["from", "to"] {
                guard let text = row[column], !text.isEmpty else { continue }
                if let d = CalendarDate(parsing: text) { dates[column] = d } else {
                    error(.badDate, row.line, column, "\(column) \"\(text)\" is not a date", "write the day as YYYY-MM-DD, e.g. 2025-06-30")
                    ok = false
                }
            }
            if let f = dates["from"], let t = dates["to"], t < f {
                error(.badDate, row.line, "to", "the unit ends (\(t)) before it begins (\(f))", "check the two dates; they may be swapped")
                ok = false
            }
            if ok, let level {
                let parent = row["parent"].flatMap { $0.isEmpty ? nil : $0 }
                let name = row["name"].flatMap { $0.isEmpty ? nil : $0 }
                units.append(UnitRecord(id: id, name: name, level: level, parent: parent, from: dates["from"], to: dates["to"], line: row.line))
            }
        }
        let known = Set(firstLine.keys)
        for row in table.rows {
            guard let p = row["parent"], !p.isEmpty else { continue }
            if !known.contains(p) {
                error(.unknownUnit, row.line, "parent", "parent \"\(p)\" is not a unit of this file" + nearest(p, known),
                      "add a row for \"\(p)\", or correct the parent")
            } else if p == row["unit"] {
                error(.unknownUnit, row.line, "parent", "unit \"\(p)\" is its own parent", "leave parent empty for a top unit")
            }
        }
        // A parent cycle (A → B → A) would make "everything below" endless.
        let parentOf = Dictionary(units.compactMap { u in u.parent.map { (u.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for u in units {
            var seen: Set = [u.id], p = parentOf[u.id]
            while let q = p, q != u.id, seen.insert(q).inserted { p = parentOf[q] }
            if p == u.id, parentOf[u.id] != u.id {
                error(.unknownUnit, u.line, "parent", "unit \"\(u.id)\" is its own ancestor (the parents form a loop)",
                      "give each unit the unit it belongs to, ending at a top unit with no parent")
            }
        }
        let sorted = issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return (UnitRegistry(source: source, units: units), sorted)
    }
}

/// ` (did you mean "X"?)` for the known id nearest to `text` when it is close, else empty.
func nearest(_ text: String, _ known: some Collection<String>) -> String {
    guard let best = known.min(by: { editDistance(text, $0) < editDistance(text, $1) }),
          editDistance(text, best) <= max(1, text.count / 4) else { return "" }
    return " (did you mean \"\(best)\"?)"
}

/// A small CSV file read by header names (units and crosswalk files): each row's fields by column, with its line.
package struct KeyedTable {
    package struct Row {
        package var line: Int
        package var fields: [String: String]
        package subscript(_ column: String) -> String? { fields[column] }
    }
    package var rows: [Row]
    package var issues: [DataIssue]

    /// The file's text, or the issue that kept it from being read.
    package static func read(_ url: URL) -> Result<String, DataIssue> {
        let name = url.relativePath
        guard let data = try? Data(contentsOf: url) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "it does not exist"
            return .failure(DataIssue(.error, .unreadable, file: name, line: 0, message: "cannot open the file: \(reason)",
                                      hint: "check the path and the file's permissions"))
        }
        return TextDecoding.decode(data, file: name)
    }

    /// nil when the header is missing or lacks a required column (see ``headerIssues``).
    package init?(text: String, file: String, required: [String], optional: [String]) {
        let table = CSVTable(text: text, file: file)
        guard let header = table.header else { return nil }
        let names = header.fields.map { $0.trimmed.lowercased() }
        guard required.allSatisfy(names.contains) else { return nil }
        issues = table.issues
        rows = []
        for record in table.rows where !record.isMalformed {
            if record.fields.count != names.count {
                issues.append(DataIssue(.error, .columnCount, file: file, line: record.line,
                                        message: "the row has \(record.fields.count) fields, the header \(names.count)",
                                        hint: "quote a value that holds the delimiter, or remove the extra field"))
                continue
            }
            var fields = [String: String]()
            for (name, value) in zip(names, record.fields) where required.contains(name) || optional.contains(name) {
                fields[name] = value.trimmed
            }
            var complete = true
            for name in required where fields[name, default: ""].isEmpty {
                issues.append(DataIssue(.error, .emptyField, file: file, line: record.line, column: name,
                                        message: "the \(name) is empty", hint: "fill in the \(name), or delete the row"))
                complete = false
            }
            if complete { rows.append(Row(line: record.line, fields: fields)) }
        }
    }

    /// Why the header could not be used: an empty file, or each missing required column (with the nearest name).
    package static func headerIssues(text: String, file: String, required: [String], optional: [String]) -> [DataIssue] {
        let table = CSVTable(text: text, file: file)
        guard let header = table.header else {
            return [DataIssue(.error, .emptyFile, file: file, line: 0, message: "the file is empty",
                              hint: "write a header line: " + (required + optional).joined(separator: ","))]
        }
        let names = header.fields.map { $0.trimmed.lowercased() }
        return required.filter { !names.contains($0) }.map { column in
            DataIssue(.error, .missingColumn, file: file, line: header.line, column: column,
                      message: "the header has no \(column) column" + nearest(column, names),
                      hint: "the columns are " + required.joined(separator: ", ") + " (required) and "
                          + optional.joined(separator: ", ") + " (optional)")
        }
    }
}
