/// `log k!` for `k ≥ 0`: exact sums of logarithms below 256, Stirling's series beyond (error below 1e-16 relative).
///
/// Used by the binomial and Poisson rejection samplers, which need `log k!` at every rejection test.
@usableFromInline
func logFactorial(_ k: Int) -> Double {
    if k < logFactorialTable.count { return logFactorialTable[k] }
    // log Γ(n) with n = k + 1: (n − ½) log n − n + ½ log 2π + 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷).
    let n = Double(k) + 1
    let r = 1 / n, r2 = r * r
    let series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)))
    return (n - 0.5) * _ln(n) - n + 0.918_938_533_204_672_741_78 + series
}

/// `log k!` for `k < 256`, by running sums of `log i`.
@usableFromInline
let logFactorialTable: [Double] = {
    var t = [Double](repeating: 0, count: 256)
    for k in 1..<t.count { t[k] = t[k - 1] + _ln(Double(k)) }
    return t
}()
