import AttainSimulation
import AttainTargets

/// One target of the plan with its evidence: history, projection fan, probability, status and the effort it needs.
public struct BriefingTarget: Sendable, Equatable {
    /// How values are written: shares as percentages, counts as integers, levels as decimals.
    public enum Scale: String, Sendable, Equatable {
        case share, count, level
    }

    /// The plan's identifier, e.g. `P1-1a`.
    public var id: String
    /// The target's wording: `vi` is the plan's original Vietnamese, `en` its English rendering. Both are always shown.
    public var wording: LocalizedText
    /// A heading the target is grouped under (e.g. the plan phase), if any.
    public var group: LocalizedText?
    /// The unit of the summary table ("%", "lượt", "CLB, tổ, nhóm").
    public var unit: LocalizedText
    /// How the target is judged (level at the deadline, cumulative, every year, range).
    public var kind: TargetKind
    public var scale: Scale
    /// Whether the threshold must be reached (≥, "ít nhất") or exceeded strictly (>, "trên").
    public var comparison: Comparison
    /// The threshold on the data scale (0.9 for 90%).
    public var threshold: Double
    /// A stretch value for range targets ("2–3 a year": threshold 2, stretch 3).
    public var stretch: Double?
    /// The years the target covers; the deadline is the end of the last one.
    public var window: ClosedRange<Int>
    /// Observed values by year, on the scale the target is judged (cumulative over the window for counts and flows).
    public var history: [HistoryPoint]
    /// Projection quantiles by year, on the same scale as `history`.
    public var fan: [FanPoint]
    /// The central estimate at the deadline ("ước"): the median of the projection.
    public var estimate: Double?
    /// The probability that the target is met, and its Monte Carlo standard error.
    public var probability: Double
    public var mcse: Double
    /// The probability of reaching the stretch value, for range targets.
    public var stretchProbability: Double?
    /// Per-year probabilities for every-year targets (the joint probability is `probability`).
    public var yearProbabilities: [YearProbability]
    /// The verdict from the probability (see `TargetStatus` for the cut-offs).
    public var status: TargetStatus
    /// Whether the data alone already show the target missed (the status word is then "Không đạt" / "Not met").
    public var missed: Bool
    /// What it would take to reach a safe probability, for targets at risk.
    public var effort: GoalSeekEffort?
    /// A short remark (data caveats, partial year).
    public var note: LocalizedText?
    /// Whether the target rests on a schedule the unit keeps itself (marked † in the summary table).
    public var restsOnPlan: Bool = false

    public init(id: String, wording: LocalizedText, group: LocalizedText? = nil, unit: LocalizedText, kind: TargetKind, scale: Scale,
                comparison: Comparison = .atLeast, threshold: Double, stretch: Double? = nil, window: ClosedRange<Int>,
                history: [HistoryPoint], fan: [FanPoint], estimate: Double? = nil, probability: Double, mcse: Double,
                stretchProbability: Double? = nil, yearProbabilities: [YearProbability] = [], status: TargetStatus, missed: Bool = false,
                effort: GoalSeekEffort? = nil, note: LocalizedText? = nil) {
        self.id = id
        self.wording = wording
        self.group = group
        self.unit = unit
        self.kind = kind
        self.scale = scale
        self.comparison = comparison
        self.threshold = threshold
        self.stretch = stretch
        self.window = window
        self.history = history
        self.fan = fan
        self.estimate = estimate ?? fan.last(where: { $0.year == window.upperBound })?.median
        self.probability = probability
        self.mcse = mcse
        self.stretchProbability = stretchProbability
        self.yearProbabilities = yearProbabilities
        self.status = status
        self.missed = missed
        self.effort = effort
        self.note = note
    }

    /// The deadline year.
    public var deadline: Int { window.upperBound }

    /// Whether the briefing should show the effort needed (goal seek): at risk or off track, and not already settled.
    public var needsEffort: Bool { Self.needsEffort(status: status, missed: missed) }

    /// Whether a target with this status (and already missed or not) calls for the effort needed.
    static func needsEffort(status: TargetStatus, missed: Bool) -> Bool {
        !missed && (status == .atRisk || status == .offTrack)
    }

    /// The status word in `language`: the Vietnamese review words, or their English equivalents.
    public func statusWord(_ language: ReportLanguage) -> String {
        if missed { return language == .vi ? "Không đạt" : "Not met" }
        switch language {
        case .vi: return status.vietnamese
        case .en:
            switch status {
            case .met: return "Met"
            case .likely: return "Likely"
            case .atRisk: return "At risk"
            case .offTrack: return "Off track"
            }
        }
    }

    /// The CSS class of the status badge.
    var statusClass: String { missed ? "missed" : status.rawValue }

    /// The estimate as a fraction of the threshold (the "% of target" column), when both are known and positive.
    public var shareOfTarget: Double? {
        guard let estimate, threshold > 0 else { return nil }
        return estimate / threshold
    }
}

/// One observed value.
public struct HistoryPoint: Sendable, Equatable {
    public var year: Int
    public var value: Double
    /// Whether the year was only partly observed at the cut-off (the value is year-to-date).
    public var partial: Bool

    public init(year: Int, value: Double, partial: Bool = false) {
        self.year = year
        self.value = value
        self.partial = partial
    }
}

/// Projection quantiles for one year: the 5%, 25%, 50%, 75% and 95% points.
public struct FanPoint: Sendable, Equatable {
    public var year: Int
    public var lower90: Double
    public var lower50: Double
    public var median: Double
    public var upper50: Double
    public var upper90: Double

    public init(year: Int, lower90: Double, lower50: Double, median: Double, upper50: Double, upper90: Double) {
        self.year = year
        self.lower90 = lower90
        self.lower50 = lower50
        self.median = median
        self.upper50 = upper50
        self.upper90 = upper90
    }

    /// A degenerate point where every quantile is `value` (an observed year joined to the fan).
    public init(year: Int, value: Double) {
        self.init(year: year, lower90: value, lower50: value, median: value, upper50: value, upper90: value)
    }
}

/// The probability that one year of an every-year target meets the threshold.
public struct YearProbability: Sendable, Equatable {
    public var year: Int
    public var probability: Double
    /// Whether the year is already over and was observed (probability 0 or 1).
    public var observed: Bool

    public init(year: Int, probability: Double, observed: Bool = false) {
        self.year = year
        self.probability = probability
        self.observed = observed
    }
}
