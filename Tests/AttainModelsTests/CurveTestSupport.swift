import AttainRandom
@testable import AttainModels

/// Values of `spec`'s curve at `times` for reported parameters `truth`, plus `noise`·N(0, 1) draws from `rng`.
func curveSample(_ spec: CurveSpec, truth: [Double], times: [Double], noise: Double, rng: inout Xoshiro256StarStar,
                 referenceTime: Double? = nil) throws -> [Double] {
    // A throwaway fit only to obtain the mean function with the right reference time.
    let tref = referenceTime ?? times.reduce(0, +) / Double(times.count)
    let probe = try spec.fit(times: times, values: times.map { 1 + 0.01 * ($0 - tref) * ($0 - tref) + 0.5 * Double(Int($0) % 2) },
                             options: CurveFitOptions(priorPolicy: .never, referenceTime: tref))
    return times.map { probe.mean($0, truth) + noise * rng.normal() }
}

/// Two-sided 97.5% quantile of Student's t with `dof` degrees of freedom (table; dof ≥ 1).
func tQuantile975(_ dof: Int) -> Double {
    let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                           2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                           2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
    return dof <= 30 ? table[max(dof, 1) - 1] : 1.96 + 2.4 / Double(dof)
}
