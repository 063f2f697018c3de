import ArgumentParser
import Attain

/// `attain brief SCENARIO.yaml [MORE.yaml …]`: the review briefing, one self-contained HTML (or Markdown) file.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the review briefing: each target's probability, status, fan chart and the effort it needs.",
        discussion: """
            The briefing follows a Vietnamese mid-term review (sơ kết): a summary table (target, unit, recent years, \
            estimate at the deadline, % of target, status with probability), one fan chart per target, per-year \
            probabilities for every-year targets, the comparison of scenarios when several are given, the effort \
            needed for targets at risk, assumptions and method. Every target keeps its original Vietnamese wording in \
            both languages. Formats: html (default; one self-contained file with inline CSS and SVG, no network \
            access, ready to open or print), md, and xlsx (the summary table, the comparison and the method as a \
            workbook to paste into the report; needs --output FILE.xlsx).

            Data are flagged as illustrative when the README.md beside a data file says so in its title (as \
            notebooks-data/README.md does), or with --illustrative.

            Examples:
              attain brief scenarios/baseline.yaml --lang vi --output briefing-vi.html
              attain brief scenarios/baseline.yaml scenarios/union-drive-2026.yaml \\
                --lang en -o briefing-en.html
              attain brief scenarios/baseline.yaml --format md > briefing.md
              attain brief scenarios/baseline.yaml --lang vi --output so-ket.xlsx
            """)

    @Argument(help: ArgumentHelp("Scenario files (YAML). The first is the reference; the others are compared with it.",
                                 valueName: "scenario.yaml"))
    var scenarios: [String]

    @Option(name: .long, help: ArgumentHelp("Language of the briefing: vi (Vietnamese) or en (English).", valueName: "lang"))
    var lang: ReportLanguage = .vi

    @Flag(name: .long, help: "Mark the data as illustrative (a warning at the top of the briefing).")
    var illustrative = false

    @Option(name: .long, help: ArgumentHelp(
        "For targets at risk, the effort shown is the smallest lever value giving this probability.", valueName: "p"))
    var effortProbability: Double = 0.8

    @Option(name: .long, help: ArgumentHelp("Add a section with the first scenario's targets run for each unit of its data (`unit`): a ranked dot chart and table per target.",
                                            valueName: "unit"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("With --by unit: the units, comma-separated, or `all` (default).", valueName: "U1,U2,…|all"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp("With --by unit: units to leave out, comma-separated (a parent beside its parts, e.g. the scenario's own unit).",
                                            valueName: "U1,U2,…"))
    var exclude: String?

    @Option(name: .long, help: ArgumentHelp("With --by unit: also each target on the units' sum, path by path, under this name.", valueName: "name"))
    var total: String?

    @Option(name: .customLong("units-meeting"), help: ArgumentHelp(
        "With --by unit: the probability that at least this share of the units meet each target (`all`, 80%, 0.8).", valueName: "share"))
    var unitsMeeting: String?

    @Option(name: .long, help: ArgumentHelp("With --by unit: per-unit thresholds, a CSV with the columns target, unit, threshold (a row for the --total name sets the total's).",
                                            valueName: "file.csv"))
    var thresholds: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !scenarios.isEmpty else {
            throw ValidationError("give at least one scenario file, e.g. attain brief scenarios/baseline.yaml --output briefing.html")
        }
        try output.check(supported: [.html, .md, .xlsx])
        if let by, by != "unit" { throw ValidationError("--by takes `unit` (got `\(by)`).") }
        if by == nil, units != nil || exclude != nil || total != nil || unitsMeeting != nil || thresholds != nil {
            throw ValidationError("--units, --exclude, --total, --units-meeting and --thresholds go with --by unit.")
        }
        if let unitsMeeting, RunCommand.share(unitsMeeting) == nil {
            throw ValidationError("--units-meeting takes a share of the units: `all`, a percentage (80%) or a fraction (0.8); got `\(unitsMeeting)`.")
        }
        guard effortProbability > 0 && effortProbability < 1 else {
            throw ValidationError("--effort-probability must be between 0 and 1, e.g. 0.8 (got \(effortProbability))")
        }
    }

    func run() throws {
        try reportingErrors {
            try output.checkWritable()
            let progress = ProgressBar(label: "simulating", total: 1)
            var input = try BriefingPreparation.prepare(
                scenarios: scenarios,
                settings: .init(paths: simulation.paths, seed: simulation.seed, threads: simulation.resolvedThreads,
                                effortProbability: effortProbability, illustrative: illustrative),
                warning: { Console.warning($0) },
                progress: { done, total in progress.update(completed: done, total: total) })
            progress.finish()
            if by != nil {
                var league = try UnitLeague.load(path: scenarios[0])
                if let thresholds { try league.loadThresholds(path: thresholds, total: total) }
                let listed: [String]? = units.flatMap { text in
                    text == "all" ? nil : text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                input.units = try league.run(units: listed, excluding: RunCommand.list(exclude), paths: simulation.paths, seed: simulation.seed,
                                             threads: simulation.resolvedThreads, total: total, unitsMeeting: unitsMeeting.flatMap(RunCommand.share))
            }
            switch output.resolvedFormat(default: .html) {
            case .md: try output.emit(BriefingMarkdownRenderer(language: lang).render(input))
            case .xlsx: try output.emitWorkbook(Workbook.briefing(input, language: lang))
            default: try output.emit(BriefingHTMLRenderer(language: lang).render(input))
            }
        }
    }
}
