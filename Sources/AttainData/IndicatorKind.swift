/// What an indicator measures, which decides how it is modelled and checked.
public enum IndicatorKind: String, Sendable, CaseIterable, Codable {
    /// A proportion in [0, 1], ideally given as numerator / denominator (members / workers).
    case share
    /// A non-negative integer per period: events, introductions, groups founded.
    case count
    /// A running total that never decreases (app contacts so far, groups founded so far).
    case cumulative
    /// Any positive quantity (workers, enterprises).
    case level
}
