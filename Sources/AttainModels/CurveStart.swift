#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Starting values for each curve family, read off the data by linearising transforms.
///
/// The sigmoid families try several asymptotes `K` (just above the largest value, half as much again, three
/// times): for each, the transform (`logit(y/K)` for the logistic, `−ln(−ln(y/K))` for Gompertz) is linear in
/// time, and a line through it gives the rate and midpoint. The saturating family does the same with
/// `ln|K − y|`. Candidates are returned best first by their sum of squares, so the solver starts from the
/// closest and keeps the others for restarts. Cost O(n) per candidate.
enum CurveStart {
    /// Candidate full parameter vectors, best first (never empty).
    static func candidates(_ problem: CurveProblem, fixedAsymptote: Double?, summary: CurveDataSummary) -> [[Double]] {
        let s = problem.s, y = problem.y
        let (a0, b0) = line(s, y)
        var list: [[Double]]
        let range = max(summary.maximum - summary.minimum, 1e-3 * max(summary.meanAbsolute, 1e-300))
        switch problem.model {
        case .linear:
            list = [[a0, b0]]
        case .exponential:
            let positive = y.indices.filter { y[$0] > 0 }
            if positive.count >= 2 {
                let (la, r) = line(positive.map { s[$0] }, positive.map { log(y[$0]) })
                list = [[exp(la), r]]
            } else {
                list = [[max(summary.meanAbsolute, 1e-300), 0]]
            }
        case .logistic, .gompertz, .richards:
            let ks = fixedAsymptote.map { [$0] } ?? [1.05, 1.5, 3].map { summary.maximum * $0 }
            list = []
            for k in ks where k > 0 {
                let z = y.map { v -> Double in
                    let u = min(max(v / k, 0.01), 0.99)
                    return problem.model == .gompertz ? -log(-log(u)) : log(u / (1 - u))
                }
                let (alpha, beta) = line(s, z)
                let r = abs(beta) > 1e-8 ? beta : (b0 >= 0 ? 0.1 : -0.1)
                let c = abs(beta) > 1e-8 ? -alpha / beta : 0
                list.append(problem.model == .richards ? [k, r, c, 1] : [k, r, c])
            }
            if list.isEmpty { list = [problem.model == .richards ? [1, 0.1, 0, 1] : [1, 0.1, 0]] }
        case .saturating:
            let rising = summary.slope >= 0
            let ks = fixedAsymptote.map { [$0] }
                ?? [0.05, 0.5, 2].map { rising ? summary.maximum + $0 * range : summary.minimum - $0 * range }
            list = ks.map { k in
                let z = y.map { log(max(abs(k - $0), 1e-3 * range)) }
                let (alpha, beta) = line(s, z)
                let r = max(-beta, 0.01)
                let y0 = k - (rising ? 1 : -1) * exp(alpha)
                return [k, y0, r]
            }
        case .damped:
            list = [0.9, 0.7, 0.98].map { [a0, b0, $0] }
        }
        let scored = list.map { ($0, problem.dataSumOfSquares($0)) }
        return scored.sorted { ($0.1.isFinite ? $0.1 : .infinity) < ($1.1.isFinite ? $1.1 : .infinity) }.map(\.0)
    }

    /// Intercept and slope of the least-squares line through `(x, y)`; the mean and zero slope when x is constant.
    static func line(_ x: [Double], _ y: [Double]) -> (Double, Double) {
        let n = Double(x.count)
        guard n > 0 else { return (0, 0) }
        let xbar = x.reduce(0, +) / n, ybar = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in x.indices { sxy += (x[i] - xbar) * (y[i] - ybar); sxx += (x[i] - xbar) * (x[i] - xbar) }
        let b = sxx > 0 ? sxy / sxx : 0
        return (ybar - b * xbar, b)
    }
}
