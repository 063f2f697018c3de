import Foundation
import Testing
@testable import AttainLinearAlgebra
import AttainTestSupport

private struct LinearProblem: Decodable {
    let name: String
    let intercept: Bool
    let polynomialDegree: Int?
    let xColumns: [[Double]]
    let y: [Double]
    let certifiedValues: [Double]
    let certifiedStdDevs: [Double]
    let residualStdDev: Double
}

private struct LinearFile: Decodable { let datasets: [String: LinearProblem] }

private let problems: [LinearProblem] = {
    let url = RepositoryFiles.fixtures.appendingPathComponent("nist-strd/linear/nist-strd-linear.json")
    guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(LinearFile.self, from: data) else { return [] }
    return file.datasets.values.sorted { $0.name < $1.name }
}()

/// The design NIST specifies: an intercept column when the model has one, then powers of x (polynomials) or the predictors.
private func design(_ p: LinearProblem) -> Matrix {
    var cols: [[Double]] = []
    let n = p.y.count
    if p.intercept { cols.append(Array(repeating: 1, count: n)) }
    if p.xColumns.count == 1, let degree = p.polynomialDegree {
        let x = p.xColumns[0]
        for k in 1...degree { cols.append(x.map { pow($0, Double(k)) }) }
    } else {
        cols.append(contentsOf: p.xColumns)
    }
    return Matrix(columns: cols)
}

@Test func allElevenNISTLinearProblemsAreLoaded() {
    #expect(problems.map(\.name) == ["Filip", "Longley", "NoInt1", "NoInt2", "Norris", "Pontius",
                                     "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"])
}

@Test(arguments: problems.map(\.name))
func nistLinearCertifiedToSevenDigits(name: String) throws {
    let p = try #require(problems.first { $0.name == name })
    let solution = try leastSquares(design(p), p.y)
    let yScale = p.y.map(abs).max() ?? 1
    #expect(solution.rank == p.certifiedValues.count, "\(name): full rank expected")
    for (k, (b, cb)) in zip(solution.coefficients, p.certifiedValues).enumerated() {
        #expect(significantDigits(b, cb) >= 7, "\(name) B\(k): \(b) vs certified \(cb)")
    }
    for (k, (s, cs)) in zip(solution.standardErrors, p.certifiedStdDevs).enumerated() {
        // Wampler1 is an exact fit: certified SDs are 0, ours must vanish relative to the response's size.
        if cs == 0 { #expect(abs(s) < 1e-15 * yScale, "\(name) SD\(k) should vanish, got \(s)") }
        else { #expect(significantDigits(s, cs) >= 7, "\(name) SD(B\(k)): \(s) vs certified \(cs)") }
    }
    if p.residualStdDev == 0 { #expect(solution.residualStandardDeviation < 1e-15 * yScale) }
    else { #expect(significantDigits(solution.residualStandardDeviation, p.residualStdDev) >= 7, "\(name) residual SD") }
}
