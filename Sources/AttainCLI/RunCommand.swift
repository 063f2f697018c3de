import ArgumentParser
import Attain
import Foundation

/// `attain run SCENARIO.yaml`: simulate a scenario to its horizon and judge every target of its plan.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and print each target's probability, Monte Carlo error, per-year probabilities and status.",
        discussion: """
            Status: met (already met in the data, or p ≥ 0.99), likely (0.66 ≤ p < 0.99), at-risk (0.33 ≤ p < 0.66), \
            off-track (p < 0.33, or already missed in the data).

            With --by unit, the scenario's targets are run for each unit of its data (or those of --units), each \
            unit exactly as a run with `unit:` set to it (the other units its sister units), with a seed derived from \
            --seed and the unit's name; the result is a league table per target, ranked by probability, with each \
            unit's projected value and expected shortfall.

            Example:
              attain run scenarios/baseline.yaml --paths 10000 --seed 42 --format json
              attain run scenarios/baseline.yaml --by unit --units "KCN Hòa Phú,CCN Mai Đình" --chart charts/
              attain run scenarios/baseline.yaml --output ket-qua.xlsx --lang vi
            """)

    @Argument(help: ArgumentHelp("Scenario file (YAML).", valueName: "scenario.yaml"))
    var scenario: String

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("sample-paths"), help: ArgumentHelp(
        "Also write every simulated path to this CSV file (path, scenario, indicator, one column per year).",
        valueName: "file.csv"))
    var samplePaths: String?

    @Option(name: .long, help: ArgumentHelp("Run the targets for each unit of the data and print league tables (`unit`).",
                                            valueName: "unit"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --by unit: the units to run, comma-separated, or `all` (default: every unit with data for a target).",
        valueName: "U1,U2,…|all"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --by unit: also write a ranked dot chart (SVG) of the units for each target into this directory.",
        valueName: "dir"))
    var chart: String?

    @Option(name: .long, help: ArgumentHelp("With --by unit: units to leave out, comma-separated (a parent beside its parts, e.g. the scenario's own unit).",
                                            valueName: "U1,U2,…"))
    var exclude: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --by unit: also judge every target on the units' sum, path by path, under this name (the units must make up the whole).",
        valueName: "name"))
    var total: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --by unit: per-unit thresholds, a CSV with the columns target, unit, threshold (e.g. P1-1b,KCN Hòa Phú,85%); units it does not name keep the targets file's; a row for the --total name sets the total's.",
        valueName: "file.csv"))
    var thresholds: String?

    @Option(name: .customLong("units-meeting"), help: ArgumentHelp(
        "With --by unit: also give, per target, the probability that at least this share of the units meet it (`all`, 80%, 0.8), and how many are expected to.",
        valueName: "share"))
    var unitsMeeting: String?

    @Option(name: .customLong("shared-paths"), help: ArgumentHelp(
        "With --total or --units-meeting: the share of each unit's paths whose latent trend comes from a stream all units share, so they move together, each keeping its own noise (0 = independent units; default 1, from the totals study in docs/probabilities.md).",
        valueName: "fraction"))
    var sharedPaths: Double?

    @Flag(name: .long, help: "With --by unit: no progress lines on standard error.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "With --format xlsx: the language of the workbook's headers and status words, vi (default) or en.", valueName: "lang"))
    var lang: ReportLanguage?

    @Option(name: .long, help: ArgumentHelp(
        "With --by unit: run only shard i of n (the units in run order at positions i, i+n, i+2n, …) and write a shard "
            + "file (JSON) for `attain merge`, which joins all n shards into the same output as one run.",
        valueName: "i/n"))
    var shard: String?

    /// `--shard i/n` read: (i, n) with 1 ≤ i ≤ n; nil without the option.
    static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ValidationError("--shard takes i/n, e.g. --shard 2/3 for the second of three shards (got `\(text)`).")
        }
        guard n >= 1, n <= 100_000, i >= 1, i <= n else {
            throw ValidationError("--shard \(text): i must be between 1 and n, and n between 1 and 100000 (e.g. 1/3, 2/3, 3/3).")
        }
        return (i, n)
    }

    func validate() throws {
        try output.check(supported: [.table, .json, .csv, .md, .xlsx])
        try output.checkLanguage(lang)
        if let by, by != "unit" { throw ValidationError("--by takes `unit` (got `\(by)`).") }
        if by == nil, units != nil || exclude != nil || chart != nil || total != nil || thresholds != nil || unitsMeeting != nil || quiet {
            throw ValidationError("--units, --exclude, --chart, --total, --thresholds, --units-meeting and --quiet go with --by unit.")
        }
        if by != nil, samplePaths != nil { throw ValidationError("--sample-paths cannot be combined with --by unit.") }
        if sharedPaths != nil, total == nil, unitsMeeting == nil { throw ValidationError("--shared-paths goes with --total or --units-meeting.") }
        if let unitsMeeting, Self.share(unitsMeeting) == nil {
            throw ValidationError("--units-meeting takes a share of the units: `all`, a percentage (80%) or a fraction (0.8); got `\(unitsMeeting)`.")
        }
        if let f = sharedPaths, !(0...1).contains(f) { throw ValidationError("--shared-paths takes a fraction from 0 to 1 (got \(f)).") }
        if let total, total.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--total needs a name, e.g. --total \"Hiệp Hòa\".") }
        if let shard {
            guard by != nil else { throw ValidationError("--shard goes with --by unit.") }
            _ = try Self.parseShard(shard)
            if let format = output.format, format != .json {
                throw ValidationError("--shard writes a shard file (JSON) for `attain merge`; drop --format \(format.rawValue) and give it "
                                      + "to `attain merge` instead.")
            }
            if chart != nil { throw ValidationError("--chart cannot be combined with --shard; give it to `attain merge` instead.") }
            if total != nil || unitsMeeting != nil {
                throw ValidationError("--total and --units-meeting need every unit's paths in one run; they cannot be combined with --shard.")
            }
        }
        if let units, units.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--units needs unit names, comma-separated, or `all`.")
        }
    }

    /// `all` → 1, `80%` → 0.8, `0.8` → 0.8; nil unless in (0, 1].
    static func share(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased(), scale = 1.0
        if t == "all" || t == "tất cả" { return 1 }
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces); scale = 0.01 }
        guard let v = Double(t.replacingOccurrences(of: ",", with: ".")).map({ $0 * scale }), v > 0, v <= 1 else { return nil }
        return v
    }

    /// `a, b,c` → `["a", "b", "c"]`.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        if by != nil { return try runByUnit() }
        try reportingErrors {
            try output.checkWritable()
            let study = try PlanStudy.load(path: scenario)
            for warning in study.compiled.warnings { Console.warning(warning) }
            let writer = try samplePaths.map { try SamplePathWriter(path: $0) }
            let bar = ProgressBar(label: "simulating", total: simulation.paths)
            let result = study.run(paths: simulation.paths, seed: simulation.seed, threads: simulation.resolvedThreads,
                                   samplePaths: writer, progress: { bar.update(completed: $0) })
            bar.finish()
            if let samplePaths { Console.error("wrote \(samplePaths)") }
            let format = output.resolvedFormat(default: .table)
            switch format {
            case .json: try output.emit(try JSONValue(encoding: result).rendered())
            case .xlsx: try output.emitWorkbook(Workbook.run(result, language: lang ?? .vi, illustrative: Self.illustrative([study])))
            default: try output.emit(ResultText.render(Self.table(result), caption: Self.caption(result), as: format))
            }
        }
    }
}

extension RunCommand {
    /// Whether the studies' data are illustrative: a scenario says so, or the README beside a data file does.
    static func illustrative(_ studies: [PlanStudy]) -> Bool {
        studies.contains { $0.scenario.illustrative } || IllustrativeData.isMarked(dataFiles: studies.flatMap { $0.scenario.dataFiles })
    }

    /// The caption above the run's table: scenario, paths, seed, cut-off and horizon.
    static func caption(_ r: RunResult) -> String {
        "Scenario \(r.scenario): \(r.paths) paths, seed \(r.seed), data to \(r.cutoff), horizon \(r.horizon)"
    }

    /// One row per target: its rule, median projection, probability with its Monte Carlo error, status and years.
    static func table(_ r: RunResult) -> TextTable {
        var table = TextTable(headers: ["target", "rule", "median", "probability", "±mcse", "status", "per year"],
                              alignments: [.left, .left, .right, .right, .right, .left, .left])
        for t in r.targets {
            let share = r.indicators.first { $0.name == t.indicator }?.kind == "share"
            var rule = Self.rule(t, share: share)
            if let s = t.stretch { rule += " (stretch \(Self.value(s, t, share: share)))" }
            rule += Self.span(t)
            let years = t.kind.judgesDeadlineOnly ? "" : t.years.map { "\($0.period): \(ResultText.number($0.probability, digits: 2))" }.joined(separator: "  ")
            table.append([t.milestoneOf.map { "\($0) (\(t.to))" } ?? t.id, rule, Self.value(t.median, t, share: share), ResultText.number(t.probability, digits: 3),
                          ResultText.number(t.mcse, digits: 3), t.status.rawValue + (t.settled != nil ? " (settled)" : ""), years])
        }
        return table
    }

    /// `≥ 90.0%`, or for the schema-2 forms the statistic named: `growth ≥ 20.0%`, `average change ≤ -1.0pp/yr`.
    static func rule(_ t: TargetResult, share: Bool) -> String {
        let bound = "\(t.comparison.symbol) \(value(t.threshold, t, share: share))"
        switch t.kind {
        case .growthFromBase: return "growth " + bound
        case .changeFromBase: return "change " + bound
        case .averageGrowth: return "average growth " + bound + "/yr"
        case .averageChange: return "average change " + bound + "/yr"
        default: return bound
        }
    }

    /// A value on the target's scale: growth in percent, changes in a share in points, else as the indicator's values.
    static func value(_ v: Double, _ t: TargetResult, share: Bool) -> String {
        switch t.kind {
        case .growthFromBase, .averageGrowth: return ResultText.number(100 * v, digits: 1) + "%"
        case .changeFromBase, .averageChange: return share ? ResultText.number(100 * v, digits: 1) + "pp" : ResultText.value(v, share: false)
        default: return ResultText.value(v, share: share)
        }
    }

    /// The years the rule covers: ` in 2026`, ` over 2023–2026`, ` each year 2027–2030`, ` from 2023 to 2030`.
    static func span(_ t: TargetResult) -> String {
        switch t.kind {
        case .levelAtDeadline: return " in \(t.to)"
        case .cumulativeCount, .cumulativeFlow: return " over \(t.from)–\(t.to)"
        case .everyYear, .range: return " each year \(t.from)–\(t.to)"
        case .growthFromBase, .changeFromBase: return " from \(t.base ?? t.from) to \(t.to)"
        case .averageGrowth, .averageChange: return " over \(t.from)–\(t.to)"
        }
    }
}
