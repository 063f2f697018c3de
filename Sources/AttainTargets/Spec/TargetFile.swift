import AttainSimulation

/// A plan's targets file (YAML, `version: 1`): the plan's title and its targets.
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
public struct TargetFile: Sendable, Equatable {
    /// The newest targets schema this version of Attain reads.
    public static let schemaVersion = 1

    /// Where it was read from.
    public var file: String
    /// The plan's title.
    public var plan: LocalizedText?
    /// The targets, in file order.
    public var targets: [TargetSpec]

    public init(file: String = "", plan: LocalizedText? = nil, targets: [TargetSpec]) {
        self.file = file
        self.plan = plan
        self.targets = targets
    }

    /// The target with identifier `id`.
    public func target(_ id: String) -> TargetSpec? { targets.first { $0.id == id } }

    static let topKeys = ["version", "plan", "targets"]
    static let targetKeys = ["id", "indicator", "kind", "deadline", "window", "from", "to", "at-least", "above", "stretch",
                             "wording", "group", "unit"]

    /// Loads and checks the targets file at `path`.
    public static func load(path: String) throws -> TargetFile {
        try read(ConfigNode.load(path: path))
    }

    /// Parses a targets file from text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> TargetFile {
        try read(ConfigNode.parse(text, file: file))
    }

    static func read(_ root: ConfigNode) throws -> TargetFile {
        try root.checkVersion(supported: schemaVersion, kind: "targets")
        try root.mapping(allowed: topKeys)
        var out = TargetFile(file: root.file, plan: try root.optional("plan")?.localizedText(), targets: [])
        let list = try root.required("targets", hint: "list the plan's targets under `targets:`").list()
        for item in list {
            let target = try readTarget(item)
            if out.target(target.id) != nil { throw try item.required("id").error("target id `\(target.id)` is used twice") }
            out.targets.append(target)
        }
        if out.targets.isEmpty { throw root.error("the file lists no targets") }
        return out
    }

    static func readTarget(_ item: ConfigNode) throws -> TargetSpec {
        try item.mapping(allowed: targetKeys)
        let id = try item.required("id").string()
        let indicator = try item.required("indicator").string()
        let kindNode = try item.required("kind", hint: "one of " + TargetKind.allCases.map(\.rawValue).joined(separator: ", "))
        let kind = TargetKind(rawValue: try kindNode.choice(TargetKind.allCases.map(\.rawValue)))!
        let window = try readWindow(item, kind: kind)

        let atLeast = item.optional("at-least"), above = item.optional("above")
        if atLeast != nil && above != nil { throw item.error("give `at-least` (≥) or `above` (strictly >), not both") }
        guard let thresholdNode = atLeast ?? above else {
            throw item.error("target `\(id)` has no threshold", hint: "add `at-least: 90%` (≥) or `above: 95%` (strictly >)")
        }
        let threshold = try thresholdNode.double()
        var stretch: Double?
        if let s = item.optional("stretch") {
            stretch = try s.double()
            if stretch! < threshold { throw s.error("the stretch value \(stretch!) is below the threshold \(threshold)") }
        }
        if kind == .range && stretch == nil {
            throw item.error("a `range` target needs a `stretch` value (\"2–3 a year\": at-least: 2, stretch: 3)")
        }
        var spec = TargetSpec(id: id, indicator: indicator, kind: kind, comparison: above == nil ? .atLeast : .above,
                              threshold: threshold, stretch: stretch, window: window)
        spec.wording = try item.optional("wording")?.localizedText() ?? LocalizedText()
        spec.group = try item.optional("group")?.localizedText()
        spec.unit = try item.optional("unit")?.localizedText()
        spec.location = SourceLocation(file: item.file, key: item.path, line: item.line)
        return spec
    }

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
