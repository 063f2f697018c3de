/// One unit's indicator over time, sorted by period, all of one frequency.
///
/// The object every model fits: ``times`` (decimal years), ``values``, and for shares the binomial
/// ``numerators`` / ``denominators`` when the data have them.
public struct Series: Sendable, Equatable {
    /// The unit.
    public var unit: String
    /// The indicator.
    public var indicator: String
    /// How the indicator is modelled.
    public var kind: IndicatorKind
    /// The observations, sorted by period.
    public var observations: [Observation]

    public init(unit: String, indicator: String, kind: IndicatorKind, observations: [Observation]) {
        self.unit = unit
        self.indicator = indicator
        self.kind = kind
        let inOrder = observations.indices.dropFirst().allSatisfy { observations[$0 - 1].period < observations[$0].period }
        self.observations = inOrder ? observations : observations.sorted { $0.period < $1.period }
    }

    /// A series from plain numbers (for tests and programmatic use): annual periods starting at `firstYear`.
    public init(unit: String = "", indicator: String = "", kind: IndicatorKind, firstYear: Int, values: [Double]) {
        self.init(unit: unit, indicator: indicator, kind: kind,
                  observations: values.enumerated().map { Observation(unit: unit, indicator: indicator, period: .year(firstYear + $0.offset), value: $0.element) })
    }

    /// Number of observations.
    public var count: Int { observations.count }
    /// Periods in order.
    public var periods: [Period] { observations.map(\.period) }
    /// Start times of the periods in decimal years.
    public var times: [Double] { observations.map(\.period.time) }
    /// Values in order.
    public var values: [Double] { observations.map(\.value) }
    /// Numerators, when every observation has one.
    public var numerators: [Double]? { observations.allSatisfy { $0.numerator != nil } ? observations.map { $0.numerator! } : nil }
    /// Denominators, when every observation has one.
    public var denominators: [Double]? { observations.allSatisfy { $0.denominator != nil } ? observations.map { $0.denominator! } : nil }
    /// The frequency of the series (of its first period; a ``DataSet`` never mixes them within a series).
    public var frequency: Period.Frequency? { observations.first?.period.frequency }

    /// The observations up to and including `period` (what was known at an origin).
    public func truncated(through period: Period) -> Series {
        Series(unit: unit, indicator: indicator, kind: kind, observations: observations.filter { $0.period <= period })
    }

    /// The last `k` observations.
    public func suffix(_ k: Int) -> Series {
        Series(unit: unit, indicator: indicator, kind: kind, observations: Array(observations.suffix(k)))
    }
}
