import Foundation

/// One NIST StRD nonlinear regression problem: data, model, starting values and certified answers.
///
/// ```swift
/// let problems = try NISTProblem.loadAll(from: url)      // nist-strd-nonlinear.json
/// let outcome = try problems[0].solve(start: 1)
/// print(outcome.parameterDigits, outcome.standardDeviationDigits)
/// ```
/// The data are read as exact decimals and the residuals evaluated in extended precision, so the comparison
/// measures the solver rather than the rounding of the data (this matters for Lanczos1, whose certified
/// residuals are 1e-13 of the response).
public struct NISTProblem: Sendable {
    /// Dataset name, e.g. `MGH10`.
    public let name: String
    /// NIST's level of difficulty: Lower, Average or Higher.
    public let difficulty: String
    /// `b1`, `b2`, …
    public let parameterNames: [String]
    /// NIST's two starting points.
    public let starts: [[Double]]
    /// Certified estimates.
    public let certifiedValues: [Double]
    /// Certified standard deviations of the estimates.
    public let certifiedStandardDeviations: [Double]
    /// Certified residual sum of squares.
    public let certifiedResidualSumOfSquares: Double
    let model: NISTModel
    let x: [NISTFloat]
    let x2: [NISTFloat]
    let y: [NISTFloat]

    /// Reads every problem of `nist-strd-nonlinear.json` whose model this module knows, sorted by name.
    public static func loadAll(from url: URL) throws -> [NISTProblem] {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        return try file.datasets.values.sorted { $0.name < $1.name }.map { entry in
            guard let model = NISTModel.named(entry.name) else {
                throw LeastSquaresError.dimensionMismatch("no model for NIST dataset \(entry.name) in \(url.path)")
            }
            let wide = { (d: Decimal) -> NISTFloat in NISTFloat(d.description) ?? NISTFloat(Double(truncating: d as NSNumber)) }
            var y = entry.y.map(wide)
            if entry.modelFormula.hasPrefix("log[y]") { y = y.map { log($0) } }
            let columns = entry.xColumns.map { $0.map(wide) }
            return NISTProblem(name: entry.name, difficulty: entry.levelOfDifficulty, parameterNames: entry.parameterNames,
                               starts: [entry.start1, entry.start2], certifiedValues: entry.certifiedValues,
                               certifiedStandardDeviations: entry.certifiedStdDevs,
                               certifiedResidualSumOfSquares: entry.residualSumOfSquares, model: model,
                               x: columns[0], x2: columns.count > 1 ? columns[1] : [NISTFloat](repeating: 0, count: y.count), y: y)
        }
    }

    private struct File: Decodable { let datasets: [String: Entry] }
    private struct Entry: Decodable {
        let name: String
        let levelOfDifficulty: String
        let modelFormula: String
        let parameterNames: [String]
        let start1: [Double]
        let start2: [Double]
        let certifiedValues: [Double]
        let certifiedStdDevs: [Double]
        let residualSumOfSquares: Double
        let xColumns: [[Decimal]]
        let y: [Decimal]
    }

    /// Solves from NIST start 1 or 2 with rounding-level tolerances and compares with the certified values.
    public func solve(start: Int, options: LevenbergMarquardt.Options = .strict) throws -> NISTOutcome {
        guard (1...2).contains(start) else { throw LeastSquaresError.dimensionMismatch("NIST start must be 1 or 2, got \(start)") }
        let result = try LevenbergMarquardt(options: options).minimize(self, from: starts[start - 1])
        let covariance = try result.covariance()
        let sds = covariance.diagonalEntries.map { $0.squareRoot() }
        return NISTOutcome(problem: name, start: start, parameters: result.parameters, standardDeviations: sds,
                           residualSumOfSquares: result.residualSumOfSquares,
                           parameterDigits: zip(result.parameters, certifiedValues).map { significantDigits($0, $1) }.min() ?? 0,
                           standardDeviationDigits: zip(sds, certifiedStandardDeviations).map { significantDigits($0, $1) }.min() ?? 0,
                           termination: result.termination, iterations: result.iterations, evaluations: result.evaluations)
    }
}

extension NISTProblem: LeastSquaresProblem {
    public var residualCount: Int { y.count }
    public var parameterCount: Int { certifiedValues.count }

    public func residuals(at theta: [Double], into residuals: inout [Double]) {
        let b = theta.map { NISTFloat($0) }
        for i in y.indices { residuals[i] = Double(model.value(x[i], x2[i], b) - y[i]) }
    }

    public func jacobian(at theta: [Double], into jacobian: inout [Double], leadingDimension ld: Int) {
        let b = theta.map { NISTFloat($0) }
        var g = [NISTFloat](repeating: 0, count: b.count)
        for i in y.indices {
            model.gradient(x[i], x2[i], b, &g)
            for j in b.indices { jacobian[i + j * ld] = Double(g[j]) }
        }
    }
}

/// Number of significant digits to which `estimate` agrees with `certified` (the log relative error), capped at
/// `cap` (NIST prints 11 digits, so agreement beyond that cannot be measured).
public func significantDigits(_ estimate: Double, _ certified: Double, cap: Double = 11) -> Double {
    guard estimate.isFinite else { return 0 }
    if estimate == certified { return cap }
    if certified == 0 { return min(cap, max(0, -log10(abs(estimate)))) }
    return min(cap, max(0, -log10(abs(estimate - certified) / abs(certified))))
}
