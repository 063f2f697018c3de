import ArgumentParser
import Attain
import Foundation

/// `--data`, `--indicator` and `--kind`: the series a command reads, shared by `fit` and `backtest`.
struct SeriesDataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Tidy CSV data file.", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("Indicator to use.", valueName: "name"))
    var indicator: String

    @Option(name: .long, help: ArgumentHelp(
        "The indicator's kind when the data cannot tell it: share, count, cumulative or level.", valueName: "kind"))
    var kind: String?

    /// The kind stated with `--kind` (`share`, or `indicator=share`), nil when absent.
    var statedKind: IndicatorKind? {
        kind.flatMap { text in
            let word = text.split(separator: "=").last.map(String.init) ?? text
            return IndicatorKind(rawValue: word.lowercased().trimmingCharacters(in: .whitespaces))
        }
    }

    func validate() throws {
        if let kind, statedKind == nil {
            throw ValidationError("--kind \(kind): expected share, count, cumulative or level.")
        }
    }

    /// The data file, read and validated, with the stated kind applied to the indicator.
    func loadDataSet() throws -> DataSet {
        try DataSet.load(contentsOf: URL(fileURLWithPath: data),
                         options: .init(kinds: statedKind.map { [indicator: $0] } ?? [:]))
    }
}
