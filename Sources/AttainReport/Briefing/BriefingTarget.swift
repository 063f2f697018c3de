import AttainSimulation
import AttainTargets
import Foundation

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
    /// What a reader should know of the fit behind the target's indicator (only three years of data, an assumed
    /// rate): marked ‡ in the summary table, said in the target's section.
    public var caveats: [LocalizedText] = []
    /// What the threshold is compared with: the value itself (`.level`, every kind of targets schema 1) or a growth or
    /// change from a base year, or an average over a window. `history` and `fan` stay the indicator's yearly values;
    /// `threshold`, `stretch` and `estimate` are on the statistic's scale (0.2 for +20 %, 0.03 for 3 points).
    public var form: ThresholdForm = .level
    /// The indicator's value in the base year (the window's first year for averages): observed, or the simulated
    /// median when that year was not complete at the cut-off (`baseObserved` false).
    public var baseValue: Double?
    public var baseObserved: Bool = true
    /// The statistic's 90% projection interval at the deadline, when known (growth in %, change in points).
    public var estimateInterval: ClosedRange<Double>?
    /// For a milestone of a target with several deadlines (`at-least: { 2021: 35%, 2025: 45%, 2030: 60% }`): the id
    /// the milestones share (`R28-1`) and this milestone's year. Consecutive milestones of one id form one row group.
    public var milestoneOf: String?

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
        Self.statusWord(status, missed: missed, language: language)
    }

    /// The status word of `status` in `language` ("Không đạt" / "Not met" when the data already show it `missed`).
    public static func statusWord(_ status: TargetStatus, missed: Bool, language: ReportLanguage) -> String {
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

    /// The estimate as a fraction of the threshold (the "% of target" column), when both are known and positive and
    /// the ratio reads the right way: not for upper bounds (a reduction) nor for growth or change statistics.
    public var shareOfTarget: Double? {
        guard let estimate, threshold > 0, form == .level, !comparison.isUpperBound else { return nil }
        return estimate / threshold
    }

    /// The label of this target in tables: its id, and for a milestone its year (`R28-1 (2021)`).
    public var label: String {
        milestoneOf.map { "\($0) (\(deadline))" } ?? id
    }

    /// ``label`` with the summary table's marks: † when it rests on the unit's own plan, ‡ when its projection is to be
    /// read with care (``caveats``).
    public var markedLabel: String {
        label + (restsOnPlan ? " †" : "") + (caveats.isEmpty ? "" : " ‡")
    }

    /// The threshold on the indicator's own scale, year by year, as the plan states it: nil for a level (a flat line
    /// at `threshold`); for a growth or change from a base year the line from the base value to the value the target
    /// implies at the deadline; for an average over a window the path `v₀·(1+g)^(t−t₀)` or `v₀ + c·(t−t₀)`.
    public var thresholdPath: [(year: Int, value: Double)]? {
        thresholdPath(for: threshold)
    }

    /// The threshold on the indicator's own scale at the deadline: the threshold itself for a level, else the value the
    /// target implies there (the end of ``thresholdPath``).
    public var thresholdAtDeadline: Double { thresholdPath?.last?.value ?? threshold }

    /// ``thresholdPath`` for another statistic value (the stretch value).
    public func thresholdPath(for statistic: Double) -> [(year: Int, value: Double)]? {
        guard let base = form.baseYear, let v0 = baseValue, base < deadline else { return nil }
        switch form {
        case .level: return nil
        case .growthFromBase: return [(base, v0), (deadline, v0 * (1 + statistic))]
        case .changeFromBase: return [(base, v0), (deadline, v0 + statistic)]
        case .averageGrowth: return (base...deadline).map { ($0, v0 * pow(1 + statistic, Double($0 - base))) }
        case .averageChange: return (base...deadline).map { ($0, v0 + statistic * Double($0 - base)) }
        }
    }
}

/// How a target's statistic relates to the indicator's yearly values (see ``BriefingTarget/form``).
public enum ThresholdForm: Sendable, Equatable {
    /// The value in the deadline year (or each year, or the window's total), as in targets schema 1.
    case level
    /// v(deadline) / v(base) − 1: "tăng 20 % so với năm 2023".
    case growthFromBase(base: Int)
    /// v(deadline) − v(base): "tăng thêm 10 điểm % so với năm 2020".
    case changeFromBase(base: Int)
    /// (v(last) / v(first))^(1/(last − first)) − 1: "tăng bình quân 5 %/năm giai đoạn 2026–2030" (first = 2025).
    case averageGrowth(first: Int)
    /// (v(last) − v(first)) / (last − first): "giảm bình quân 1 điểm %/năm".
    case averageChange(first: Int)

    /// The base year, or the first year of the window for averages; nil for a level.
    public var baseYear: Int? {
        switch self {
        case .level: return nil
        case .growthFromBase(let year), .changeFromBase(let year), .averageGrowth(let year), .averageChange(let year): return year
        }
    }

    /// Whether the statistic is a relative growth (written in %) rather than a change on the indicator's scale.
    public var isGrowth: Bool {
        switch self {
        case .growthFromBase, .averageGrowth: return true
        default: return false
        }
    }

    /// Whether the statistic is an average a year.
    public var isAverage: Bool {
        switch self {
        case .averageGrowth, .averageChange: return true
        default: return false
        }
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
