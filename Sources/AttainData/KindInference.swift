/// The kind an indicator is taken to be, and why.
///
/// Produced by ``DataSet/kindInference(of:)``: a stated kind wins; otherwise the rows and the name decide, in this order:
/// 1. rows with numerator and denominator → `share`;
/// 2. a name saying so → `cumulative` (`…_cumulative`, `…_to_date`, `lũy kế`), `share` (`…_share`, `…_rate`, `tỷ lệ`)
///    or `count` (a flow: `…_founded`, `…_events`, `…_contacts`, `…_introductions`, `new_…`); the checks then hold
///    the values to that kind;
/// 3. all values in [0, 1] with some fractions → `share` (only 0s and 1s → ambiguous);
/// 4. all values whole and non-negative → `level` when the name names a stock (`workers`, `members`, `enterprises`);
///    otherwise a series of three or more values that never falls in any unit is ambiguous (running totals, a growing
///    stock, or counts?), and anything else is `count`;
/// 5. anything else (fractions above 1, negative values) → `level`.
public struct KindInference: Sendable, Equatable, Codable {
    /// The kind, or nil when the data cannot tell (state it with `--kind NAME=KIND` or in the scenario file).
    public var kind: IndicatorKind?
    /// Why, in a few words (shown to users beside the kind).
    public var reason: String
    /// Whether the kind was stated rather than inferred.
    public var isStated: Bool

    public init(kind: IndicatorKind?, reason: String, isStated: Bool = false) {
        self.kind = kind
        self.reason = reason
        self.isStated = isStated
    }

    /// Infers the kind of `indicator` from its rows (all units).
    static func infer(indicator: String, rows: some Collection<Observation>) -> KindInference {
        guard !rows.isEmpty else { return KindInference(kind: nil, reason: "no rows") }
        if rows.contains(where: { $0.numerator != nil && $0.denominator != nil }) {
            return KindInference(kind: .share, reason: "rows give numerator and denominator")
        }
        let name = indicator.lowercased()
        let tokens = Set(name.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        if ["cumulative", "to_date", "todate", "so_far", "running_total", "lũy kế", "luỹ kế", "luy_ke"].contains(where: name.contains)
            || tokens.contains("cum") {
            return KindInference(kind: .cumulative, reason: "the name says it is a running total")
        }
        if ["share", "rate", "ratio", "coverage", "pct", "percent", "percentage", "proportion", "fraction"].contains(where: tokens.contains)
            || ["tỷ lệ", "tỉ lệ", "ty_le"].contains(where: name.contains) {
            return KindInference(kind: .share, reason: "the name says it is a share")
        }
        let flows: Set<String> = ["founded", "established", "introduced", "introductions", "introduction", "events", "event",
                                  "contacts", "contact", "visits", "new", "recruited", "admitted", "activities", "flow", "per"]
        if !tokens.isDisjoint(with: flows) {
            return KindInference(kind: .count, reason: "the name says it counts things happening in each period")
        }
        let values = rows.lazy.map(\.value)
        let whole = values.allSatisfy { $0 == $0.rounded() }
        if values.allSatisfy({ (0...1).contains($0) }) {
            return whole ? KindInference(kind: nil, reason: "every value is 0 or 1: a share or a count?")
                         : KindInference(kind: .share, reason: "every value lies in [0, 1], with fractions")
        }
        if whole && values.allSatisfy({ $0 >= 0 }) {
            let stocks: Set<String> = ["workers", "members", "employees", "enterprises", "firms", "population", "stock", "level",
                                       "headcount", "size"]
            if !tokens.isDisjoint(with: stocks) {
                return KindInference(kind: .level, reason: "whole numbers, and the name names a stock")
            }
            let byUnit = Dictionary(grouping: rows, by: \.unit).values.map { $0.sorted { $0.period < $1.period }.map(\.value) }
            if byUnit.contains(where: { $0.count >= 3 }), byUnit.allSatisfy({ zip($0, $0.dropFirst()).allSatisfy { $0 <= $1 } }) {
                return KindInference(kind: nil, reason: "whole numbers that never fall: running totals, a growing stock, or counts?")
            }
            return KindInference(kind: .count, reason: "non-negative whole numbers that rise and fall")
        }
        return KindInference(kind: .level, reason: values.contains { $0 < 0 } ? "has negative values" : "values above 1 with fractions")
    }
}
