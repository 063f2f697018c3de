import AttainSimulation

/// One year's probability of a target (per-year for every-year targets, "reached by then" for cumulative ones).
public struct PeriodProbability: Sendable, Codable, Equatable {
    /// The year, e.g. `"2026"`.
    public var period: String
    public var probability: Double
    /// Monte Carlo standard error √(p(1−p)/S).
    public var mcse: Double
    /// Whether the year was observed before the cut-off (the probability is then 0 or 1).
    public var observed: Bool
}

/// Projection quantiles of a value in one year: 5%, 25%, 50%, 75% and 95%.
public struct QuantileBand: Sendable, Codable, Equatable {
    public var period: String
    public var q05: Double
    public var q25: Double
    public var q50: Double
    public var q75: Double
    public var q95: Double

    public init(period: String, quantiles q: [Double]) {
        self.period = period
        (q05, q25, q50, q75, q95) = (q[0], q[1], q[2], q[3], q[4])
    }

    /// The levels the band holds.
    public static let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
}

/// An observed value (year-to-date when `partial`).
public struct ObservedValue: Sendable, Codable, Equatable {
    public var period: String
    public var value: Double
    public var partial: Bool
}

/// What the simulation says about one target.
///
/// The JSON fields `id`, `probability`, `mcse`, `status` and `years` (`period`, `probability`) are the outer contract;
/// the others are for reports.
public struct TargetResult: Sendable, Codable, Equatable {
    public var id: String
    public var indicator: String
    public var kind: TargetKind
    /// `>=` or `>`.
    public var comparison: Comparison
    public var threshold: Double
    public var stretch: Double?
    /// First and last year of the window.
    public var from: Int
    public var to: Int
    /// Wording: the plan's Vietnamese and the English.
    public var wording: LocalizedText
    public var group: LocalizedText?
    public var unit: LocalizedText?

    /// Probability that the target is met (for every-year targets: jointly in every year).
    public var probability: Double
    /// Monte Carlo standard error √(p(1−p)/S).
    public var mcse: Double
    public var status: TargetStatus
    /// The status in Vietnamese.
    public var statusVi: String
    /// `met` or `missed` when the data alone already settle the target, else nil.
    public var settled: String?
    /// Per year: every-year targets each year; cumulative ones "reached by the end of the year"; levels the deadline.
    public var years: [PeriodProbability]
    /// For every-year targets, the joint probability (equal to `probability`).
    public var jointProbability: Double?
    /// For every-year targets, the product of the per-year probabilities: what the joint would be if years were independent.
    public var independentYearsProbability: Double?
    /// Probability of reaching the stretch value, and per year.
    public var stretchProbability: Double?
    public var stretchYears: [PeriodProbability]?
    /// Median projected value of the judged quantity (deadline value, window total, weakest year) and its 90% interval.
    public var median: Double
    public var lower90: Double
    public var upper90: Double
    /// Observed values on the target's scale (running totals within the window for cumulative targets).
    public var history: [ObservedValue]
    /// Projection quantiles per simulated year of the window, on the target's scale (the indicator's values for
    /// from-base and average targets, from the base year).
    public var fan: [QuantileBand]

    // Targets schema 2 (present only for targets using it, so version-1 results keep their bytes):
    /// The comparison's symbol: `≥`, `>`, `≤` or `<`.
    public var symbol: String? = nil
    /// The target's kind as written (`growth-from-base`, …).
    public var form: String? = nil
    /// The base year of a from-base or average target (the window's first year for averages).
    public var base: Int? = nil
    /// The observed value in the base year (absent when the base year is simulated, `baseSimulated`).
    public var baseValue: Double? = nil
    /// Whether the base value is simulated on each path (the base year is not yet complete).
    public var baseSimulated: Bool? = nil
    /// For a milestone (`R28-1@2025`), the target it was expanded from (`R28-1`).
    public var milestoneOf: String? = nil
}
