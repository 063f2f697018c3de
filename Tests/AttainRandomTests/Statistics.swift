#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Small, independent statistical helpers for the sampler tests (written here, not taken from the module under test).

/// Sample mean, variance (n − 1), and the standard errors of both (the latter from the sample fourth central moment).
struct Moments {
    let count: Int
    let mean: Double
    let variance: Double
    let meanSE: Double
    let varianceSE: Double

    init(_ xs: [Double]) {
        let n = Double(xs.count)
        let m = xs.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for x in xs { let d = (x - m) * (x - m); m2 += d; m4 += d * d }
        count = xs.count
        mean = m
        variance = m2 / (n - 1)
        meanSE = (variance / n).squareRoot()
        varianceSE = (max(m4 / n - (m2 / n) * (m2 / n), 0) / n).squareRoot()
    }

    init(_ ks: [Int]) { self.init(ks.map(Double.init)) }

    /// True when both the mean and the variance are within `z` standard errors of the targets.
    func agrees(mean target: Double, variance targetVar: Double, z: Double = 4) -> Bool {
        abs(mean - target) <= z * meanSE && abs(variance - targetVar) <= z * varianceSE
    }
}

/// `log Γ(x)`, thread-safe (`lgamma_r` does not touch the global `signgam`).
func logGammaFunction(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// Standard normal CDF.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Regularised lower incomplete gamma `P(a, x)`: power series below `a + 1`, Lentz continued fraction above.
func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 0 }
    let logPrefix = a * log(x) - x - logGammaFunction(a)
    if x < a + 1 {
        var term = 1 / a, sum = term, k = a
        for _ in 0..<10_000 {
            k += 1
            term *= x / k
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(logPrefix)
    }
    // Q(a, x) = e^{-x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− …)), modified Lentz.
    let tiny = 1e-300
    var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
    for i in 1..<10_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b; if abs(d) < tiny { d = tiny }
        c = b + an / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16 { break }
    }
    return 1 - exp(logPrefix) * h
}

/// Kolmogorov–Smirnov statistic `sup |F_n − F|` of a sample against a continuous CDF.
func ksStatistic(_ sample: [Double], cdf: (Double) -> Double) -> Double {
    let xs = sample.sorted()
    let n = Double(xs.count)
    var d = 0.0
    for (i, x) in xs.enumerated() {
        let f = cdf(x)
        d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
}

/// KS critical value at level 0.001 for large n: `1.949 / √n` (the Kolmogorov distribution's 0.999 quantile).
func ksCritical(_ n: Int) -> Double { 1.949 / Double(n).squareRoot() }

/// Pearson chi-square of integer draws against a pmf, pooling the two tails so every cell expects at least 5.
/// Returns the statistic and its degrees of freedom (cells − 1).
func chiSquare(_ draws: [Int], pmf: (Int) -> Double, support: ClosedRange<Int>) -> (statistic: Double, degreesOfFreedom: Int) {
    let n = Double(draws.count)
    var counts: [Int: Int] = [:]
    for k in draws { counts[k, default: 0] += 1 }
    // Cells: walk the support, closing a cell once its expectation reaches 5; the remainder joins the last cell.
    var cells: [(expected: Double, observed: Int)] = []
    var e = 0.0, o = 0
    var covered = 0.0
    for k in support {
        let p = pmf(k)
        covered += p
        e += n * p; o += counts[k] ?? 0
        if e >= 5 { cells.append((e, o)); e = 0; o = 0 }
    }
    // Mass outside the support (both tails) and any open remainder go into the last cell.
    let outsideObserved = draws.filter { !support.contains($0) }.count
    let rest = (e + n * max(0, 1 - covered), o + outsideObserved)
    if cells.isEmpty { cells.append(rest) } else {
        cells[cells.count - 1].expected += rest.0
        cells[cells.count - 1].observed += rest.1
    }
    let stat = cells.reduce(0.0) { $0 + (Double($1.observed) - $1.expected) * (Double($1.observed) - $1.expected) / $1.expected }
    return (stat, cells.count - 1)
}

/// Upper 0.001 quantile of chi-square with `df` degrees of freedom (Wilson–Hilferty; within 1% for df ≥ 3).
func chiSquareCritical(_ df: Int) -> Double {
    let k = Double(df)
    let z = 3.090_232  // standard normal 0.999 quantile
    let t = 1 - 2 / (9 * k) + z * (2 / (9 * k)).squareRoot()
    return k * t * t * t
}

/// Binomial pmf via log-gamma.
func binomialPMF(_ k: Int, _ n: Int, _ p: Double) -> Double {
    guard k >= 0, k <= n else { return 0 }
    let lc = logGammaFunction(Double(n + 1)) - logGammaFunction(Double(k + 1)) - logGammaFunction(Double(n - k + 1))
    return exp(lc + Double(k) * log(p) + Double(n - k) * log1p(-p))
}

/// Poisson pmf via log-gamma.
func poissonPMF(_ k: Int, _ mean: Double) -> Double {
    guard k >= 0 else { return 0 }
    return exp(Double(k) * log(mean) - mean - logGammaFunction(Double(k + 1)))
}

/// Negative binomial pmf with mean `mu` and size `r` (variance `mu + mu²/r`).
func negativeBinomialPMF(_ k: Int, mean mu: Double, size r: Double) -> Double {
    guard k >= 0 else { return 0 }
    let lc = logGammaFunction(Double(k) + r) - logGammaFunction(r) - logGammaFunction(Double(k + 1))
    return exp(lc + r * log(r / (r + mu)) + Double(k) * log(mu / (r + mu)))
}
