import AttainSimulation

/// A plan's targets file (YAML, `version: 1` or `version: 2`): the plan's title and its targets.
///
/// ```yaml
/// version: 1
/// plan: { vi: "Kế hoạch thực hiện Đề án 19-ĐA/TU", en: "Implementation plan of Scheme 19-ĐA/TU" }
/// targets:
///   - id: P1-1a
///     indicator: enterprise_union_share
///     kind: level-at-deadline
///     deadline: 2026
///     at-least: 90%
///     wording: { vi: "…", en: "…" }
/// ```
/// Windows are written `window: 2023-2026` (or `from:` / `to:`), deadlines `deadline: 2026`; thresholds as
/// `at-least:` (≥) or `above:` (strictly >), percentages allowed. Unknown keys, wrong types and duplicate ids are errors
/// naming the file, line and key.
///
/// Schema version 2 (`version: 2`) adds:
/// - `at-most:` (≤) and `below:` (strictly <) for every kind but `cumulative-count`; a stretch value then lies below
///   the threshold;
/// - kinds `growth-from-base` and `change-from-base` (`base: 2023`, `deadline: 2030`), `average-growth` and
///   `average-change` (`window: 2025-2030`, at least two years);
/// - percentage points for changes in a share: `10pp`, `10 điểm` (= 0.10);
/// - milestones: `at-least: { 2021: 35%, 2025: 45%, 2030: 60% }` in place of `deadline` and one threshold, for
///   `level-at-deadline` and the from-base kinds, expanding to targets `ID@2021`, `ID@2025`, … in that order.
///
/// A version-1 file using any of these is refused with a message saying it needs `version: 2`; a file written for a
/// newer schema is refused with a message saying to upgrade Attain.
public struct TargetFile: Sendable, Equatable {
    /// The newest targets schema this version of Attain reads.
    public static let schemaVersion = 2

    /// Where it was read from.
    public var file: String
    /// The plan's title.
    public var plan: LocalizedText?
    /// The targets, in file order (milestones expanded, consecutively).
    public var targets: [TargetSpec]
    /// The schema version the file declares.
    public var version: Int = 1

    public init(file: String = "", plan: LocalizedText? = nil, targets: [TargetSpec], version: Int = 1) {
        self.file = file
        self.plan = plan
        self.targets = targets
        self.version = version
    }

    /// The target with identifier `id`.
    public func target(_ id: String) -> TargetSpec? { targets.first { $0.id == id } }

    static let topKeys = ["version", "plan", "targets"]
    /// The keys of a comparison, in the order they are named in messages.
    static let comparisonKeys = ["at-least", "above", "at-most", "below"]
    static let targetKeys = ["id", "indicator", "kind", "deadline", "window", "from", "to", "at-least", "above", "at-most", "below",
                             "base", "stretch", "wording", "group", "unit"]

    /// Loads and checks the targets file at `path`.
    public static func load(path: String) throws -> TargetFile {
        try read(ConfigNode.load(path: path))
    }

    /// Parses a targets file from text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> TargetFile {
        try read(ConfigNode.parse(text, file: file))
    }

    static func read(_ root: ConfigNode) throws -> TargetFile {
        if case .mapping = root.node, let v = root.optional("version"), let n = try? v.int(), n > schemaVersion {
            throw v.error("written for a newer Attain (targets schema \(n); this Attain reads up to \(schemaVersion)) — upgrade Attain")
        }
        try root.checkVersion(supported: schemaVersion, kind: "targets")
        let version = try root.required("version").int()
        try root.mapping(allowed: topKeys)
        var out = TargetFile(file: root.file, plan: try root.optional("plan")?.localizedText(), targets: [], version: version)
        let list = try root.required("targets", hint: "list the plan's targets under `targets:`").list()
        for item in list {
            for target in try readTarget(item, version: version) {
                if out.target(target.id) != nil { throw try item.required("id").error("target id `\(target.id)` is used twice") }
                out.targets.append(target)
            }
        }
        if out.targets.isEmpty { throw root.error("the file lists no targets") }
        return out
    }

    /// An error unless the file is at least version 2.
    static func requireVersion2(_ version: Int, _ node: ConfigNode, _ what: String) throws {
        guard version >= 2 else {
            throw node.error("\(what) needs `version: 2`", hint: "write `version: 2` at the top of the targets file (this Attain reads both)")
        }
    }

    /// A threshold or stretch value: a number, a percentage (`90%`), or percentage points (`10pp`, `10 điểm`, `10 điểm %`).
    static func readValue(_ node: ConfigNode, version: Int) throws -> (value: Double, points: Bool) {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        for suffix in ["điểm phần trăm", "điểm %", "điểm%", "điểm", "p.p.", "pp"] where lower.hasSuffix(suffix) {
            try requireVersion2(version, node, "a value in percentage points (`\(text)`)")
            var number = String(lower.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            if !number.contains("."), number.filter({ $0 == "," }).count == 1 { number = number.replacingOccurrences(of: ",", with: ".") }
            guard let v = Double(number), v.isFinite else {
                throw node.error("expected a number of percentage points, found `\(text)`", hint: "write e.g. 10pp or 10 điểm")
            }
            return (v / 100, true)
        }
        return (try node.double(), false)
    }

    static func readTarget(_ item: ConfigNode, version: Int) throws -> [TargetSpec] {
        let keys = try item.mapping(allowed: targetKeys)
        let id = try item.required("id").string()
        let indicator = try item.required("indicator").string()
        let kindNode = try item.required("kind", hint: "one of " + TargetKind.allCases.map(\.rawValue).joined(separator: ", "))
        let kind = TargetKind(rawValue: try kindNode.choice(TargetKind.allCases.map(\.rawValue)))!
        if !TargetKind.version1.contains(kind) { try requireVersion2(version, kindNode, "kind `\(kind.rawValue)`") }

        // Exactly one comparison.
        let given = keys.filter(comparisonKeys.contains)
        if given.count > 1 {
            let second = item.optional(given[1]) ?? item
            throw second.error("`\(given[0])` and `\(given[1])` together: give one comparison, not both",
                               hint: "at-least (≥), above (>), at-most (≤) or below (<)")
        }
        guard let comparisonKey = given.first, let thresholdNode = item.optional(comparisonKey) else {
            throw item.error("target `\(id)` has no threshold",
                             hint: version >= 2 ? "add `at-least: 90%` (≥), `above: 95%` (>), `at-most: 2` (≤) or `below: 1%` (<)"
                                                : "add `at-least: 90%` (≥) or `above: 95%` (strictly >)")
        }
        let comparison = Comparison(key: comparisonKey)!
        if comparison.isUpperBound { try requireVersion2(version, thresholdNode, "`\(comparisonKey)`") }
        if kind == .cumulativeCount && comparison.isUpperBound {
            throw thresholdNode.error("a reduction on a cumulative count: a count of new things founded only grows, so `\(comparisonKey)` cannot be judged on it",
                                      hint: "cap a yearly count with `kind: every-year` and `\(comparisonKey)`, or use `cumulative-flow` for a total over a window")
        }

        // The base year.
        let baseNode = item.optional("base")
        var base: Int?
        if let baseNode {
            try requireVersion2(version, baseNode, "`base`")
            guard kind.isFromBase else {
                throw baseNode.error(kind.isAverage ? "an \(kind.rawValue) target starts from its window's first year; it takes no `base`"
                                                    : "`base` is for growth-from-base and change-from-base targets, not \(kind.rawValue)",
                                     hint: kind.isAverage ? "write the window from the base year, e.g. window: 2025-2030" : nil)
            }
            base = try baseNode.int()
        } else if kind.isFromBase {
            throw ConfigurationError(file: item.file, line: item.line, key: item.path.isEmpty ? "base" : "\(item.path).base",
                                     message: "a \(kind.rawValue) target needs a `base` year (e.g. base: 2023)")
        }

        // Threshold(s): one value, or milestones { year: value }.
        var milestones: [(year: Int, value: Double, points: Bool)] = []
        var single: (value: Double, points: Bool)?
        if case .mapping(let m) = thresholdNode.node {
            try requireVersion2(version, thresholdNode, "milestones (a year → threshold mapping)")
            guard kind.takesMilestones else {
                throw thresholdNode.error("only level-at-deadline, growth-from-base and change-from-base targets take milestones, not \(kind.rawValue)")
            }
            if let d = item.optional("deadline") {
                throw d.error("milestones give their own deadlines; drop `deadline`")
            }
            for (k, _) in m {
                guard let key = k.scalar?.string, let year = Int(key.trimmingCharacters(in: .whitespaces)) else {
                    throw thresholdNode.error("a milestone is written `year: threshold`, e.g. { 2025: 45%, 2030: 60% }")
                }
                let valueNode = try thresholdNode.required(key)
                let v = try readValue(valueNode, version: version)
                if milestones.contains(where: { $0.year == year }) { throw valueNode.error("milestone year \(year) appears twice") }
                milestones.append((year, v.value, v.points))
            }
            guard !milestones.isEmpty else { throw thresholdNode.error("no milestones given") }
            milestones.sort { $0.year < $1.year }
        } else {
            single = try readValue(thresholdNode, version: version)
        }
        let points = single?.points ?? milestones.contains { $0.points }
        if points && kind != .changeFromBase && kind != .averageChange {
            throw thresholdNode.error("percentage points measure a change in a share; use them with change-from-base or average-change",
                                      hint: kind.isGrowth ? "a growth is written in percent, e.g. 20%" : "write a level as a percentage, e.g. 35%")
        }

        // Stretch: on the harder side.
        var stretches: [Int: Double] = [:], stretch: Double?
        if let s = item.optional("stretch") {
            if case .mapping = s.node {
                guard !milestones.isEmpty else { throw s.error("a stretch mapping is for milestones; give one value") }
                for m in milestones { stretches[m.year] = try readValue(try s.required(String(m.year)), version: version).value }
                try s.mapping(allowed: milestones.map { String($0.year) })
            } else {
                stretch = try readValue(s, version: version).value
            }
            let pairs: [(Double, Double)] = milestones.isEmpty ? [(stretch!, single!.value)]
                : milestones.map { (stretch ?? stretches[$0.year]!, $0.value) }
            for (st, th) in pairs where comparison.isUpperBound ? st > th : st < th {
                throw s.error("the stretch value \(Self.show(st)) is \(comparison.isUpperBound ? "above" : "below") the threshold \(Self.show(th)); "
                              + "for `\(comparisonKey)` the stretch is the harder value, \(comparison.isUpperBound ? "at or below" : "at or above") it")
            }
        }
        if kind == .range && item.optional("stretch") == nil {
            throw item.error(comparison.isUpperBound ? "a `range` target needs a `stretch` value (\"2–3 a year at most\": at-most: 3, stretch: 2)"
                                                     : "a `range` target needs a `stretch` value (\"2–3 a year\": at-least: 2, stretch: 3)")
        }

        // Years.
        var windows: [ClosedRange<Int>] = []
        if kind.isFromBase {
            for key in ["window", "from", "to"] {
                if let n = item.optional(key) { throw n.error("a \(kind.rawValue) target takes `base` and `deadline`, not `\(key)`") }
            }
            let deadlines: [Int]
            if milestones.isEmpty {
                guard let d = item.optional("deadline") else {
                    throw ConfigurationError(file: item.file, line: item.line, key: item.path.isEmpty ? "deadline" : "\(item.path).deadline",
                                             message: "a \(kind.rawValue) target needs a `deadline` (e.g. deadline: 2030), or milestones")
                }
                deadlines = [try d.int()]
            } else {
                deadlines = milestones.map(\.year)
            }
            for d in deadlines {
                guard base! < d else {
                    throw baseNode!.error("the base year \(base!) is not before the deadline \(d)", hint: "a base year comes before the deadline")
                }
                windows.append(base!...d)
            }
        } else if !milestones.isEmpty {
            for key in ["window", "from", "to"] {
                if let n = item.optional(key) { throw n.error("milestones give their own deadlines; drop `\(key)`") }
            }
            windows = milestones.map { $0.year...$0.year }
        } else {
            let window = try readWindow(item, kind: kind)
            if kind.isAverage && window.count < 2 {
                let node = item.optional("window") ?? item.optional("deadline") ?? item.optional("to") ?? item
                throw node.error("an average over \(window.lowerBound)–\(window.upperBound) has no years to average over",
                                 hint: "give a window of at least two years, the first being the base, e.g. window: 2025-2030")
            }
            windows = [window]
        }

        let wording = try item.optional("wording")?.localizedText() ?? LocalizedText()
        let group = try item.optional("group")?.localizedText()
        let unit = try item.optional("unit")?.localizedText()
        let location = SourceLocation(file: item.file, key: item.path, line: item.line)
        var lines: [String: Int] = [:]
        for key in keys { if let l = item.optional(key)?.line { lines[key] = l } }
        return windows.enumerated().map { i, window in
            let milestone = milestones.isEmpty ? nil : milestones[i]
            var spec = TargetSpec(id: milestone.map { "\(id)@\($0.year)" } ?? id, indicator: indicator, kind: kind, comparison: comparison,
                                  threshold: milestone?.value ?? single!.value,
                                  stretch: milestone.map { stretch ?? stretches[$0.year] } ?? stretch, window: window,
                                  wording: wording, group: group, unit: unit, base: base,
                                  milestoneOf: milestone == nil ? nil : id, inPoints: points)
            spec.location = location
            spec.keyLines = lines
            return spec
        }
    }

    static func show(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    /// `deadline: 2026` for a level; `window: 2023-2026`, `window: [2023, 2026]` or `from:` / `to:` otherwise.
    static func readWindow(_ item: ConfigNode, kind: TargetKind) throws -> ClosedRange<Int> {
        if let d = item.optional("deadline") {
            if item.optional("window") != nil || item.optional("to") != nil {
                throw d.error("give either `deadline` or a `window`, not both")
            }
            let year = try d.int()
            let from = try item.optional("from")?.int() ?? year
            guard from <= year else { throw d.error("the window starts (\(from)) after the deadline (\(year))") }
            return from...year
        }
        var from: Int?, to: Int?
        if let w = item.optional("window") {
            if case .sequence = w.node {
                let items = try w.list()
                guard items.count == 2 else { throw w.error("write a window as [first, last] or first-last, e.g. 2023-2026") }
                (from, to) = (try items[0].int(), try items[1].int())
            } else {
                let parts = try w.string().split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
                    throw w.error("write a window as first-last, e.g. 2023-2026")
                }
                (from, to) = (a, b)
            }
        }
        if let f = item.optional("from") { from = try f.int() }
        if let t = item.optional("to") { to = try t.int() }
        guard let from, let to else {
            throw item.error(kind == .levelAtDeadline ? "a level target needs a `deadline` (e.g. deadline: 2026)"
                                                      : "a \(kind.rawValue) target needs a `window` (e.g. window: 2023-2026)")
        }
        guard from <= to else { throw item.error("the window \(from)–\(to) ends before it starts") }
        return from...to
    }
}
