import ArgumentParser
import Attain
import Foundation

/// `attain goalseek SCENARIO.yaml --target ID --probability P --lever NAME`: the effort a target needs.
struct GoalseekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goalseek",
        abstract: "Find the smallest lever value that gives a target the chosen probability.",
        discussion: """
            --lever names an intervention of the scenario (its id), or a new one as LEVER:INDICATOR acting from the \
            year after the cut-off, e.g. rate-multiplier:union_members. Levers: growth-shift, rate-multiplier, cohort, \
            shock, turnover. The search brackets the lever's range (--range, or the lever's default) and bisects on \
            common random numbers, so every evaluation sees the same paths. For levers that make a target harder as \
            they grow (turnover, shocks) the answer is the largest value that still gives the probability.

            Example:
              attain goalseek scenarios/union-drive-2026.yaml --target P2-1a \\
                --probability 0.8 --lever founding-drive
            """)

    @Argument(help: ArgumentHelp("Scenario file (YAML).", valueName: "scenario.yaml"))
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("Target id, e.g. P2-1a.", valueName: "id"))
    var target: String

    @Option(name: .long, help: ArgumentHelp("Probability sought, between 0 and 1.", valueName: "p"))
    var probability: Double

    @Option(name: .long, help: ArgumentHelp("Intervention id, or LEVER:INDICATOR.", valueName: "name"))
    var lever: String

    @Option(name: .long, help: ArgumentHelp("Range searched, LOW,HIGH (default: the lever's own; for an at-most or below target, mirrored below the lever's neutral value).", valueName: "low,high"))
    var range: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard probability > 0 && probability < 1 else {
            throw ValidationError("--probability must be between 0 and 1 (exclusive), e.g. 0.8 (got \(probability))")
        }
        if let range { _ = try Self.parseRange(range) }
        try output.check(supported: [.table, .json])
    }

    static func parseRange(_ text: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo < hi else {
            throw ValidationError("--range must be LOW,HIGH with LOW < HIGH, e.g. --range 1,3 (got \(text))")
        }
        return lo...hi
    }

    func run() throws {
        try reportingErrors {
            try output.checkWritable()
            let study = try PlanStudy.load(path: scenario)
            for w in study.compiled.warnings { Console.warning(w) }
            let bar = ProgressBar(label: "goal seeking", total: 13)
            let result = try study.goalSeek(target: target, probability: probability, lever: lever,
                                            range: try range.map(Self.parseRange), paths: simulation.paths,
                                            seed: simulation.seed, threads: simulation.resolvedThreads,
                                            progress: { done, expected in bar.update(completed: done, total: expected) })
            bar.finish()
            switch output.resolvedFormat(default: .table) {
            case .json: try output.emit(try JSONValue(encoding: result).rendered())
            default: try output.emit(Self.text(result))
            }
        }
    }

    static func text(_ r: GoalSeekResult) -> String {
        let p = { (x: Double) in ResultText.number(x, digits: 3) }
        var s = "Target \(r.target): probability \(p(r.currentProbability)) with \(r.lever) = \(r.currentValue) (\(r.leverKind.rawValue) on \(r.indicators.joined(separator: ", ")))\n"
        if let required = r.required {
            let word = r.direction == "increasing" ? "smallest" : "largest"
            s += "The \(word) value giving probability ≥ \(r.probability): \(ResultText.number(required, digits: 3))"
            s += " (probability \(p(r.achievedProbability ?? .nan)) ± \(ResultText.number(r.mcse ?? .nan, digits: 3)))\n"
        } else {
            s += "No value in \(r.lower)…\(r.upper) gives probability \(r.probability); try a wider --range.\n"
        }
        s += "\(r.evaluations.count) evaluations of \(r.paths) paths, seed \(r.seed)\n"
        return s
    }
}
