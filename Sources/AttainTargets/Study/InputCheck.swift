import AttainData
import AttainSimulation
import Foundation

/// Checks of the files `attain validate` is given — scenarios, targets files and data CSVs — with the loaders and
/// messages `attain run` uses, collecting every problem found instead of stopping at the first.
///
/// ```swift
/// let report = InputCheck.check(path: "scenarios/baseline.yaml")
/// for p in report.problems { print(p) }          // file:line: `key`: what is wrong (how to fix it)
/// ```
/// What "every problem" means per file type: a data CSV lists every bad row; a targets file each target's first
/// problem (every target is read, a bad one does not hide the next); a scenario every problem of its own (each
/// top-level key, each indicator and each intervention read on its own, its first problem; a check that depends on a
/// part with a problem is skipped, so one mistake is listed once), then, when it has none, every problem of its data
/// files and of its targets file, then, when those load, each target checked against the scenario's data (a base year
/// without data, an indicator the scenario lacks, …).
public enum InputCheck {
    /// What a file holds, as told from its name and contents.
    public enum FileType: String, Sendable, Codable {
        case scenario, targets, data
        /// A units file (CSV with `unit` and `level` columns and no `indicator`).
        case units
        /// A crosswalk from old to new units (CSV with `old`, `new` and `weight` columns).
        case crosswalk
    }

    /// One problem: where (file, line, key), what, how to fix it, and whether it keeps the file from being used.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var key: String
        public var message: String
        public var hint: String?
        /// `error` or `warning` (data warnings: the file still loads).
        public var severity: String

        public init(file: String, line: Int? = nil, key: String = "", message: String, hint: String? = nil, severity: String = "error") {
            (self.file, self.line, self.key, self.message, self.hint, self.severity) = (file, line, key, message, hint, severity)
        }

        init(_ error: ConfigurationError) {
            self.init(file: error.file, line: error.line, key: error.key, message: error.message, hint: error.hint)
        }

        init(_ issue: DataIssue) {
            self.init(file: issue.location.map { "\(issue.file), \($0)" } ?? issue.file,
                      line: issue.location == nil && issue.line > 0 ? issue.line : nil, key: issue.column ?? "", message: issue.message,
                      hint: issue.hint.isEmpty ? nil : issue.hint, severity: issue.severity.rawValue)
        }

        /// Any error a loader throws, as a problem of `file` (its own file, line and key when it carries them).
        init(_ error: any Error, file: String) {
            if let c = error as? ConfigurationError { self.init(c); return }
            self.init(file: file, message: String(describing: error))
        }

        /// `file:line: `key`: message (hint)`, as `attain run` prints it.
        public var description: String {
            ConfigurationError(file: file, line: line, key: key, message: message, hint: hint).description
        }
    }

    /// The outcome for one file given to `validate`.
    public struct Report: Sendable {
        public var file: String
        /// nil when the file could not be read at all (`unreadable`).
        public var type: FileType?
        /// Why it could not be read.
        public var unreadable: String?
        /// Problems of a scenario or targets file (including those of the files a scenario names).
        public var problems: [Problem] = []
        /// For a data file, and the data files a scenario names: the full data check.
        public var data: [DataValidation] = []
        /// A one-line description of what was found when the file is usable (`18 targets`, `9 indicators, 18 targets`).
        public var summary: String?

        /// Whether any error was found (warnings alone do not count).
        public var hasErrors: Bool {
            unreadable != nil || problems.contains { $0.severity == "error" } || data.contains(where: \.hasErrors)
        }
    }

    /// Tells what the file at `path` holds: a CSV whose header has `old`, `new` and `weight` is a crosswalk, one with
    /// `unit` and `level` but no `indicator` a units file; other `.csv`/`.tsv` names are data; otherwise a YAML mapping whose `targets` is a
    /// list is a targets file, any other YAML mapping a scenario, and anything else data. nil when it cannot be read.
    public static func type(ofFileAt path: String) -> FileType? {
        let (file, sheet) = DataFilePath.split(path)
        if sheet != nil || DataFilePath.isWorkbook(file) {  // a workbook, or a sheet of one (`data.xlsx#Số liệu`)
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue ? .data : nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        // The header is enough to tell a units file, a crosswalk or a CSV data file: a large data file is not read here.
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        let ext = (path as NSString).pathExtension.lowercased()
        if let kind = tableType(head) { return kind }
        if ["csv", "tsv", "txt"].contains(ext) { return .data }
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(data: bytes, encoding: .utf8) else { return ext == "yaml" || ext == "yml" ? .scenario : .data }
        if let root = try? ConfigNode.parse(text, file: path), case .mapping = root.node {
            if let t = root.optional("targets"), case .sequence = t.node, root.optional("indicators") == nil { return .targets }
            return .scenario
        }
        // Not a YAML mapping: a YAML-named file is still checked as YAML (its parse error is the problem), others as CSV.
        if ext == "yaml" || ext == "yml" {
            return text.range(of: "\ntargets:") != nil && text.range(of: "\nindicators:") == nil ? .targets : .scenario
        }
        return .data
    }

    /// `.units` or `.crosswalk` told from a CSV header line; nil for anything else.
    static func tableType(_ bytes: Data) -> FileType? {
        let head = bytes.prefix(4096)
        guard let text = String(data: head, encoding: .utf8) ?? String(data: head.dropLast(3), encoding: .utf8) else { return nil }
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.lowercased().hasPrefix("sep=") } ?? ""
        guard let header = CSVTable(text: String(firstLine), file: "").header else { return nil }
        let names = Set(header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "\u{FEFF}", with: "") })
        if names.isSuperset(of: ["old", "new", "weight"]) { return .crosswalk }
        if names.isSuperset(of: ["unit", "level"]) && !names.contains("indicator") { return .units }
        return nil
    }

    /// Checks the file at `path`, whatever it holds; `kinds` states indicator kinds for data files (`--kind`); a
    /// crosswalk is checked against `units` (every unit it names must be there) when given.
    public static func check(path: String, kinds: [String: IndicatorKind] = [:], units: UnitRegistry? = nil) -> Report {
        guard let type = type(ofFileAt: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return Report(file: path, type: nil,
                          unreadable: !exists ? "it does not exist" : isDirectory.boolValue ? "it is a directory" : "it cannot be read")
        }
        switch type {
        case .data:
            let v = DataSet.validate(contentsOf: URL(fileURLWithPath: path), options: .init(kinds: kinds))
            return Report(file: path, type: .data, data: [v])
        case .targets:
            return checkTargets(path: path)
        case .scenario:
            return checkScenario(path: path)
        case .units:
            var report = Report(file: path, type: .units)
            let (registry, issues) = UnitRegistry.validate(contentsOf: URL(fileURLWithPath: path))
            report.problems = issues.map(Problem.init)
            if let registry, !report.hasErrors {
                let levels = UnitLevel.allCases.compactMap { level -> String? in
                    let n = registry.units.filter { $0.level == level }.count
                    return n == 0 ? nil : "\(n) \(level.rawValue)"
                }
                report.summary = "\(plural(registry.units.count, "unit")) (\(levels.joined(separator: ", ")))"
                    + (registry.changeDate.map { ", change date \($0)" } ?? "")
            }
            return report
        case .crosswalk:
            var report = Report(file: path, type: .crosswalk)
            let (crosswalk, issues) = Crosswalk.validate(contentsOf: URL(fileURLWithPath: path), units: units)
            report.problems = issues.map(Problem.init)
            if let crosswalk, !report.hasErrors {
                let split = crosswalk.oldUnits.filter { crosswalk.targets(of: $0).count > 1 }.count
                report.summary = "\(plural(crosswalk.entries.count, "row")): \(plural(crosswalk.oldUnits.count, "old unit")) → "
                    + "\(plural(crosswalk.newUnits.count, "new unit")), \(split) split"
                    + (units == nil ? " (units not checked: give the units file too)" : "")
            }
            return report
        }
    }

    /// Checks every file as ``check(path:kinds:units:)`` does, a crosswalk against the units file given with it (the
    /// only one, when exactly one is given).
    public static func check(paths: [String], kinds: [String: IndicatorKind] = [:]) -> [Report] {
        let unitFiles = paths.filter { type(ofFileAt: $0) == .units }
        let registry = unitFiles.count == 1 ? UnitRegistry.validate(contentsOf: URL(fileURLWithPath: unitFiles[0])).registry : nil
        return paths.map { check(path: $0, kinds: kinds, units: registry) }
    }

    /// Every target of the targets file at `path` read on its own: each one's first problem, plus the file's own.
    public static func checkTargets(path: String) -> Report {
        var report = Report(file: path, type: .targets)
        let (file, problems) = TargetFile.check(path: path)
        report.problems = problems.map(Problem.init)
        if let file, problems.isEmpty {
            report.summary = "version \(file.version), \(plural(file.targets.count, "target"))"
        }
        return report
    }

    /// The scenario at `path` checked with `attain run`'s loader and messages, every problem of its own listed (each
    /// top-level key, indicator and intervention on its own); when it has none, its data and targets files checked in
    /// full and each target checked against the scenario's data.
    public static func checkScenario(path: String) -> Report {
        var report = Report(file: path, type: .scenario)
        let (loaded, problems) = ScenarioLoader.check(path: path)
        report.problems = problems.map { Problem($0, file: path) }
        guard let scenario = loaded else { return report }
        report.data = scenario.dataFiles.map { DataSet.validate(contentsOf: URL(fileURLWithPath: $0)) }
        var targetFile: TargetFile?
        if let targetsPath = scenario.targetsFile {
            let (file, problems) = TargetFile.check(path: targetsPath)
            report.problems += problems.map(Problem.init)
            if problems.isEmpty { targetFile = file }
        } else {
            report.problems.append(Problem(file: scenario.file, key: "targets", message: "the scenario names no targets file",
                                           hint: "add `targets: plan-targets.yaml` (relative to the scenario file)"))
        }
        guard !report.hasErrors, let targetFile else { return report }
        // Compiled as `run` compiles it: fits every indicator and checks every target against the data.
        let start = targetFile.targets.map(\.window.lowerBound).min()!
        let compiled: CompiledScenario
        do { compiled = try ScenarioCompiler.compile(scenario, firstYear: start) } catch {
            report.problems.append(Problem(error, file: path))
            return report
        }
        for spec in targetFile.targets {
            do { _ = try CompiledTarget(spec, models: [compiled.model]) } catch {
                report.problems.append(Problem(error, file: scenario.targetsFile ?? path))
            }
        }
        for warning in compiled.warnings { report.problems.append(Problem(file: path, message: warning, severity: "warning")) }
        if !report.hasErrors {
            report.summary = "\(plural(compiled.model.indicators.count, "indicator")), \(plural(targetFile.targets.count, "target"))"
                + " (\(scenario.targetsFile ?? "")), data: \(plural(scenario.dataFiles.count, "file")), horizon \(compiled.model.horizon)"
        }
        return report
    }

    static func plural(_ n: Int, _ one: String) -> String { "\(n) \(one)\(n == 1 ? "" : "s")" }
}

extension TargetFile {
    /// Reads the targets file at `path` target by target, collecting each target's first problem (and the file's own)
    /// with the messages ``load(path:)`` throws; the file is returned when it has none.
    public static func check(path: String) -> (file: TargetFile?, problems: [ConfigurationError]) {
        let root: ConfigNode
        do { root = try ConfigNode.load(path: path) } catch let e as ConfigurationError { return (nil, [e]) } catch {
            return (nil, [ConfigurationError(file: path, key: "", message: String(describing: error))])
        }
        return check(root)
    }

    /// Parses a targets file from text as ``check(path:)`` does; `file` names it in messages.
    public static func check(text: String, file: String) -> (file: TargetFile?, problems: [ConfigurationError]) {
        do { return check(try ConfigNode.parse(text, file: file)) } catch let e as ConfigurationError { return (nil, [e]) } catch {
            return (nil, [ConfigurationError(file: file, key: "", message: String(describing: error))])
        }
    }

    static func check(_ root: ConfigNode) -> (file: TargetFile?, problems: [ConfigurationError]) {
        // The file's own problems first: its version and keys stop the reading there, as in `load`.
        do { return (try read(root), []) } catch let first as ConfigurationError {
            var problems: [ConfigurationError] = []
            let version: Int
            do {
                if case .mapping = root.node, let v = root.optional("version"), let n = try? v.int(), n > schemaVersion {
                    throw v.error("written for a newer Attain (targets schema \(n); this Attain reads up to \(schemaVersion)) — upgrade Attain")
                }
                try root.checkVersion(supported: schemaVersion, kind: "targets")
                version = try root.required("version").int()
                try root.mapping(allowed: topKeys)
                _ = try root.optional("plan")?.localizedText()
            } catch let e as ConfigurationError {
                return (nil, [e])
            } catch {
                return (nil, [first])
            }
            guard let list = try? root.required("targets").list() else { return (nil, [first]) }
            var ids: Set<String> = []
            for item in list {
                do {
                    for target in try readTarget(item, version: version) {
                        if !ids.insert(target.id).inserted { throw try item.required("id").error("target id `\(target.id)` is used twice") }
                    }
                } catch let e as ConfigurationError {
                    problems.append(e)
                } catch {
                    problems.append(item.error(String(describing: error)))
                }
            }
            return (nil, problems.isEmpty ? [first] : problems)
        } catch {
            return (nil, [ConfigurationError(file: root.file, key: "", message: String(describing: error))])
        }
    }
}
