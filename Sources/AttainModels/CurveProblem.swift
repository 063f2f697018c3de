#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// What the start rules and priors need to know about a series: its level, spread, direction and time span.
struct CurveDataSummary: Sendable {
    /// Mean of `|y|`.
    var meanAbsolute: Double
    var minimum: Double
    var maximum: Double
    /// Least-squares slope of `y` on `s` (per year).
    var slope: Double
    /// `max s − min s` in years.
    var span: Double

    init(s: [Double], y: [Double]) {
        let n = Double(y.count)
        var sumAbs = 0.0, sy = 0.0, ss = 0.0
        var lo = Double.infinity, hi = -Double.infinity, smin = Double.infinity, smax = -Double.infinity
        for i in y.indices {
            sumAbs += abs(y[i])
            sy += y[i]
            ss += s[i]
            lo = min(lo, y[i]); hi = max(hi, y[i])
            smin = min(smin, s[i]); smax = max(smax, s[i])
        }
        let ybar = sy / n, sbar = ss / n
        var sxy = 0.0, sxx = 0.0
        for i in y.indices { sxy += (s[i] - sbar) * (y[i] - ybar); sxx += (s[i] - sbar) * (s[i] - sbar) }
        meanAbsolute = sumAbs / n
        minimum = lo
        maximum = hi
        slope = sxx > 0 ? sxy / sxx : 0
        span = smax - smin
    }
}

/// A growth curve as a least-squares problem: weighted data residuals `√wᵢ (μ(sᵢ; θ) − yᵢ)` followed by one penalty
/// row `σ₀ (h(θⱼ) − m)/sd` per prior. The parameter vector is always the full one; a fixed asymptote is held by
/// equal bounds.
struct CurveProblem: LeastSquaresProblem {
    let model: CurveModel
    let s: [Double]
    let y: [Double]
    let rootWeights: [Double]?
    let priors: [ShortSeriesPrior.Row]
    let priorScale: Double

    var residualCount: Int { y.count + priors.count }
    var parameterCount: Int { model.parameterNames.count }

    func residuals(at theta: [Double], into r: inout [Double]) {
        let n = y.count, th = CurveModel.pack(theta), model = self.model
        s.withUnsafeBufferPointer { s in
            y.withUnsafeBufferPointer { y in
                r.withUnsafeMutableBufferPointer { r in
                    if let w = rootWeights {
                        for i in 0..<n { r[i] = w[i] * (model.value(s[i], th) - y[i]) }
                    } else {
                        for i in 0..<n { r[i] = model.value(s[i], th) - y[i] }
                    }
                }
            }
        }
        for (k, row) in priors.enumerated() {
            let v = theta[row.index]
            let h = row.logScale ? log(max(v, .leastNormalMagnitude)) : v
            r[n + k] = priorScale * (h - row.prior.mean) / row.prior.standardDeviation
        }
    }

    func jacobian(at theta: [Double], into jac: inout [Double], leadingDimension ld: Int) {
        let n = y.count, p = parameterCount, th = CurveModel.pack(theta), model = self.model
        s.withUnsafeBufferPointer { s in
            jac.withUnsafeMutableBufferPointer { j in
                let j = j.baseAddress!
                for i in 0..<n {
                    let (_, g0, g1, g2, g3) = model.valueAndGradient(s[i], th)
                    let w = rootWeights?[i] ?? 1
                    j[i] = w * g0
                    j[i + ld] = w * g1
                    if p > 2 { j[i + 2 * ld] = w * g2 }
                    if p > 3 { j[i + 3 * ld] = w * g3 }
                }
            }
        }
        for (k, row) in priors.enumerated() {
            let v = theta[row.index]
            let dh = row.logScale ? 1 / max(v, .leastNormalMagnitude) : 1
            jac[n + k + row.index * ld] = priorScale * dh / row.prior.standardDeviation
        }
    }

    /// `Σ wᵢ (μ(sᵢ; θ) − yᵢ)²` over the data rows only.
    func dataSumOfSquares(_ theta: [Double]) -> Double {
        var sum = 0.0
        let th = CurveModel.pack(theta)
        for i in y.indices {
            let d = model.value(s[i], th) - y[i]
            let w = rootWeights?[i] ?? 1
            sum += w * w * d * d
        }
        return sum
    }
}
