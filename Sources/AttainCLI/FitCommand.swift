import ArgumentParser
import Attain
import Foundation

/// `attain fit`: fits each unit's series of one indicator and prints parameters, standard errors and fit statistics.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit each unit's series of an indicator and print parameters, standard errors and fit statistics.",
        discussion: """
            --model auto (the default) lets the data choose: growth curves ranked by AICc for levels (linear,
            exponential, damped, saturating, logistic, Gompertz, Richards), binomial trends for shares and
            Poisson/negative-binomial trends for counts and cumulative totals. A named curve on a level indicator is
            fitted by least squares on the data scale, so its optimum compares with any other solver's.

            Series of two or three points are fitted with weak default priors and a warning saying so.

            Output: table (default), json ({"fits": [...]}, one entry per unit) or csv (one row per parameter, with
            the sum of squared residuals). Results are in the order units first appear in the data, whatever --threads.
            """)

    @Option(name: .long, help: ArgumentHelp("Tidy CSV data file.", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("Indicator to fit.", valueName: "name"))
    var indicator: String

    @Option(name: .long, help: ArgumentHelp(
        "The indicator's kind when the data cannot tell it: share, count, cumulative or level.", valueName: "kind"))
    var kind: String?

    @Option(name: .long, help: ArgumentHelp("Fit only this unit.", valueName: "unit"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(
        "auto, or one of: " + ModelChoice.words.joined(separator: ", ") + ".", valueName: "model"))
    var model: String = "auto"

    @Option(name: .long, help: ArgumentHelp(
        "Worker threads (default: all cores). Does not change the results, only the time taken.", valueName: "n"))
    var threads: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try output.check(supported: [.table, .json, .csv])
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)); leave it out to use all cores.") }
        if let kind, parsedKind(kind) == nil {
            throw ValidationError("--kind \(kind): expected share, count, cumulative or level.")
        }
        if model.lowercased() != "auto", (try? ModelChoice(word: model, kind: .level)) == nil {
            throw ValidationError("--model \(model): expected auto or one of " + ModelChoice.words.joined(separator: ", ") + ".")
        }
    }

    /// `share` or `indicator=share`.
    private func parsedKind(_ text: String) -> IndicatorKind? {
        IndicatorKind(rawValue: (text.split(separator: "=").last.map(String.init) ?? text).lowercased().trimmingCharacters(in: .whitespaces))
    }

    func run() throws {
        try reportingErrors {
            let kindOverride = kind.flatMap(parsedKind)
            let dataSet = try DataSet.load(contentsOf: URL(fileURLWithPath: data),
                                           options: .init(kinds: kindOverride.map { [indicator: $0] } ?? [:]))
            let series = try unit.map { [try dataSet.series(indicator: indicator, unit: $0)] } ?? dataSet.allSeries(indicator: indicator)
            let seriesKind = series.first?.kind ?? .level
            let choice = try ModelChoice(word: model, kind: seriesKind)
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let fits = FitBatch.fit(series, choice: choice, threads: threads ?? cores)

            for f in fits {
                if let failure = f.failure { Console.warning(failure) }
                for w in f.fit?.warnings ?? [] { Console.warning("\(f.series.unit): \(w)") }
            }
            let succeeded = fits.filter { $0.fit != nil }
            if succeeded.isEmpty, let first = fits.first?.failure {
                throw FitCommandError(description: "no series of '\(indicator)' could be fitted; first problem: \(first)")
            }
            switch output.resolvedFormat(default: .table) {
            case .json: try output.emit(FitOutput.json(fits).rendered())
            case .csv: try output.emit(FitOutput.csv(succeeded))
            default: try output.emit(FitOutput.table(succeeded))
            }
        }
    }
}

/// A fit command failure in the user's input.
struct FitCommandError: Error, CustomStringConvertible {
    let description: String
}
