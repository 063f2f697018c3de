import _AttainLAPACK

extension Matrix {
    /// The product `op(a) · op(b)` through BLAS `dgemm`, where `op` transposes when asked.
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "inner dimensions \(k) and \(kb) differ")
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return c }
        if k == 0 { return c }
        var ta: CChar = transposeA ? 84 : 78  // "T" / "N"
        var tb: CChar = transposeB ? 84 : 78
        var mm = Int32(m), nn = Int32(n), kk = Int32(k)
        var alpha = 1.0, beta = 0.0
        var lda = Int32(max(1, a.rows)), ldb = Int32(max(1, b.rows)), ldc = Int32(max(1, m))
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    dgemm_(&ta, &tb, &mm, &nn, &kk, &alpha, pa.baseAddress, &lda, pb.baseAddress, &ldb,
                           &beta, pc.baseAddress, &ldc, 1, 1)
                }
            }
        }
        return c
    }

    /// `self · x` for a vector `x` (or `selfᵀ · x` when `transpose` is true), through BLAS `dgemv`.
    public func multiply(_ x: [Double], transpose: Bool = false) -> [Double] {
        let outCount = transpose ? columns : rows
        let inCount = transpose ? rows : columns
        precondition(x.count == inCount, "vector has \(x.count) entries, expected \(inCount)")
        var y = [Double](repeating: 0, count: outCount)
        if outCount == 0 || inCount == 0 { return y }
        var t: CChar = transpose ? 84 : 78
        var m = Int32(rows), n = Int32(columns), lda = Int32(max(1, rows)), inc: Int32 = 1
        var alpha = 1.0, beta = 0.0
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    dgemv_(&t, &m, &n, &alpha, pa.baseAddress, &lda, px.baseAddress, &inc, &beta, py.baseAddress, &inc, 1)
                }
            }
        }
        return y
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix { product(a, b) }
}
