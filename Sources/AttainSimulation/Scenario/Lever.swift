/// An interpretable policy lever an intervention pulls, from a given year on.
///
/// | lever | value means | acts on |
/// |---|---|---|
/// | `growth-shift` | added to the yearly growth rate on the latent scale (logit for shares, log for counts and levels), accumulating from `from` | trend indicators |
/// | `rate-multiplier` | multiplies the founding / joining hazard (stock-flow) or the event intensity (counts) | stock-flow shares, counts |
/// | `cohort` | that many new enterprises enter in `year` with no union (and `workers-per-enterprise` workers each, none of them members) | stock-flow shares |
/// | `shock` | the fraction of workers laid off in `year`, happening with `probability` | stock-flow shares, counts, levels |
/// | `turnover` | the yearly fraction of workers (members) leaving from `from` on, replacing the assumed rate | stock-flow shares |
public enum Lever: String, Sendable, CaseIterable, Codable {
    case growthShift = "growth-shift"
    case rateMultiplier = "rate-multiplier"
    case cohort
    case shock
    case turnover

    /// Whether the lever happens once (in `year`) rather than from a year on.
    public var isOneOff: Bool { self == .cohort || self == .shock }

    /// The lever value of "no intervention", where goal seeking starts its bracket.
    public var neutralValue: Double {
        switch self {
        case .growthShift, .cohort, .shock: return 0
        case .rateMultiplier: return 1
        case .turnover: return 0.2
        }
    }

    /// The default search range for a target met by lower values (`at-most`, `below`: a reduction) when `lowering`:
    /// a growth shift or rate multiplier mirrored below its neutral value (a negative shift, a multiplier under 1),
    /// since pushing the indicator up can only make such a target harder; ``defaultRange`` otherwise.
    public func defaultRange(lowering: Bool) -> ClosedRange<Double> {
        guard lowering else { return defaultRange }
        switch self {
        case .growthShift: return -defaultRange.upperBound...0
        case .rateMultiplier: return 0...1
        default: return defaultRange
        }
    }

    /// A default search range for goal seeking (for targets met by higher values).
    public var defaultRange: ClosedRange<Double> {
        switch self {
        case .growthShift: return 0...1
        case .rateMultiplier: return 1...5
        case .cohort: return 0...200
        case .shock: return 0...0.5
        case .turnover: return 0.02...0.6
        }
    }
}
