import Foundation

/// The rows of one tidy data file, and the series they hold.
///
/// ```swift
/// let data = try DataSet.load(contentsOf: URL(fileURLWithPath: "notebooks-data/district.csv"))
/// let members = try data.series(indicator: "union_members", unit: "Huyện Hiệp Hòa")   // a share, sorted by period
/// ```
/// Loading reads the file once (see ``validate(text:source:options:)`` for what is checked); the accessors scan
/// the rows, O(rows) each.
public struct DataSet: Sendable {
    /// How to load a file.
    public struct Options: Sendable, Equatable {
        /// Load the rows without errors instead of rejecting the file; the errors stay in ``DataSet/issues``.
        public var skipBadRows: Bool
        /// Kinds stated by the user (indicator → kind); they override inference.
        public var kinds: [String: IndicatorKind]

        /// How to read a wide sheet that cannot say which unit or indicator its rows are; nil to use the
        /// sidecar beside the file (`data.mapping.yaml`), if any.
        public var mapping: WorkbookMapping?

        public init(skipBadRows: Bool = false, kinds: [String: IndicatorKind] = [:]) {
            self.skipBadRows = skipBadRows
            self.kinds = kinds
        }

        /// Options with a workbook mapping (see ``mapping``).
        public init(skipBadRows: Bool = false, kinds: [String: IndicatorKind] = [:], mapping: WorkbookMapping?) {
            self.init(skipBadRows: skipBadRows, kinds: kinds)
            self.mapping = mapping
        }

        /// Reads assignments such as `union_members=share` (the `--kind` option's form).
        public static func parseKinds(_ assignments: [String]) throws(DataError) -> [String: IndicatorKind] {
            var kinds = [String: IndicatorKind]()
            for text in assignments {
                let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, let kind = IndicatorKind(rawValue: parts[1].lowercased()) else {
                    throw .badKindAssignment(text)
                }
                kinds[parts[0]] = kind
            }
            return kinds
        }
    }

    /// Where the rows came from (the file as the user named it).
    public var source: String
    /// The rows, in file order.
    public var observations: [Observation] { didSet { knownKinds = [:] } }
    /// Kinds inferred while loading, kept while ``observations`` is unchanged (inference is a pass over the rows).
    var knownKinds: [String: KindInference] = [:]
    /// Kinds stated by the user.
    public var statedKinds: [String: IndicatorKind]
    /// Warnings found while loading, and the errors of rows skipped with ``Options/skipBadRows``.
    public var issues: [DataIssue]

    /// Rows built in code (tests, programmatic use); nothing is checked.
    public init(source: String, observations: [Observation], statedKinds: [String: IndicatorKind] = [:], issues: [DataIssue] = []) {
        self.source = source
        self.observations = observations
        self.statedKinds = statedKinds
        self.issues = issues
    }

    /// Indicators in order of first appearance.
    public var indicators: [String] { uniqued(observations.lazy.map(\.indicator)) }

    /// Units that have rows for `indicator`, in order of first appearance.
    public func units(of indicator: String) -> [String] {
        uniqued(observations.lazy.filter { $0.indicator == indicator }.map(\.unit))
    }

    /// All units, in order of first appearance.
    public var units: [String] { uniqued(observations.lazy.map(\.unit)) }

    /// The kind of `indicator` and why: the stated kind, else inferred from its rows (see ``KindInference``).
    public func kindInference(of indicator: String) -> KindInference {
        if let kind = statedKinds[indicator] { return KindInference(kind: kind, reason: "stated", isStated: true) }
        if let known = knownKinds[indicator] { return known }
        return KindInference.infer(indicator: indicator, rows: observations.lazy.filter { $0.indicator == indicator })
    }

    /// The kind of `indicator`, stated or inferred; nil when it cannot be inferred (see ``kindInference(of:)`` for why).
    public func inferredKind(of indicator: String) -> IndicatorKind? { kindInference(of: indicator).kind }

    /// Frequencies present in one unit's indicator, coarsest first.
    public func frequencies(indicator: String, unit: String) -> [Period.Frequency] {
        Set(observations.lazy.filter { $0.indicator == indicator && $0.unit == unit }.map(\.period.frequency)).sorted()
    }

    /// One unit's indicator as a series sorted by period.
    ///
    /// - Parameters:
    ///   - kind: the kind to model it as; nil uses the stated or inferred kind.
    ///   - frequency: which rows to take; nil takes the coarsest frequency present (annual rows when a series has annual
    ///     rows plus a partial year of quarters; ask for `.quarter` to get those). The series is empty when the unit
    ///     has no rows at the frequency asked for.
    /// - Throws: ``DataError/noSuchSeries(file:indicator:unit:known:)`` when there are no such rows,
    ///   ``DataError/ambiguousKind(file:indicator:reason:)`` when `kind` is nil and cannot be inferred.
    public func series(indicator: String, unit: String, kind: IndicatorKind? = nil,
                       frequency: Period.Frequency? = nil) throws(DataError) -> Series {
        let rows = observations.filter { $0.indicator == indicator && $0.unit == unit }
        guard !rows.isEmpty else {
            let known = units(of: indicator)
            throw .noSuchSeries(file: source, indicator: indicator, unit: known.isEmpty ? nil : unit, known: known.isEmpty ? indicators : known)
        }
        return Series(unit: unit, indicator: indicator, kind: try resolvedKind(indicator, kind), observations: Self.pick(rows, frequency))
    }

    /// Every unit's series of `indicator`, in order of the units' first appearance (see ``series(indicator:unit:kind:frequency:)``).
    public func allSeries(indicator: String, kind: IndicatorKind? = nil, frequency: Period.Frequency? = nil) throws(DataError) -> [Series] {
        // One pass: each unit's rows in file order, units in order of first appearance.
        var slotOf = [String: Int](), units = [String](), rowsOf = [[Observation]]()
        for row in observations where row.indicator == indicator {
            if let s = slotOf[row.unit] { rowsOf[s].append(row); continue }
            slotOf[row.unit] = units.count
            units.append(row.unit)
            rowsOf.append([row])
        }
        guard !units.isEmpty else { throw .noSuchSeries(file: source, indicator: indicator, unit: nil, known: indicators) }
        let kind = try resolvedKind(indicator, kind)
        return zip(units, rowsOf).map { Series(unit: $0, indicator: indicator, kind: kind, observations: Self.pick($1, frequency)) }
    }

    private func resolvedKind(_ indicator: String, _ kind: IndicatorKind?) throws(DataError) -> IndicatorKind {
        if let kind { return kind }
        let inference = kindInference(of: indicator)
        guard let inferred = inference.kind else { throw .ambiguousKind(file: source, indicator: indicator, reason: inference.reason) }
        return inferred
    }

    private static func pick(_ rows: [Observation], _ frequency: Period.Frequency?) -> [Observation] {
        var coarsest = rows[0].period.frequency, mixed = false
        for i in rows.indices.dropFirst() where rows[i].period.frequency != coarsest {
            mixed = true
            coarsest = min(coarsest, rows[i].period.frequency)
        }
        let wanted = frequency ?? coarsest
        if !mixed && wanted == coarsest { return rows }
        return rows.filter { $0.period.frequency == wanted }
    }
}

/// The elements in order of first appearance, without repeats.
func uniqued(_ items: some Sequence<String>) -> [String] {
    var seen = Set<String>(), result = [String]()
    for item in items where seen.insert(item).inserted { result.append(item) }
    return result
}
