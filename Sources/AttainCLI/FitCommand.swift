import ArgumentParser
import Attain
import Foundation

/// `attain fit`: fits each unit's series of one indicator and prints parameters, standard errors and fit statistics.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit each unit's series of an indicator and print parameters, standard errors and fit statistics.",
        discussion: """
            --model auto (the default) lets the data choose: growth curves ranked by AICc for levels (linear, \
            exponential, damped, saturating, logistic, Gompertz, Richards), binomial trends for shares and \
            Poisson/negative-binomial trends for counts and cumulative totals. A named curve on a level indicator is \
            fitted by least squares on the data scale, so its optimum compares with any other solver's.

            Series too short for the model (with --model auto: under three spare points; with a named curve: no more \
            points than parameters) are fitted with weak default priors and a warning saying so.

            Output: table (default), json ({"fits": [...]}, one entry per unit) or csv (one row per parameter, with \
            the sum of squared residuals). Results are in the order units first appear in the data, whatever --threads.
            """)

    @OptionGroup var series: SeriesDataOptions

    @Option(name: .long, help: ArgumentHelp("Fit only this unit.", valueName: "unit"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(
        "auto, or one of: " + ModelChoice.words.joined(separator: ", ") + ".", valueName: "model"))
    var model: String = "auto"

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try output.check(supported: [.table, .json, .csv])
        if model.lowercased() != "auto", (try? ModelChoice(word: model, kind: .level)) == nil {
            throw ValidationError("--model \(model): expected auto or one of " + ModelChoice.words.joined(separator: ", ") + ".")
        }
    }

    func run() throws {
        try reportingErrors {
            let dataSet = try series.loadDataSet()
            let indicator = series.indicator
            let units = try unit.map { [try dataSet.series(indicator: indicator, unit: $0)] } ?? dataSet.allSeries(indicator: indicator)
            let choice = try ModelChoice(word: model, kind: units.first?.kind ?? .level)
            let fits = FitBatch.fit(units, choice: choice, threads: threads.resolved)

            for f in fits {
                if let failure = f.failure { Console.warning(failure) }
                for w in f.fit?.warnings ?? [] { Console.warning("\(f.series.unit): \(w)") }
            }
            let succeeded = fits.filter { $0.fit != nil }
            if succeeded.isEmpty, let first = fits.first?.failure {
                throw FitCommandError(description: "no series of '\(indicator)' could be fitted; first problem: \(first)")
            }
            switch output.resolvedFormat(default: .table) {
            case .json: try output.emitStreaming { sink in try FitJSON.write(fits, to: sink) }
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
