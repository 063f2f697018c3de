import Testing
@testable import AttainModels

/// Rosenbrock's function as residuals `(10(x₂ − x₁²), 1 − x₁)`.
private struct Rosenbrock: LeastSquaresProblem {
    var residualCount: Int { 2 }
    var parameterCount: Int { 2 }
    func residuals(at x: [Double], into r: inout [Double]) {
        r[0] = 10 * (x[1] - x[0] * x[0])
        r[1] = 1 - x[0]
    }
    func jacobian(at x: [Double], into j: inout [Double], leadingDimension ld: Int) {
        j[0] = -20 * x[0]; j[1] = -1
        j[ld] = 10; j[ld + 1] = 0
    }
}

/// Fewer residuals than parameters: `r = x₀ + x₁ − 3` (one equation, a line of solutions).
private struct Underdetermined: LeastSquaresProblem {
    var residualCount: Int { 1 }
    var parameterCount: Int { 2 }
    func residuals(at x: [Double], into r: inout [Double]) { r[0] = x[0] + x[1] - 3 }
    func jacobian(at x: [Double], into j: inout [Double], leadingDimension ld: Int) { j[0] = 1; j[ld] = 1 }
}

@Test func lmSolvesRosenbrockFromTheClassicStart() throws {
    let result = try LevenbergMarquardt(options: .strict).minimize(Rosenbrock(), from: [-1.2, 1])
    #expect(result.converged)
    #expect(abs(result.parameters[0] - 1) < 1e-12 && abs(result.parameters[1] - 1) < 1e-12)
    #expect(result.residualSumOfSquares < 1e-28)
    #expect(result.termination == .exactFit || result.residualSumOfSquares == 0 || result.converged)
}

/// With `x₀ ≤ 0.5` the constrained minimum of Rosenbrock is at `(0.5, 0.25)`, on the bound.
@Test func lmHonoursBoundsAndReportsActiveOnes() throws {
    let result = try LevenbergMarquardt(options: .strict).minimize(Rosenbrock(), from: [-1.2, 1], upper: [0.5, .infinity])
    #expect(result.converged)
    #expect(abs(result.parameters[0] - 0.5) < 1e-12)
    #expect(abs(result.parameters[1] - 0.25) < 1e-10)
    #expect(result.atBound == [true, false])
    // A start outside the box is projected into it first.
    let projected = try LevenbergMarquardt().minimize(Rosenbrock(), from: [3, 3], lower: [-2, -2], upper: [0.5, 2])
    #expect(abs(projected.parameters[0] - 0.5) < 1e-8)
}

@Test func lmHandlesMoreParametersThanResiduals() throws {
    let result = try LevenbergMarquardt().minimize(Underdetermined(), from: [0, 0])
    #expect(result.converged)
    #expect(abs(result.parameters[0] + result.parameters[1] - 3) < 1e-12)
    #expect(throws: LeastSquaresError.noDegreesOfFreedom(observations: 1, parameters: 2)) { try result.covariance() }
}

@Test func lmRejectsUnusableStarts() {
    let lm = LevenbergMarquardt()
    #expect(throws: LeastSquaresError.dimensionMismatch("start has 3 values for 2 parameters")) { try lm.minimize(Rosenbrock(), from: [1, 2, 3]) }
    #expect(throws: LeastSquaresError.nonFiniteStart(parameters: [.infinity, 1])) { try lm.minimize(Rosenbrock(), from: [.infinity, 1]) }
    #expect(throws: LeastSquaresError.invalidBounds(parameter: 0, lower: 1, upper: 0)) {
        try lm.minimize(Rosenbrock(), from: [0, 0], lower: [1, 0], upper: [0, 1])
    }
}
