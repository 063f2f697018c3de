import Foundation

/// Series recorded by old units before a boundary change and by new units after it, re-aggregated into one consistent
/// series for any geography of the new map: a new unit, the area a former unit went to, every unit of a level, or the
/// province.
///
/// Every data row is first put on the new map: a row of an old unit (one the crosswalk maps) in a period that starts
/// before the change date is shared among the new units by the crosswalk weights; any other row stays on its own unit.
/// A target geography then sums what landed on its units, by the indicator kind's rule:
///
/// | kind | rule |
/// |---|---|
/// | count, cumulative | weighted sum |
/// | level | weighted sum, or weighted average when declared (``Combination/average``) |
/// | share | summed numerators over summed denominators; a share without counts only passes through whole (one row, weight 1), or by a declared ``Combination`` |
///
/// Nothing is lost or counted twice: each row's weights sum to 1 (checked by ``Crosswalk``), so the province's totals
/// equal the data's totals; a period holding rows of a new unit and of an old unit that went into it is refused
/// (``DataIssue/Code/mixedKeying``). A result that rests on a split weight — it takes only part of some data row, the
/// rest having gone to a unit outside the target — is marked ``Row/apportioned``.
///
/// ```swift
/// let units = try UnitRegistry.load(contentsOf: URL(fileURLWithPath: "units.csv"))
/// let crosswalk = try Crosswalk.load(contentsOf: URL(fileURLWithPath: "crosswalk.csv"), units: units)
/// let rows = try Regrouping(data: [data], units: units, crosswalk: crosswalk).regroup(to: .level(.commune))
/// ```
public struct Regrouping: Sendable {
    /// The geography to produce series for.
    public enum Target: Sendable, Equatable {
        /// One series per named unit: a new unit (with the units below it), or an old unit's area (the new units it
        /// and the units below it went to, whole).
        case units([String])
        /// One series per unit of the level in force after the change (`commune` takes wards too).
        case level(UnitLevel)
        /// One series for everything.
        case province
    }

    /// How to combine the values of a level, or of a share given without counts.
    public enum Combination: String, Sendable, CaseIterable {
        /// Σ weight · value.
        case sum
        /// Σ weight · value / Σ weight.
        case average
    }

    /// One re-aggregated row.
    public struct Row: Sendable, Equatable {
        /// The row: its unit is the target's id.
        public var observation: Observation
        /// Whether it rests on a split weight: it takes only part of some data row of an old unit shared among new ones.
        public var apportioned: Bool
        /// How many data rows it was made from.
        public var sources: Int
    }

    /// The day the new units took over (rows of old units in periods starting before it are mapped).
    public let changeDate: CalendarDate
    /// The default change date when neither the caller nor the units file gives one: 1 July 2025.
    public static let defaultChangeDate = CalendarDate(2025, 7, 1)

    private let data: [DataSet]
    private let units: UnitRegistry
    private let crosswalk: Crosswalk
    private let kinds: [String: IndicatorKind]
    private let combinations: [String: Combination]

    /// - Parameters:
    ///   - data: the data files (old and new units may be in the same file or in different ones).
    ///   - kinds: indicator kinds stated by the user (they override what the files state or infer).
    ///   - combinations: the rule for a level (default ``Combination/sum``) or a share without counts (refused by default).
    ///   - changeDate: the day of the change; default: the units file's (``UnitRegistry/changeDate``), else 2025-07-01.
    public init(data: [DataSet], units: UnitRegistry, crosswalk: Crosswalk, kinds: [String: IndicatorKind] = [:],
                combinations: [String: Combination] = [:], changeDate: CalendarDate? = nil) {
        self.data = data
        self.units = units
        self.crosswalk = crosswalk
        self.kinds = kinds
        self.combinations = combinations
        self.changeDate = changeDate ?? units.changeDate ?? Self.defaultChangeDate
    }

    /// Part of a data row landed on a unit of the new map.
    private struct Share {
        var row: Observation
        var file: String
        var unit: String
        var weight: Double
        var split: Bool
        var mapped: Bool
    }

    /// The re-aggregated rows: per target (in the order asked, or the units file's), per indicator (first appearance),
    /// by period.
    /// - Throws: ``RegroupError`` listing every problem (unknown units, old units the crosswalk misses, rows outside
    ///   their unit's dates, mixed keying, shares without counts, kinds that cannot be told).
    public func regroup(to target: Target) throws(RegroupError) -> [Row] {
        var issues = [DataIssue]()
        let shares = place(&issues)
        let kindOf = resolveKinds(&issues)
        let groups = targets(target, &issues)
        var rows = [Row]()
        var reported = Set<String>()
        let indicators = uniqued(data.lazy.flatMap(\.observations).map(\.indicator))
        // Shares by the unit they landed on, so each target reads only its own (O(shares) over all targets of a level).
        var sharesOf = [String: [Int]]()
        for (i, s) in shares.enumerated() { sharesOf[s.unit, default: []].append(i) }
        for (label, members) in groups {
            // indicator → period → parts
            var byIndicator = [String: [Period: [Share]]]()
            for unit in members {
                for i in sharesOf[unit, default: []] { byIndicator[shares[i].row.indicator, default: [:]][shares[i].row.period, default: []].append(shares[i]) }
            }
            for indicator in indicators {
                guard let kind = kindOf[indicator], let byPeriod = byIndicator[indicator] else { continue }
                for period in byPeriod.keys.sorted() {
                    // Parts in data order, so sums do not depend on the order units were visited in.
                    let parts = byPeriod[period]!.sorted { ($0.file, $0.row.line, $0.unit) < ($1.file, $1.row.line, $1.unit) }
                    if let row = combine(parts, kind: kind, label: label, indicator: indicator, period: period, &issues, &reported) {
                        rows.append(row)
                    }
                }
            }
        }
        guard !issues.contains(where: \.isError) else { throw RegroupError(issues: Self.sorted(issues)) }
        return rows
    }

    /// Every row put on the new map, with the problems of rows that cannot be.
    private func place(_ issues: inout [DataIssue]) -> [Share] {
        var shares = [Share](), unknownReported = Set<String>()
        var unmapped = [String: (file: String, line: Int, rows: Int, order: Int)]()
        for set in data {
            for row in set.observations {
                guard let unit = units[row.unit] else {
                    if unknownReported.insert(row.unit).inserted {
                        issues.append(DataIssue(.error, .unknownUnit, file: set.source, line: row.line, column: "unit",
                                                message: "unit \"\(row.unit)\" is not in the units file \(units.source)"
                                                    + nearest(row.unit, units.units.map(\.id)),
                                                hint: "add it to \(units.source), or correct the unit"))
                    }
                    continue
                }
                let start = CalendarDate.start(of: row.period), end = CalendarDate.end(of: row.period)
                if let to = unit.to, start > to {
                    issues.append(DataIssue(.error, .unitNotInForce, file: set.source, line: row.line, column: "period",
                                            message: "unit \"\(row.unit)\" ended on \(to) but has a row for \(row.period)",
                                            hint: "key the row by the unit that took over (see \(crosswalk.source)), or correct the period"))
                    continue
                }
                if let from = unit.from, end <= from {
                    issues.append(DataIssue(.error, .unitNotInForce, file: set.source, line: row.line, column: "period",
                                            message: "unit \"\(row.unit)\" began on \(from) but has a row for \(row.period)",
                                            hint: "key the row by the unit it was recorded for before \(from), or correct the period"))
                    continue
                }
                if crosswalk.maps(row.unit) && start < changeDate {
                    for e in crosswalk.targets(of: row.unit) {
                        shares.append(Share(row: row, file: set.source, unit: e.new, weight: e.weight, split: e.isSplit,
                                            mapped: e.new != row.unit))
                    }
                } else if unit.to != nil && !crosswalk.maps(row.unit) {
                    let order = unmapped.count
                    unmapped[row.unit, default: (set.source, row.line, 0, order)].rows += 1
                } else {
                    shares.append(Share(row: row, file: set.source, unit: row.unit, weight: 1, split: false, mapped: false))
                }
            }
        }
        // An old unit the crosswalk misses: one problem, on its first row.
        for (id, u) in unmapped.sorted(by: { $0.value.order < $1.value.order }) {
            let rows = u.rows == 1 ? "a row" : "\(u.rows) rows, the first on this line"
            issues.append(DataIssue(.error, .missingMapping, file: u.file, line: u.line, column: "unit",
                                    message: "unit \"\(id)\" ended on \(units[id]!.to!) and has data (\(rows)), but \(crosswalk.source) "
                                        + "does not say where it went",
                                    hint: "add rows old=\(id),new=…,weight=… to \(crosswalk.source) (weights summing to 1)"))
        }
        // Rows of a new unit and of old units that went into it, in the same period: the same thing counted twice.
        var seen = [String: (own: Share?, mapped: Share?)]()
        var reported = Set<String>()
        for s in shares {
            let key = s.unit + "\u{1F}" + s.row.indicator + "\u{1F}" + s.row.period.description
            var entry = seen[key] ?? (nil, nil)
            if s.mapped { entry.mapped = entry.mapped ?? s } else { entry.own = entry.own ?? s }
            seen[key] = entry
            if let own = entry.own, let mapped = entry.mapped, reported.insert(key).inserted {
                issues.append(DataIssue(.error, .mixedKeying, file: own.file, line: own.row.line, column: "unit",
                                        message: "\(s.row.indicator) \(s.row.period) of \"\(s.unit)\" is given both for it and for the old unit "
                                            + "\"\(mapped.row.unit)\" that went into it (\(mapped.file):\(mapped.row.line))",
                                        hint: "keep one keying per period: old units before \(changeDate), new units from it"))
            }
        }
        return shares
    }

    /// Each indicator's kind: stated here, else stated or inferred in the first file that tells it.
    private func resolveKinds(_ issues: inout [DataIssue]) -> [String: IndicatorKind] {
        var result = [String: IndicatorKind]()
        for set in data {
            for indicator in set.indicators where result[indicator] == nil {
                if let k = kinds[indicator] ?? set.inferredKind(of: indicator) { result[indicator] = k }
            }
        }
        var unknown = Set<String>()
        for set in data {
            for indicator in set.indicators where result[indicator] == nil && unknown.insert(indicator).inserted {
                issues.append(DataIssue(.error, .unknownKind, file: set.source, line: 0, column: indicator,
                                        message: "cannot tell what kind of indicator \"\(indicator)\" is (\(set.kindInference(of: indicator).reason))",
                                        hint: "state it, e.g. --kind \(indicator)=count (kinds: share, count, cumulative, level)"))
            }
        }
        return result
    }

    /// The target geographies: label and the units of the new map whose shares it takes.
    private func targets(_ target: Target, _ issues: inout [DataIssue]) -> [(String, Set<String>)] {
        switch target {
        case .province:
            let provinces = units.units.filter { $0.level == .province && $0.to == nil }
            let label = provinces.count == 1 ? provinces[0].id : "province"
            return [(label, Set(units.units.map(\.id)))]
        case .level(let level):
            return units.units.filter { $0.level.matches(level) && ($0.to.map { $0 >= changeDate } ?? true) }
                .map { ($0.id, area(of: $0.id)) }
        case .units(let ids):
            var result = [(String, Set<String>)]()
            for id in ids {
                guard units.contains(id) else {
                    issues.append(DataIssue(.error, .unknownUnit, file: units.source, line: 0, column: "unit",
                                            message: "unit \"\(id)\" asked for is not in the units file" + nearest(id, units.units.map(\.id)),
                                            hint: "name a unit of \(units.source)"))
                    continue
                }
                result.append((id, units[id]!.level == .province ? Set(units.units.map(\.id)) : area(of: id)))
            }
            return result
        }
    }

    /// `id`, the units below it, and, for those the crosswalk maps, the new units they went to and the units below those.
    private func area(of id: String) -> Set<String> {
        var result = Set<String>(), queue = [id]
        while let next = queue.popLast() {
            guard result.insert(next).inserted else { continue }
            queue += units.descendants(of: next).dropFirst()
            queue += crosswalk.targets(of: next).map(\.new)
        }
        return result
    }

    /// One target's row for one indicator and period, by the kind's rule; nil (with an issue) when it cannot be made.
    private func combine(_ parts: [Share], kind: IndicatorKind, label: String, indicator: String, period: Period,
                         _ issues: inout [DataIssue], _ reported: inout Set<String>) -> Row? {
        // Apportioned when the target takes only part of some data row (a split whose other part went elsewhere);
        // a split whose parts all land in the target (the province) is the whole row again.
        var taken = [String: Double]()
        for p in parts where p.split { taken["\(p.file):\(p.row.line)", default: 0] += p.weight }
        let apportioned = taken.values.contains { $0 < 1 - Crosswalk.tolerance }
        let weightSum = parts.reduce(0) { $0 + $1.weight }
        let weighted = parts.reduce(0) { $0 + $1.weight * $1.row.value }
        var numerator: Double?, denominator: Double?
        var value: Double
        switch kind {
        case .count, .cumulative:
            value = weighted
        case .level:
            value = combinations[indicator] == .average ? weighted / weightSum : weighted
        case .share:
            if parts.allSatisfy({ $0.row.numerator != nil && $0.row.denominator != nil }) {
                let n = parts.reduce(0) { $0 + $1.weight * $1.row.numerator! }
                let d = parts.reduce(0) { $0 + $1.weight * $1.row.denominator! }
                (numerator, denominator) = (n, d)
                value = d > 0 ? n / d : 0
            } else if parts.count == 1, !parts[0].split {
                value = parts[0].row.value
            } else if let rule = combinations[indicator] {
                value = rule == .average ? weighted / weightSum : weighted
            } else {
                let bare = parts.first { $0.row.numerator == nil || $0.row.denominator == nil }!
                if reported.insert("\(bare.file):\(bare.row.line)").inserted {
                    let how = bare.split ? "apportioned (a split weight of \(format(bare.weight)))" : "combined with other units"
                    issues.append(DataIssue(.error, .shareWithoutCounts, file: bare.file, line: bare.row.line, column: "value",
                                            message: "share \"\(indicator)\" of unit \"\(bare.row.unit)\" in \(bare.row.period) has no numerator and "
                                                + "denominator, so it cannot be \(how) into \"\(label)\"",
                                            hint: "give the share as numerator and denominator (members and workers), or declare how to "
                                                + "combine it: --combine \(indicator)=average"))
                }
                return nil
            }
        }
        // A sum that takes every part of the rows it rests on is whole when they are: the parts of a split (0.6 · 7 +
        // 0.4 · 7) give it back up to rounding, which is removed.
        if !apportioned && parts.contains(where: \.split) {
            let whole = { (x: Double) in abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)) ? x.rounded() : x }
            if kind == .count || kind == .cumulative || (kind == .level && combinations[indicator] != .average),
               parts.allSatisfy({ $0.row.value == $0.row.value.rounded() }) { value = whole(value) }
            if let n = numerator, let d = denominator, parts.allSatisfy({ $0.row.numerator! == $0.row.numerator!.rounded()
                                                                          && $0.row.denominator! == $0.row.denominator!.rounded() }) {
                (numerator, denominator) = (whole(n), whole(d))
                value = denominator! > 0 ? numerator! / denominator! : 0
            }
        }
        let observation = Observation(unit: label, indicator: indicator, period: period, value: value,
                                      numerator: numerator, denominator: denominator)
        return Row(observation: observation, apportioned: apportioned, sources: parts.count)
    }

    static func sorted(_ issues: [DataIssue]) -> [DataIssue] {
        issues.enumerated().sorted { ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset) }
            .map(\.element)
    }
}

/// Why data could not be re-aggregated: every problem, each with its file, line and how to fix it.
public struct RegroupError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Every problem, in file and line order.
    public var issues: [DataIssue]

    /// An error listing `issues`.
    public init(issues: [DataIssue]) { self.issues = issues }

    public var description: String {
        let shown = issues.prefix(25).map { "  " + $0.description }
        let more = issues.count > shown.count ? ["  … and \(issues.count - shown.count) more"] : []
        let noun = issues.count == 1 ? "problem" : "problems"
        return (["cannot regroup the data: \(issues.count) \(noun) (nothing was written):"] + shown + more).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}

extension Regrouping {
    /// The rows as tidy CSV (`unit,indicator,period,value,numerator,denominator,apportioned`), one line each, LF line
    /// ends; numbers in the shortest form that reads back to the same double, `apportioned` `true` or `false`. The file
    /// loads as data (`apportioned` is kept as an extra column).
    public static func csv(_ rows: [Row]) -> String {
        var text = "unit,indicator,period,value,numerator,denominator,apportioned\n"
        for r in rows {
            let o = r.observation
            let fields = [quoted(o.unit), quoted(o.indicator), o.period.description, number(o.value),
                          o.numerator.map(number) ?? "", o.denominator.map(number) ?? "", r.apportioned ? "true" : "false"]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `1234` for whole numbers, else Swift's shortest round-trip form (`0.6190476190476191`).
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) || text.first == " " || text.last == " "
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
