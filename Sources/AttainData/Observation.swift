/// One row of the tidy data: a unit's indicator in one period.
///
/// Stored compactly (40 bytes), as a data set may hold millions of rows: the unit and indicator names are one shared
/// reference (rows read from a file share one per series), the line is 4 bytes, and the numerator, denominator and
/// extra columns sit in a box that rows without them do not have. The public properties read and write as plain values.
public struct Observation: Sendable {
    private var names: ObservationNames
    /// The value: a level, a count, or a share in [0, 1]. Derived from numerator / denominator when only they are given.
    public var value: Double
    private var storedLine: Int32
    /// When.
    public var period: Period
    private var details: ObservationDetails?

    public init(unit: String, indicator: String, period: Period, value: Double,
                numerator: Double? = nil, denominator: Double? = nil, line: Int = 0, extra: [String: String] = [:]) {
        self.init(names: ObservationNames(unit: unit, indicator: indicator), period: period, value: value,
                  numerator: numerator, denominator: denominator, line: line, extra: extra)
    }

    /// A row whose names are shared with other rows of its series (see ``ObservationNames``).
    init(names: ObservationNames, period: Period, value: Double,
         numerator: Double? = nil, denominator: Double? = nil, line: Int = 0, extra: [String: String] = [:]) {
        self.names = names
        self.value = value
        self.period = period
        let narrow = Int32(exactly: line)
        self.storedLine = narrow ?? 0
        self.details = ObservationDetails.make(numerator: numerator, denominator: denominator, extra: extra,
                                               wideLine: narrow == nil ? line : nil)
    }

    /// The unit the row describes (district, commune, zone, cluster, enterprise).
    public var unit: String {
        get { names.unit }
        set { names = ObservationNames(unit: newValue, indicator: names.indicator) }
    }
    /// What is measured, e.g. `union_members`.
    public var indicator: String {
        get { names.indicator }
        set { names = ObservationNames(unit: names.unit, indicator: newValue) }
    }
    /// Numerator of a share given as counts, when known.
    public var numerator: Double? {
        get { details?.numerator }
        set { setDetails(numerator: newValue, denominator: denominator, extra: extra, line: line) }
    }
    /// Denominator of a share given as counts, when known.
    public var denominator: Double? {
        get { details?.denominator }
        set { setDetails(numerator: numerator, denominator: newValue, extra: extra, line: line) }
    }
    /// 1-based line of the row in its file (header is line 1), 0 when the row did not come from a file.
    public var line: Int {
        get { details?.wideLine ?? Int(storedLine) }
        set {
            if let narrow = Int32(exactly: newValue), details?.wideLine == nil {
                storedLine = narrow
            } else {
                setDetails(numerator: numerator, denominator: denominator, extra: extra, line: newValue)
            }
        }
    }
    /// Extra columns of the row, kept and otherwise ignored.
    public var extra: [String: String] {
        get { details?.extra ?? [:] }
        set { setDetails(numerator: numerator, denominator: denominator, extra: newValue, line: line) }
    }

    private mutating func setDetails(numerator: Double?, denominator: Double?, extra: [String: String], line: Int) {
        let narrow = Int32(exactly: line)
        storedLine = narrow ?? 0
        details = ObservationDetails.make(numerator: numerator, denominator: denominator, extra: extra,
                                          wideLine: narrow == nil ? line : nil)
    }
}

extension Observation: Equatable {
    public static func == (a: Observation, b: Observation) -> Bool {
        (a.names === b.names || (a.unit == b.unit && a.indicator == b.indicator)) && a.period == b.period
            && a.value == b.value && a.numerator == b.numerator && a.denominator == b.denominator && a.line == b.line
            && a.extra == b.extra
    }
}

extension Observation: CustomReflectable {
    /// The row's public properties (what printing or dumping an observation shows).
    public var customMirror: Mirror {
        Mirror(self, children: ["unit": unit, "indicator": indicator, "period": period, "value": value,
                                "numerator": numerator as Any, "denominator": denominator as Any, "line": line, "extra": extra],
               displayStyle: .struct)
    }
}

/// A row's unit and indicator, one instance shared by the rows of a series read from a file (see ``NameInterner``).
final class ObservationNames: Sendable {
    let unit: String
    let indicator: String
    init(unit: String, indicator: String) {
        self.unit = unit
        self.indicator = indicator
    }
}

/// What most rows lack: counts, extra columns, a line beyond 32 bits. Immutable; a change makes a new box.
final class ObservationDetails: Sendable {
    let numerator: Double?
    let denominator: Double?
    let extra: [String: String]
    let wideLine: Int?

    private init(numerator: Double?, denominator: Double?, extra: [String: String], wideLine: Int?) {
        self.numerator = numerator
        self.denominator = denominator
        self.extra = extra
        self.wideLine = wideLine
    }

    /// nil when there is nothing to keep.
    static func make(numerator: Double?, denominator: Double?, extra: [String: String], wideLine: Int?) -> ObservationDetails? {
        if numerator == nil && denominator == nil && extra.isEmpty && wideLine == nil { return nil }
        return ObservationDetails(numerator: numerator, denominator: denominator, extra: extra, wideLine: wideLine)
    }
}

/// One ``ObservationNames`` per distinct (unit, indicator) pair read, so that a file's rows hold no copy of the names.
final class NameInterner {
    private struct Key: Hashable { var unit: String, indicator: String }
    private var table: [Key: ObservationNames] = [:]
    private var last: ObservationNames?

    /// The shared names for `unit` and `indicator` (rows of one series usually follow each other: the last is tried first).
    func names(unit: String, indicator: String) -> ObservationNames {
        if let last, last.unit == unit, last.indicator == indicator { return last }
        let key = Key(unit: unit, indicator: indicator)
        if let found = table[key] { last = found; return found }
        let made = ObservationNames(unit: unit, indicator: indicator)
        table[key] = made
        last = made
        return made
    }
}
