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
            let ks = fixedAsymptote.map { [$0] } ?? [1.05, 1.3, 1.8, 3].map { summary.maximum * $0 }
            let gompertz = problem.model == .gompertz
            var scored: [([Double], Double)] = []
            var sumYY = 0.0
            for v in y { sumYY += v * v }
            for k in ks where k > 0 {
                // Line through the linearising transform of y/K, then (K free) the best K for that rate and midpoint,
                // which enters linearly: K* = Σ g y / Σ g² with g the unit-asymptote curve, SSE = Σy² − (Σgy)²/Σg².
                // Weighted by the transform's slope (delta method): logit' = 1/(u(1−u)), so weight (u(1−u))²;
                // the Gompertz transform −ln(−ln u) has slope 1/(u·(−ln u)), so weight (u·ln u)².
                let (alpha, beta) = weightedLine(s, count: s.count) { i in
                    let u = min(max(y[i] / k, 0.005), 0.995)
                    if gompertz { let l = -log(u); return (-log(l), u * u * l * l) }
                    return (log(u / (1 - u)), u * u * (1 - u) * (1 - u))
                }
                let r = abs(beta) > 1e-8 ? beta : (b0 >= 0 ? 0.1 : -0.1)
                let c = abs(beta) > 1e-8 ? -alpha / beta : 0
                let start = problem.model == .richards ? [k, r, c, 1] : [k, r, c]
                guard fixedAsymptote == nil else { scored.append((start, problem.dataSumOfSquares(start))); continue }
                var gy = 0.0, gg = 0.0
                for i in s.indices {
                    let g = problem.model.value(s[i], (1, r, c, 1))
                    gy += g * y[i]
                    gg += g * g
                }
                if gg > 0, gy > 0 {
                    var best = start
                    best[0] = gy / gg
                    scored.append((best, sumYY - gy * gy / gg))
                } else {
                    scored.append((start, problem.dataSumOfSquares(start)))
                }
            }
            if scored.isEmpty { scored = [(problem.model == .richards ? [1, 0.1, 0, 1] : [1, 0.1, 0], .infinity)] }
            return ranked(scored)
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
        return ranked(list.map { ($0, problem.dataSumOfSquares($0)) })
    }

    /// The starts in increasing order of their sum of squares (non-finite last), stable for ties.
    private static func ranked(_ scored: [([Double], Double)]) -> [[Double]] {
        if scored.count == 1 { return [scored[0].0] }
        return scored.enumerated().sorted { a, b in
            let x = a.element.1.isFinite ? a.element.1 : .infinity, y = b.element.1.isFinite ? b.element.1 : .infinity
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element.0)
    }

    /// Intercept and slope of the least-squares line through `(x, y)`; the mean and zero slope when x is constant.
    static func line(_ x: [Double], _ y: [Double]) -> (Double, Double) {
        line(x, count: x.count) { y[$0] }
    }

    /// Weighted least-squares line through `(xᵢ, vᵢ)` with `(vᵢ, wᵢ) = value(i)`.
    @inline(__always)
    static func weightedLine(_ x: [Double], count: Int, _ value: (Int) -> (Double, Double)) -> (Double, Double) {
        var sw = 0.0, sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0
        for i in 0..<count {
            let (v, w) = value(i)
            sw += w; sx += w * x[i]; sy += w * v; sxy += w * x[i] * v; sxx += w * x[i] * x[i]
        }
        guard sw > 0 else { return (0, 0) }
        let vx = sxx - sx * sx / sw, cxy = sxy - sx * sy / sw
        let b = vx > 1e-12 * max(sxx, 1e-300) ? cxy / vx : 0
        return ((sy - b * sx) / sw, b)
    }

    /// The same for `yᵢ = value(i)`, without building the array (two passes over `value`).
    @inline(__always)
    static func line(_ x: [Double], count: Int, _ value: (Int) -> Double) -> (Double, Double) {
        let n = Double(count)
        guard count > 0 else { return (0, 0) }
        var sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0
        for i in 0..<count { let v = value(i); sx += x[i]; sy += v; sxy += x[i] * v; sxx += x[i] * x[i] }
        let vx = sxx - sx * sx / n, cxy = sxy - sx * sy / n
        let b = vx > 1e-12 * max(sxx, 1e-300) ? cxy / vx : 0
        return ((sy - b * sx) / n, b)
    }
}
