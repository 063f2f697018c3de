import AttainData

/// An indicator's observations folded into calendar years, as known at the cut-off date.
///
/// Flows (counts, increments of cumulative indicators) are summed within each year; levels and shares take the value
/// at the end of the year. A year the data cover to its end is complete; the last, partly covered year (a mid-year
/// review sees half of 2026) is kept apart as ``partial``: year-to-date for flows, the latest snapshot for levels.
public struct YearlyHistory: Sendable, Equatable {
    /// The part of a year observed before the cut-off.
    public struct Partial: Sendable, Equatable {
        public var year: Int
        /// Year-to-date total (flows) or latest value (levels, shares).
        public var value: Double
        public var numerator: Double?
        public var denominator: Double?
        /// Fraction of the year observed, in (0, 1).
        public var fraction: Double
        /// For flows: the share of a year's total usually seen by this point, from earlier complete years reported at the
        /// same sub-annual frequency (seasonality: Tết makes Q1 quiet); the calendar ``fraction`` when there are none.
        public var expectedShare: Double
    }

    /// Complete years with data, ascending.
    public var years: [Int]
    /// Their values: yearly totals for flows, year-end values otherwise.
    public var values: [Double]
    /// For flows, the fraction of each complete year the series covers: 1, except for a first year reported in
    /// sub-annual periods that starts after January (an app launched in July covers half of its first year).
    public var exposures: [Double]
    /// Year-end numerators and denominators of a share, when every complete year has them.
    public var numerators: [Double]?
    public var denominators: [Double]?
    /// The partly observed last year, if any.
    public var partial: Partial?
    /// Whether values are flows.
    public var isFlow: Bool

    /// Flow values per year of exposure (what a full year would have had), for fitting rates and trends.
    public var annualisedValues: [Double] { isFlow ? zip(values, exposures).map { $0 / max($1, 0.05) } : values }

    /// The value in `year`, if complete and observed.
    public func value(in year: Int) -> Double? { years.firstIndex(of: year).map { values[$0] } }

    /// The first year the simulation must produce: the partial year, else the year after the last complete one.
    public var firstUnobservedYear: Int? { partial?.year ?? years.last.map { $0 + 1 } }

    /// Folds `observations` (one unit, or several to be summed) of an indicator of `kind`, keeping what ends by `cutoff`.
    ///
    /// `cumulative` indicators are turned into yearly increments (the first total counts from zero).
    public init(observations: [Observation], kind: IndicatorKind, cutoff: CutoffDate) {
        isFlow = kind == .count || kind == .cumulative
        let kept = observations.filter { Self.endDate(of: $0.period) <= cutoff }
        // Aggregate units: sum values (and numerators / denominators) of rows sharing a period.
        var byPeriod: [Period: (v: Double, n: Double?, d: Double?)] = [:]
        for o in kept {
            let old = byPeriod[o.period]
            let n = o.numerator.flatMap { x in old == nil ? x : old!.n.map { $0 + x } }
            let d = o.denominator.flatMap { x in old == nil ? x : old!.d.map { $0 + x } }
            byPeriod[o.period] = ((old?.v ?? 0) + o.value, n, d)
        }
        let isShare = kind == .share
        var perYear: [Int: [(Period, Double, Double?, Double?)]] = [:]
        for (p, t) in byPeriod {
            var v = t.v
            if isShare, let n = t.n, let d = t.d, d > 0 { v = n / d }
            perYear[p.year, default: []].append((p, v, t.n, t.d))
        }
        var years: [Int] = [], values: [Double] = [], nums: [Double?] = [], dens: [Double?] = [], exposures: [Double] = []
        var partial: Partial?
        for year in perYear.keys.sorted() {
            var rows = perYear[year]!.sorted { $0.0 < $1.0 }
            let coarsest = rows.map(\.0.frequency).min()!
            rows = rows.filter { $0.0.frequency == coarsest }
            let endFraction = rows.map { $0.0.endTime - Double(year) }.max()!
            let complete = endFraction >= 1 - 1e-9 || (isFlow && cutoff.covers(year: year))
            if isFlow {
                let total = rows.reduce(0) { $0 + $1.1 }
                if complete {
                    years.append(year); values.append(total); nums.append(nil); dens.append(nil)
                    let start = rows.map { $0.0.time - Double(year) }.min()!
                    exposures.append(years.count == 1 && coarsest != .year ? 1 - start : 1)
                } else {
                    partial = Partial(year: year, value: total, fraction: endFraction,
                                      expectedShare: 0)
                }
            } else {
                let last = rows.last!
                if complete {
                    years.append(year); values.append(last.1); nums.append(last.2); dens.append(last.3); exposures.append(1)
                } else {
                    partial = Partial(year: year, value: last.1, numerator: last.2, denominator: last.3, fraction: endFraction,
                                      expectedShare: endFraction)
                }
            }
        }
        if let p = partial, let last = years.last, p.year < last { partial = nil }
        if isFlow, var p = partial {
            p.expectedShare = Self.seasonalShare(perYear, partialYear: p.year) ?? p.fraction
            partial = p
        }
        if kind == .cumulative {
            var previous = 0.0
            for i in values.indices { let total = values[i]; values[i] = total - previous; previous = total }
            if var p = partial { p.value -= previous; partial = p }
        }
        self.years = years
        self.values = values
        self.exposures = exposures
        self.numerators = nums.allSatisfy { $0 != nil } && !nums.isEmpty ? nums.map { $0! } : nil
        self.denominators = dens.allSatisfy { $0 != nil } && !dens.isEmpty ? dens.map { $0! } : nil
        self.partial = partial
    }

    /// Σ over complete years of the flow in the periods a partial year has reached ÷ Σ of those years' totals, using
    /// only years reported at the partial year's frequency in every period; nil when there is no such year.
    static func seasonalShare(_ perYear: [Int: [(Period, Double, Double?, Double?)]], partialYear: Int) -> Double? {
        guard let rows = perYear[partialYear], let frequency = rows.map(\.0.frequency).max(), frequency != .year else { return nil }
        let reached = rows.filter { $0.0.frequency == frequency }.map(\.0.position).max() ?? 0
        var part = 0.0, total = 0.0
        for (year, yearRows) in perYear where year != partialYear {
            let sub = yearRows.filter { $0.0.frequency == frequency }
            guard Set(sub.map(\.0.position)).count == frequency.rawValue else { continue }
            part += sub.filter { $0.0.position <= reached }.reduce(0) { $0 + $1.1 }
            total += sub.reduce(0) { $0 + $1.1 }
        }
        guard total > 0, part > 0, part < total else { return nil }
        return part / total
    }

    /// The last day a period covers.
    public static func endDate(of p: Period) -> CutoffDate {
        let month: Int
        switch p.frequency {
        case .year: month = 12
        case .quarter: month = p.position * 3
        case .month: month = p.position
        }
        return CutoffDate(year: p.year, month: month, day: CutoffDate.daysIn(month: month, year: p.year))!
    }
}
