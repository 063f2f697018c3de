import Foundation

/// Why data could not be loaded or a series could not be extracted.
///
/// Every case says what was wrong, where, and how to fix it; ``description`` is the message to show a user.
public enum DataError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file was rejected as a whole; `issues` holds every problem found (errors first matter), in line order.
    case rejected(file: String, issues: [DataIssue])
    /// No rows for this indicator (`unit` nil) or for this unit's indicator; `known` lists what the data do have.
    case noSuchSeries(file: String, indicator: String, unit: String?, known: [String])
    /// The indicator's kind could not be inferred from its rows and was not stated.
    case ambiguousKind(file: String, indicator: String, reason: String)
    /// A kind assignment such as `union_members=share` could not be read.
    case badKindAssignment(String)
    /// A workbook mapping file (see ``WorkbookMapping``) could not be read.
    case mapping(file: String, message: String)

    /// The issues behind a rejection (empty for other cases).
    public var issues: [DataIssue] {
        if case .rejected(_, let issues) = self { return issues }
        return []
    }

    public var description: String {
        switch self {
        case .rejected(let file, let issues):
            let errors = issues.filter(\.isError)
            let shown = errors.prefix(25).map { "  " + $0.description }
            let more = errors.count > shown.count ? ["  … and \(errors.count - shown.count) more errors"] : []
            let noun = errors.count == 1 ? "error" : "errors"
            return (["\(file): rejected with \(errors.count) \(noun) (nothing was loaded; fix them, or skip bad rows):"]
                    + shown + more).joined(separator: "\n")
        case .noSuchSeries(let file, let indicator, let unit, let known):
            let list = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
            if let unit {
                return "\(file): no rows for indicator \"\(indicator)\" in unit \"\(unit)\"; units with this indicator: \(list)"
            }
            return "\(file): no rows for indicator \"\(indicator)\"; indicators in the file: \(list)"
        case .ambiguousKind(let file, let indicator, let reason):
            return "\(file): cannot tell what kind of indicator \"\(indicator)\" is (\(reason)); "
                + "state it, e.g. --kind \(indicator)=count (kinds: share, count, cumulative, level)"
        case .badKindAssignment(let text):
            return "cannot read the kind assignment \"\(text)\"; write INDICATOR=KIND with KIND one of share, count, cumulative, level"
        case .mapping(let file, let message):
            return "\(file): \(message) (see the README's workbook section for the mapping's keys)"
        }
    }

    public var errorDescription: String? { description }
}
