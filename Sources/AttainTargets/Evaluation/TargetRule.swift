/// How one target judges one path, as plain data (no references), so tallies can apply it to millions of paths cheaply.
public struct TargetRule: Sendable, Equatable {
    public let kind: TargetKind
    public let comparison: Comparison
    public let threshold: Double
    /// The stretch value (+∞ when the target has none).
    public let stretch: Double
    /// Timeline indices of the window's first and last years.
    public let first: Int
    public let last: Int
    /// Timeline index of the year the statistic starts from (base year, or the window's first year for averages);
    /// −1 when the kind has none.
    public let base: Int
    /// A value `x` meets the threshold exactly when `sign · x ≥ thresholdFloor`: ``Comparison/holds(_:_:)``'s
    /// tolerance applied, a strict comparison folded in (`x > c` ⇔ `x ≥ c.nextUp`) and an upper bound turned into a
    /// lower one by the sign (−1 for `at-most` / `below`), so tallies make one comparison a year.
    let thresholdFloor: Double
    /// The same for the stretch value (+∞ when there is none).
    let stretchFloor: Double
    /// +1, or −1 for an upper bound.
    let sign: Double

    public init(kind: TargetKind, comparison: Comparison, threshold: Double, stretch: Double, first: Int, last: Int, base: Int = -1) {
        self.kind = kind
        self.comparison = comparison
        self.threshold = threshold
        self.stretch = stretch
        self.first = first
        self.last = last
        self.base = base
        sign = comparison.sign
        let floor = { (t: Double) -> Double in
            let tolerance = 1e-9 * max(1, abs(t))
            switch comparison {
            case .atLeast: return t - tolerance
            case .above: return (t + tolerance).nextUp
            case .atMost: return -(t + tolerance)
            case .below: return -((t - tolerance).nextDown)
            }
        }
        thresholdFloor = floor(threshold)
        stretchFloor = stretch.isFinite ? floor(stretch) : .infinity
    }

    /// Whether `x` meets the threshold (as the tallies judge it).
    public func meets(_ x: Double) -> Bool { sign * x >= thresholdFloor }

    /// Number of reported years: one (the deadline) for levels and from-base targets, the years after the first for
    /// averages (the average "so far"), the window's years otherwise.
    public var reportedCount: Int {
        kind.judgesDeadlineOnly ? 1 : kind.isAverage ? last - first : last - first + 1
    }
}
