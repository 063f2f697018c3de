import Foundation
@testable import AttainData
import AttainTestSupport

/// The repository's example data.
enum Fixtures {
    static var repo: URL { RepositoryFiles.root }
    static var notebooksData: URL { repo.appendingPathComponent("notebooks-data") }
}

/// Validates CSV text under the name `t.csv`.
func check(_ text: String, kinds: [String: IndicatorKind] = [:]) -> DataValidation {
    DataSet.validate(text: text, source: "t.csv", options: .init(kinds: kinds))
}

/// The (code, line) pairs of the errors, in order.
func errors(_ v: DataValidation) -> [(DataIssue.Code, Int)] {
    v.issues.filter(\.isError).map { ($0.code, $0.line) }
}

/// The (code, line) pairs of the warnings, in order.
func warnings(_ v: DataValidation) -> [(DataIssue.Code, Int)] {
    v.issues.filter { !$0.isError }.map { ($0.code, $0.line) }
}

/// Whether `pairs` equal `expected`.
func same(_ pairs: [(DataIssue.Code, Int)], _ expected: [(DataIssue.Code, Int)]) -> Bool {
    pairs.count == expected.count && zip(pairs, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
}

let header = "unit,indicator,period,value,numerator,denominator\n"
