import ArgumentParser
import Attain
import Foundation

/// `attain compare A.yaml B.yaml …`: scenarios on common random numbers, differences with paired standard errors.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run scenarios on common random numbers and print each target's difference in probability from the first, with its standard error.",
        discussion: """
            Every scenario is simulated on the same paths, so a difference is estimated from paired outcomes; its \
            standard error is usually a fraction of what independent runs would give (shown as "indep. se"). \
            The targets are those of the first scenario's targets file.

            Example:
              attain compare scenarios/baseline.yaml scenarios/union-drive-2026.yaml --paths 20000
              attain compare scenarios/baseline.yaml scenarios/union-drive-2026.yaml --output so-sanh.xlsx
            """)

    @Argument(help: ArgumentHelp("Scenario files (YAML); the first is the reference.", valueName: "scenario.yaml"))
    var scenarios: [String]

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp(
        "With --format xlsx: the language of the workbook's headers and status words, vi (default) or en.", valueName: "lang"))
    var lang: ReportLanguage?

    func validate() throws {
        guard scenarios.count >= 2 else {
            throw ValidationError("give at least two scenario files, e.g. attain compare scenarios/baseline.yaml scenarios/union-drive-2026.yaml")
        }
        try output.check(supported: [.table, .json, .csv, .md, .xlsx])
        try output.checkLanguage(lang)
    }

    func run() throws {
        try reportingErrors {
            try output.checkWritable()
            let studies = try PlanComparison.load(paths: scenarios)
            for s in studies { for w in s.compiled.warnings { Console.warning("\(s.scenario.name): \(w)") } }
            let bar = ProgressBar(label: "simulating", total: simulation.paths)
            let result = try PlanComparison.run(studies, paths: simulation.paths, seed: simulation.seed,
                                                threads: simulation.resolvedThreads, progress: { bar.update(completed: $0) })
            bar.finish()
            let format = output.resolvedFormat(default: .table)
            switch format {
            case .json: try output.emit(try JSONValue(encoding: result).rendered())
            case .xlsx:
                try output.emitWorkbook(Workbook.comparison(result, language: lang ?? .vi, illustrative: RunCommand.illustrative(studies),
                                                            cutoff: studies.first?.scenario.cutoff))
            default:
                try output.emit(ResultText.render(Self.table(result), caption: "Probabilities on \(result.paths) common paths, seed \(result.seed)",
                                                  as: format))
            }
        }
    }

    static func table(_ r: AttainTargets.ComparisonResult) -> TextTable {
        let names = r.scenarios.map(\.name)
        var headers = ["target"] + names
        for name in names.dropFirst() { headers += ["\(name) − \(names[0])", "se", "indep. se"] }
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        for t in r.targets {
            var row = [t.milestoneOf.map { "\($0) (\(t.id.split(separator: "@").last ?? ""))" } ?? t.id] + t.results.map { ResultText.number($0.probability, digits: 3) }
            for d in t.differences {
                row += [(d.difference >= 0 ? "+" : "") + ResultText.number(d.difference, digits: 3),
                        ResultText.number(d.se, digits: 4), ResultText.number(d.independentSE, digits: 4)]
            }
            table.append(row)
        }
        return table
    }
}
