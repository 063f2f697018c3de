import AttainData
import Foundation

/// Reads scenario files (YAML, `version: 1`), checking every key, type and reference.
///
/// ```yaml
/// version: 1
/// name: baseline
/// data: [../notebooks-data/district.csv]      # relative to this file
/// targets: plan-targets.yaml
/// horizon: 2030
/// cutoff: 2026-06-30
/// indicators:
///   - { name: events, kind: count, model: auto }
/// interventions: []
/// ```
/// A scenario may `extends: baseline.yaml`: it then inherits everything from that file, replaces what it states
/// (indicators with the same name are replaced, others added) and adds its own assumptions and interventions.
public enum ScenarioLoader {
    static let topKeys = ["version", "name", "title", "extends", "data", "illustrative", "data-note", "targets", "unit", "horizon", "cutoff",
                          "indicators", "assumptions", "interventions"]
    static let indicatorKeys = ["name", "kind", "model", "source", "unit", "turnover", "closure-rate", "exit-rate",
                                "population", "window", "title", "planned", "slip"]
    static let interventionKeys = ["id", "lever", "indicator", "indicators", "from", "to", "year", "value", "probability",
                                   "workers-per-enterprise", "description"]

    /// Loads and checks the scenario at `path`: the first problem is thrown.
    public static func load(path: String) throws -> Scenario {
        try load(path: path, visited: [], problems: ProblemCollector(collecting: false))
    }

    /// Checks the scenario at `path` as ``load(path:)`` does, but reads on past a problem: each top-level key, each item
    /// of `indicators` and of `interventions` (its first problem) and each check across them is done on its own. A
    /// check that depends on a part with a problem is skipped (an intervention on an indicator whose item is bad, a
    /// horizon compared with an unreadable cut-off), so one mistake is listed once; so are the problems of an `extends`
    /// base. A file that cannot be parsed, is not a mapping or has a bad `version` is not read further. The problems
    /// come in the order `load` checks them, the first being the one it throws, with the same messages; the scenario
    /// is returned only when there are none.
    public static func check(path: String) -> (scenario: Scenario?, problems: [any Error]) {
        let problems = ProblemCollector(collecting: true)
        do {
            let scenario = try load(path: path, visited: [], problems: problems)
            return (problems.problems.isEmpty ? scenario : nil, problems.problems)
        } catch {
            return (nil, problems.problems + [error])
        }
    }

    /// Parses a scenario from text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        let root = try ConfigNode.parse(text, file: file)
        return try read(root, file: file, visited: [standardized(file)], problems: ProblemCollector(collecting: false))
    }

    static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    static func load(path: String, visited: [String], problems: ProblemCollector) throws -> Scenario {
        let root = try ConfigNode.load(path: path)
        return try read(root, file: path, visited: visited + [standardized(path)], problems: problems)
    }

    /// A path written in `file`, made usable from the working directory.
    static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        let url = dir.appendingPathComponent(relative).standardizedFileURL
        return file.hasPrefix("/") || relative.hasPrefix("/") ? url.path : relativePath(url.path)
    }

    private static func relativePath(_ absolute: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
    }

    /// Reads `root`, each problem thrown or kept by `p`. The scenario returned is complete only when `p` kept none.
    static func read(_ root: ConfigNode, file: String, visited: [String], problems p: ProblemCollector) throws -> Scenario {
        try root.checkVersion(supported: Scenario.schemaVersion, kind: "scenario")
        let keys = try root.mapping(allowed: topKeys, problems: p)
        // Parts with a problem (top-level keys; names of bad indicator items): the checks that depend on them are skipped.
        var unread: Set<String> = [], unreadIndicators: Set<String> = []
        func attempt(_ key: String, _ body: () throws -> Void) throws {
            if try !p.succeeds(body) { unread.insert(key) }
        }

        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var scenario = Scenario(file: file, name: name, horizon: 0, cutoff: .endOfYear(2000), indicators: [])
        if let ext = root.optional("extends") {
            let before = p.problems.count
            try attempt("extends") {
                let basePath = resolve(try ext.string(), from: file)
                if visited.contains(standardized(basePath)) {
                    throw ext.error("`extends` makes a cycle through \(basePath)", hint: "a scenario cannot extend itself")
                }
                guard FileManager.default.fileExists(atPath: basePath) else {
                    throw ext.error("the base scenario \(basePath) does not exist", hint: "paths are relative to \(file)")
                }
                scenario = try load(path: basePath, visited: visited, problems: p)
                scenario.file = file
                scenario.name = name
                scenario.title = nil
            }
            if p.problems.count > before { unread.insert("extends") }  // the base's own problems, kept while reading it
        } else {
            // A key missing because it is misspelt is said once, by the unknown key's suggestion; a misspelt `extends`
            // leaves unknown what the base defines.
            let misspelt = root.unknownKeys(allowed: topKeys).compactMap { NearestName.suggestion(for: $0, among: topKeys) }
            if misspelt.contains("extends") { unread.insert("extends") }
            for key in ["horizon", "cutoff", "indicators"] where !keys.contains(key) {
                unread.insert(key)
                if !misspelt.contains(key) && !unread.contains("extends") {
                    try p.attempt { _ = try root.required(key, hint: "every scenario states `\(key)` (or `extends` a scenario that does)") }
                }
            }
        }

        scenario.scenarioFiles.insert(file, at: 0)  // after the files of the chain it extends, loaded above
        try attempt("name") { if let v = root.optional("name") { scenario.name = try v.string() } }
        try attempt("title") { if let v = root.optional("title") { scenario.title = try v.localizedText() } }
        try attempt("unit") { if let v = root.optional("unit") { scenario.unit = try v.string() } }
        try attempt("illustrative") { if let v = root.optional("illustrative") { scenario.illustrative = try v.bool() } }
        try attempt("data-note") { if let v = root.optional("data-note") { scenario.dataNote = try v.localizedText() } }
        try attempt("data") {
            guard let v = root.optional("data") else { return }
            var files: [String] = []
            for item in try v.list(scalarAsList: true) {
                try attempt("data") {
                    let path = resolve(try item.string(), from: file)
                    // `data.xlsx#Số liệu` names a sheet of a workbook: the workbook must exist.
                    guard FileManager.default.fileExists(atPath: DataFilePath.split(path).file) else {
                        throw item.error("data file \(path) does not exist", hint: "paths are relative to the scenario file")
                    }
                    files.append(path)
                }
            }
            scenario.dataFiles = files
        }
        try attempt("targets") {
            guard let v = root.optional("targets") else { return }
            let path = resolve(try v.string(), from: file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw v.error("targets file \(path) does not exist", hint: "paths are relative to the scenario file")
            }
            scenario.targetsFile = path
        }
        try attempt("cutoff") {
            guard let v = root.optional("cutoff") else { return }
            guard let date = CutoffDate(parsing: try v.string()) else {
                throw v.error("`\(try v.string())` is not a date", hint: "write the cut-off date as YYYY-MM-DD, e.g. 2026-06-30")
            }
            scenario.cutoff = date
        }
        try attempt("horizon") { if let v = root.optional("horizon") { scenario.horizon = try v.int() } }
        try attempt("indicators") {
            guard let v = root.optional("indicators") else { return }
            for item in try v.list() {
                let ok = try p.succeeds {
                    let spec = try readIndicator(item)
                    if let i = scenario.indicators.firstIndex(where: { $0.name == spec.name }) {
                        if root.optional("extends") == nil {
                            throw item.error("indicator `\(spec.name)` is listed twice")
                        }
                        scenario.indicators[i] = spec
                    } else {
                        scenario.indicators.append(spec)
                    }
                }
                if !ok {
                    // An unnamed bad item could be any indicator: references are then not checked at all.
                    if let name = try? item.optional("name")?.string() { unreadIndicators.insert(name) } else { unread.insert("indicators") }
                }
            }
        }
        try attempt("assumptions") {
            if let v = root.optional("assumptions") { scenario.assumptions += try v.list().map { try $0.localizedText() } }
        }
        try attempt("interventions") {
            let referenceUnchecked = { (name: String) in
                unread.contains("extends") || unread.contains("indicators") || unreadIndicators.contains(name)
            }
            for item in try root.optional("interventions")?.list() ?? [] {
                try p.attempt {
                    let intervention = try readIntervention(item, scenario: scenario, unchecked: referenceUnchecked)
                    if scenario.intervention(intervention.id) != nil {
                        throw item.error("intervention id `\(intervention.id)` is used twice", hint: "give each intervention its own id")
                    }
                    scenario.interventions.append(intervention)
                }
            }
        }

        try check(scenario, root: root, problems: p, skipping: unread, indicatorItemsUnread: !unreadIndicators.isEmpty)
        return scenario
    }

    /// The checks across keys, each skipped when a part it depends on is in `unread`.
    private static func check(_ s: Scenario, root: ConfigNode, problems p: ProblemCollector, skipping unread: Set<String>,
                              indicatorItemsUnread: Bool) throws {
        let at = { (key: String) in root.optional(key) ?? root }
        let horizonKnown = unread.isDisjoint(with: ["extends", "horizon", "cutoff"])
        if horizonKnown {
            try p.attempt {
                if s.horizon < s.cutoff.year {
                    throw at("horizon").error("the horizon \(s.horizon) is before the cut-off year \(s.cutoff.year)")
                }
                if s.horizon > s.cutoff.year + 50 {
                    throw at("horizon").error("the horizon \(s.horizon) is more than 50 years after the cut-off", hint: "is it a typo?")
                }
            }
        }
        if unread.isDisjoint(with: ["extends", "indicators"]) && !indicatorItemsUnread {
            try p.attempt { if s.indicators.isEmpty { throw at("indicators").error("the scenario has no indicators") } }
        }
        for i in s.interventions where horizonKnown {
            try p.attempt {
                let late = i.from > s.horizon
                if late { throw at("interventions").error("intervention `\(i.id)` starts in \(i.from), after the horizon \(s.horizon)") }
            }
        }
    }

    static func readIndicator(_ item: ConfigNode) throws -> IndicatorSpec {
        try item.mapping(allowed: indicatorKeys)
        let name = try item.required("name").string()
        let kind = try item.optional("kind").map { k -> IndicatorKind in
            IndicatorKind(rawValue: try k.choice(IndicatorKind.allCases.map(\.rawValue)))!
        }
        let model = try item.optional("model")?.string() ?? "auto"
        var spec = IndicatorSpec(name: name, kind: kind, model: model)
        spec.location = SourceLocation(file: item.file, key: item.path, line: item.line)
        spec.source = try item.optional("source")?.string()
        if let w = item.optional("window") {
            let years = try w.int()
            guard years >= 2 else { throw w.error("`window` is the number of recent years used to estimate rates; it must be at least 2") }
            spec.window = years
        }
        spec.unit = try item.optional("unit")?.string()
        spec.title = try item.optional("title")?.localizedText()
        let rates = ["turnover", "closure-rate", "exit-rate"].compactMap { key in item.optional(key).map { (key, $0) } }
        if rates.count > 1 {
            throw rates[1].1.error("give only one of `turnover`, `closure-rate`, `exit-rate` (they are the same setting)")
        }
        if let (_, node) = rates.first {
            let r = try node.double()
            guard r >= 0, r < 1 else { throw node.error("a yearly exit rate must be in [0, 1), found \(r)") }
            spec.exitRate = r
        }
        if let p = item.optional("population") { spec.population = try p.choice(["trend", "entries"]) }
        if let p = item.optional("planned") {
            let n = try p.int()
            guard n >= 1, n <= 10_000 else { throw p.error("`planned` is the number of events planned a year; it must be between 1 and 10,000, found \(n)") }
            spec.planned = n
        }
        if let node = item.optional("slip") {
            let x = try node.double()
            guard x >= 0, x <= 1 else { throw node.error("`slip` is the probability that a planned event does not take place in its year; it must be in [0, 1], found \(x)") }
            spec.slip = x
        }
        if model == "planned" {
            if let kind, kind != .count {
                throw (item.optional("kind") ?? item).error("planned events are counted a year; `kind` must be `count`")
            }
            spec.kind = .count
            if spec.planned == nil {
                throw item.error("`model: planned` needs `planned`: the number of events the unit schedules a year", hint: "e.g. `planned: 3`")
            }
        } else if spec.planned != nil || spec.slip != nil {
            throw (item.optional("planned") ?? item.optional("slip")!).error("`planned` / `slip` apply only to `model: planned`")
        }
        if model == "stock-flow" {
            if let kind, kind != .share {
                throw (item.optional("kind") ?? item).error("a stock-flow model describes a share; `kind` must be `share`")
            }
            spec.kind = .share
        } else if spec.exitRate != nil || spec.population != nil {
            throw item.error("`turnover` / `closure-rate` / `population` apply only to `model: stock-flow`")
        }
        return spec
    }

    /// The intervention `item`; an indicator it names is looked up in `scenario` unless `unchecked` (its item is bad).
    static func readIntervention(_ item: ConfigNode, scenario: Scenario, unchecked: (String) -> Bool = { _ in false }) throws -> Intervention {
        try item.mapping(allowed: interventionKeys)
        let id = try item.required("id").string()
        let leverNode = try item.required("lever", hint: "one of " + Lever.allCases.map(\.rawValue).joined(separator: ", "))
        let lever = Lever(rawValue: try leverNode.choice(Lever.allCases.map(\.rawValue)))!
        var named: [(String, ConfigNode)] = []
        if let one = item.optional("indicator") { named.append((try one.string(), one)) }
        if let many = item.optional("indicators") { named += try many.list(scalarAsList: true).map { (try $0.string(), $0) } }
        if named.isEmpty { throw item.error("intervention `\(id)` names no `indicators` to act on") }
        for (name, node) in named where scenario.indicator(name) == nil && !unchecked(name) {
            throw node.error("intervention `\(id)` refers to indicator `\(name)`, which the scenario does not define",
                             hint: NearestName.hint(for: name, among: scenario.indicators.map(\.name)))
        }
        let names = named.map(\.0)
        let fromNode = item.optional("from") ?? item.optional("year")
        if item.optional("from") != nil && item.optional("year") != nil {
            throw item.error("give `year` (one-off) or `from` (lasting), not both")
        }
        guard let fromNode else {
            throw item.error("intervention `\(id)` needs `\(lever.isOneOff ? "year" : "from")`: the year it \(lever.isOneOff ? "happens" : "starts")")
        }
        let from = try fromNode.int()
        let to = try item.optional("to")?.int()
        if let to, lever.isOneOff { throw try item.required("to").error("a \(lever.rawValue) happens once; `to` does not apply (to: \(to))") }
        if let to, to < from { throw try item.required("to").error("`to` (\(to)) is before `from` (\(from))") }
        let valueNode = try item.required("value")
        let value = try valueNode.double()
        switch lever {
        case .rateMultiplier where value < 0: throw valueNode.error("a rate multiplier cannot be negative")
        case .cohort where value < 0: throw valueNode.error("a cohort cannot have a negative number of enterprises")
        case .shock where !(0..<1).contains(value): throw valueNode.error("a shock's value is the fraction of workers laid off, in [0, 1)")
        case .turnover where !(0..<1).contains(value): throw valueNode.error("turnover is a yearly fraction in [0, 1)")
        default: break
        }
        var probability = 1.0
        if let p = item.optional("probability") {
            guard lever == .shock else { throw p.error("only a `shock` has a probability") }
            probability = try p.double()
            guard (0...1).contains(probability) else { throw p.error("a probability must be in [0, 1]") }
        }
        var workers = 0.0
        if let w = item.optional("workers-per-enterprise") {
            guard lever == .cohort else { throw w.error("`workers-per-enterprise` applies only to a `cohort`") }
            workers = try w.double()
            guard workers >= 0 else { throw w.error("cannot be negative") }
        }
        var intervention = Intervention(id: id, lever: lever, indicators: names, from: from, to: to, value: value,
                                        probability: probability, workersPerEnterprise: workers,
                                        description: try item.optional("description")?.localizedText())
        intervention.location = SourceLocation(file: item.file, key: item.path, line: item.line)
        return intervention
    }
}
