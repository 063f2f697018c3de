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
    /// The threshold and stretch with ``Comparison/holds(_:_:)``'s tolerance already applied.
    let thresholdCut: Double, stretchCut: Double

    public init(kind: TargetKind, comparison: Comparison, threshold: Double, stretch: Double, first: Int, last: Int) {
        self.kind = kind
        self.comparison = comparison
        self.threshold = threshold
        self.stretch = stretch
        self.first = first
        self.last = last
        let cut = { (t: Double) -> Double in
            let tolerance = 1e-9 * max(1, abs(t))
            return comparison == .atLeast ? t - tolerance : t + tolerance
        }
        thresholdCut = cut(threshold)
        stretchCut = stretch.isFinite ? cut(stretch) : .infinity
    }

    /// Whether `x` meets the threshold (same as `comparison.holds(x, threshold)`).
    @inline(__always)
    func meets(_ x: Double) -> Bool { comparison == .atLeast ? x >= thresholdCut : x > thresholdCut }

    /// Whether `x` meets the stretch value.
    @inline(__always)
    func meetsStretch(_ x: Double) -> Bool { comparison == .atLeast ? x >= stretchCut : x > stretchCut }

    /// Number of reported years: one (the deadline) for levels, the window's years otherwise.
    public var reportedCount: Int { kind == .levelAtDeadline ? 1 : last - first + 1 }

    /// The judged statistic of one path: the value at the deadline, the window total, or the weakest year of the
    /// window, so that the target is met exactly when `comparison.holds(statistic, threshold)`. The value of each
    /// reported year on the target's scale (running totals for cumulative targets) goes into `yearValues`.
    @inline(__always)
    func evaluate(_ row: UnsafeBufferPointer<Double>, yearValues: UnsafeMutablePointer<Double>) -> Double {
        switch kind {
        case .levelAtDeadline:
            yearValues[0] = row[last]
            return row[last]
        case .cumulativeCount, .cumulativeFlow:
            var running = 0.0
            for y in first...last {
                running += row[y]
                yearValues[y - first] = running
            }
            return running
        case .everyYear, .range:
            var weakest = Double.infinity
            for y in first...last {
                yearValues[y - first] = row[y]
                weakest = min(weakest, row[y])
            }
            return weakest
        }
    }
}
