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
    /// A value meets the threshold exactly when it is at least `thresholdFloor`: ``Comparison/holds(_:_:)``'s tolerance
    /// applied, and a strict comparison folded in (`x > c` ⇔ `x ≥ c.nextUp`), so tallies make one comparison a year.
    let thresholdFloor: Double
    /// The same for the stretch value (+∞ when there is none).
    let stretchFloor: Double

    public init(kind: TargetKind, comparison: Comparison, threshold: Double, stretch: Double, first: Int, last: Int) {
        self.kind = kind
        self.comparison = comparison
        self.threshold = threshold
        self.stretch = stretch
        self.first = first
        self.last = last
        let floor = { (t: Double) -> Double in
            let tolerance = 1e-9 * max(1, abs(t))
            return comparison == .atLeast ? t - tolerance : (t + tolerance).nextUp
        }
        thresholdFloor = floor(threshold)
        stretchFloor = stretch.isFinite ? floor(stretch) : .infinity
    }

    /// Number of reported years: one (the deadline) for levels, the window's years otherwise.
    public var reportedCount: Int { kind == .levelAtDeadline ? 1 : last - first + 1 }
}
