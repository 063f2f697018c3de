import _AttainLAPACK

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The buffers and linear algebra of one Levenberg–Marquardt run, sized once and reused by every iteration.
///
/// Holds the pivoted QR of the Jacobian (LAPACK `dlaqp2`), `Qᵀr`, and Moré's two kernels: the damped solve
/// of `[R; √λ D P] z ≈ [Qᵀr; 0]` by Givens rotations, and the search for the damping `λ` that puts the
/// scaled step on the trust-region boundary (Moré 1978, "The Levenberg–Marquardt algorithm: implementation
/// and theory"). Nothing here allocates after `init`.
struct LevenbergMarquardtWorkspace {
    /// Residuals, parameters and the padded row count (`m = max(n, p)`: extra rows are zero).
    let n: Int, p: Int, m: Int
    /// Jacobian `m × p`; after ``factor()`` R sits on and above the diagonal, Householder vectors below.
    var jac: [Double]
    var tau: [Double]
    var jpvt: [Int32]
    /// Partial and exact column norms and scratch for `dlaqp2`.
    var vn1: [Double]
    var vn2: [Double]
    var lapackWork: [Double]
    /// `perm[k]`: the original column in pivot position `k`.
    var perm: [Int]
    /// Column norms of the Jacobian before factoring, original order.
    var columnNorms: [Double]
    /// `Qᵀ r` (length m; the first p entries are the ones used).
    var qtf: [Double]
    /// Upper-triangular `S` of the damped system, `p × p` column-major, and scratch vectors.
    var s: [Double]
    var rhs: [Double]
    var z: [Double]
    var w: [Double]
    /// The solution `x` of the (damped) linear problem, original order: the LM step is `−x`.
    var x: [Double]

    init(residualCount n: Int, parameterCount p: Int) {
        self.n = n
        self.p = p
        self.m = max(n, p)
        jac = [Double](repeating: 0, count: m * p)
        tau = [Double](repeating: 0, count: p)
        jpvt = [Int32](repeating: 0, count: p)
        perm = Array(0..<p)
        columnNorms = [Double](repeating: 0, count: p)
        qtf = [Double](repeating: 0, count: m)
        s = [Double](repeating: 0, count: p * p)
        rhs = [Double](repeating: 0, count: p)
        z = [Double](repeating: 0, count: p)
        w = [Double](repeating: 0, count: p)
        x = [Double](repeating: 0, count: p)
        vn1 = [Double](repeating: 0, count: p)
        vn2 = [Double](repeating: 0, count: p)
        lapackWork = [Double](repeating: 0, count: max(1, p))
    }

    @inline(__always) func r(_ i: Int, _ j: Int) -> Double { jac[i + j * m] }

    /// Column norms, then `J P = Q R` in place by LAPACK's unblocked pivoted Householder QR (`dlaqp2`, the kernel
    /// of `dgeqp3` without its blocking and workspace queries, which dominate at the sizes of curve fits).
    /// Returns false if the factors are not finite.
    mutating func factor() -> Bool {
        let (n, m) = (self.n, self.m)
        for j in 0..<p {
            let sum = jac.withUnsafeBufferPointer { a in
                var sum = 0.0
                let base = a.baseAddress! + j * m
                for i in 0..<n { sum += base[i] * base[i] }
                return sum
            }
            columnNorms[j] = sum.squareRoot()
            vn1[j] = columnNorms[j]
            vn2[j] = columnNorms[j]
            jpvt[j] = Int32(j + 1)
        }
        var mm = Int32(m), pp = Int32(p), lda = Int32(m), offset: Int32 = 0
        dlaqp2_(&mm, &pp, &offset, &jac, &lda, &jpvt, &tau, &vn1, &vn2, &lapackWork)
        for j in 0..<p { perm[j] = Int(jpvt[j]) - 1 }
        for j in 0..<p where !r(j, j).isFinite { return false }
        return true
    }

    /// `qtf = Qᵀ f` for the residual vector `f` (first n entries used, the rest taken as zero).
    mutating func applyQTranspose(_ f: [Double]) {
        let (n, m, p) = (self.n, self.m, self.p)
        jac.withUnsafeBufferPointer { a in
            tau.withUnsafeBufferPointer { tau in
                f.withUnsafeBufferPointer { f in
                    qtf.withUnsafeMutableBufferPointer { q in
                        for i in 0..<n { q[i] = f[i] }
                        for i in n..<m { q[i] = 0 }
                        for k in 0..<min(m, p) where tau[k] != 0 {
                            let v = a.baseAddress! + k * m
                            var dot = q[k]
                            for i in (k + 1)..<m { dot += v[i] * q[i] }
                            dot *= tau[k]
                            q[k] -= dot
                            for i in (k + 1)..<m { q[i] -= dot * v[i] }
                        }
                    }
                }
            }
        }
    }

    /// `(Jᵀ f)ⱼ` in original order, from R and `Qᵀ f`, into `out`.
    func gradient(into out: inout [Double]) {
        for j in 0..<p {
            var sum = 0.0
            for i in 0...j { sum += r(i, j) * qtf[i] }
            out[perm[j]] = sum
        }
    }

    /// `‖R Pᵀ v‖²` and `(Qᵀf)ᵀ R Pᵀ v`: the model's `‖J v‖²` and `fᵀ J v`.
    func modelTerms(_ v: [Double]) -> (jvSquared: Double, fjv: Double) {
        var sq = 0.0, cross = 0.0
        for i in 0..<p {
            var sum = 0.0
            for j in i..<p { sum += r(i, j) * v[perm[j]] }
            sq += sum * sum
            cross += qtf[i] * sum
        }
        return (sq, cross)
    }

    /// Solves `min ‖[R; √λ D P] z − [Qᵀf; 0]‖` by Givens rotations (leaving the triangular factor in `s`),
    /// then puts `x = P z`. With `λ = 0` this is the Gauss–Newton solve, truncated at the first zero pivot.
    mutating func dampedSolve(diag: [Double], sqrtPar: Double) {
        for j in 0..<p {
            for i in 0...j { s[i + j * p] = r(i, j) }
            rhs[j] = qtf[j]
        }
        if sqrtPar > 0 {
            for j in 0..<p {
                let dj = sqrtPar * diag[perm[j]]
                if dj == 0 { continue }
                for k in j..<p { w[k] = 0 }
                w[j] = dj
                var extra = 0.0
                for k in j..<p where w[k] != 0 {
                    let a = s[k + k * p], b = w[k]
                    let h = hypot(a, b)
                    let c = a / h, sn = b / h
                    s[k + k * p] = h
                    let t = c * rhs[k] + sn * extra
                    extra = -sn * rhs[k] + c * extra
                    rhs[k] = t
                    if k + 1 < p {
                        for i in (k + 1)..<p {
                            let u = c * s[k + i * p] + sn * w[i]
                            w[i] = -sn * s[k + i * p] + c * w[i]
                            s[k + i * p] = u
                        }
                    }
                }
            }
        }
        var nsing = p
        for j in 0..<p where s[j + j * p] == 0 { nsing = j; break }
        for j in nsing..<p { z[j] = 0 }
        var j = nsing - 1
        while j >= 0 {
            var sum = rhs[j]
            for k in (j + 1)..<nsing { sum -= s[j + k * p] * z[k] }
            z[j] = sum / s[j + j * p]
            j -= 1
        }
        for k in 0..<p { x[perm[k]] = z[k] }
    }

    /// `‖D x‖`.
    func scaledNorm(_ diag: [Double]) -> Double {
        var sum = 0.0
        for j in 0..<p { let v = diag[j] * x[j]; sum += v * v }
        return sum.squareRoot()
    }

    /// Solves `Tᵀ w = q` with `qₖ = D_{π(k)}² x_{π(k)} / ‖Dx‖`, `T` the triangle in `s` (or R), and returns `‖w‖²`.
    mutating func newtonDenominator(diag: [Double], dxnorm: Double, useR: Bool) -> Double {
        var sum = 0.0
        for j in 0..<p {
            let l = perm[j]
            var v = diag[l] * (diag[l] * x[l]) / dxnorm
            for i in 0..<j { v -= (useR ? r(i, j) : s[i + j * p]) * w[i] }
            w[j] = v / (useR ? r(j, j) : s[j + j * p])
            sum += w[j] * w[j]
        }
        return sum
    }

    /// Moré's search for the damping `λ ≥ 0` whose step satisfies `‖D x‖ ≈ Δ` (within 10%), starting from
    /// `par`; returns the new `λ` and leaves the step's negative in ``x``.
    mutating func levenbergMarquardtParameter(diag: [Double], delta: Double, par initial: Double) -> Double {
        let dwarf = Double.leastNormalMagnitude
        dampedSolve(diag: diag, sqrtPar: 0)
        var dxnorm = scaledNorm(diag)
        var fp = dxnorm - delta
        if fp <= 0.1 * delta { return 0 }
        var fullRank = true
        for j in 0..<p where r(j, j) == 0 { fullRank = false; break }
        var parl = 0.0
        if fullRank {
            let denom = newtonDenominator(diag: diag, dxnorm: dxnorm, useR: true)
            if denom > 0, denom.isFinite { parl = fp / (delta * denom) }
        }
        var gnorm = 0.0
        for j in 0..<p {
            var sum = 0.0
            for i in 0...j { sum += r(i, j) * qtf[i] }
            let v = sum / diag[perm[j]]
            gnorm += v * v
        }
        gnorm = gnorm.squareRoot()
        var paru = gnorm / delta
        if paru == 0 { paru = dwarf / min(delta, 0.1) }
        var par = min(max(initial, parl), paru)
        if par == 0 { par = gnorm / dxnorm }
        for iteration in 1...10 {
            if par == 0 { par = max(dwarf, 0.001 * paru) }
            dampedSolve(diag: diag, sqrtPar: par.squareRoot())
            dxnorm = scaledNorm(diag)
            let previous = fp
            fp = dxnorm - delta
            if abs(fp) <= 0.1 * delta || (parl == 0 && fp <= previous && previous < 0) || iteration == 10 { break }
            let denom = newtonDenominator(diag: diag, dxnorm: dxnorm, useR: false)
            let parc = fp / (delta * denom)
            if fp > 0 { parl = max(parl, par) }
            if fp < 0 { paru = min(paru, par) }
            par = max(parl, par + parc)
            if !par.isFinite { par = paru; break }
        }
        return par
    }
}
