/// A dense matrix of `Double`, stored column-major as LAPACK expects.
///
/// ```swift
/// var a = Matrix(rows: 2, columns: 2)
/// a[0, 1] = 3
/// let b = a.transposed()
/// ```
/// Element access is O(1); products go through BLAS `dgemm`/`dgemv`.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, column by column: entry (i, j) is at `i + j * rows`.
    public var storage: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from column-major storage.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns, "storage has \(storage.count) entries, expected \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from an array of rows (all of the same length).
    public init(rowMajor rowsOfEntries: [[Double]]) {
        let r = rowsOfEntries.count
        let c = rowsOfEntries.first?.count ?? 0
        self.init(rows: r, columns: c)
        for i in 0..<r {
            precondition(rowsOfEntries[i].count == c, "row \(i) has \(rowsOfEntries[i].count) entries, expected \(c)")
            for j in 0..<c { self[i, j] = rowsOfEntries[i][j] }
        }
    }

    /// A matrix whose columns are the given vectors (all of the same length).
    public init(columns vectors: [[Double]]) {
        let c = vectors.count
        let r = vectors.first?.count ?? 0
        var flat: [Double] = []
        flat.reserveCapacity(r * c)
        for v in vectors {
            precondition(v.count == r, "all columns must have the same length")
            flat.append(contentsOf: v)
        }
        self.init(rows: r, columns: c, columnMajor: flat)
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// A square matrix with `d` on its diagonal.
    public static func diagonal(_ d: [Double]) -> Matrix {
        var m = Matrix(rows: d.count, columns: d.count)
        for i in d.indices { m[i, i] = d[i] }
        return m
    }

    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] { Array(storage[(j * rows)..<((j + 1) * rows)]) }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }

    /// The diagonal entries.
    public var diagonalEntries: [Double] { (0..<Swift.min(rows, columns)).map { self[$0, $0] } }

    /// The transpose.
    public func transposed() -> Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t[j, i] = self[i, j] } }
        return t
    }

    /// True when every entry is finite.
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }
}
