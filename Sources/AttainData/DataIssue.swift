/// One problem found in a data file: where it is, what is wrong, and how to fix it.
///
/// Its ``description`` reads like a compiler message, e.g.
/// `district.csv:14: value "abc" is not a number; write digits like 1234 or "90,5"`.
public struct DataIssue: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whether the issue makes the file unusable (``error``) or only deserves attention (``warning``).
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// What kind of problem it is: a stable name scripts and tests can match on.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case unreadable, encoding, emptyFile, headerOnly, missingColumn, duplicateColumn
        case columnCount, unbalancedQuote, textAfterQuote
        case emptyField, badPeriod, notANumber, notFinite, ambiguousNumber
        case missingValue, incompleteShare, zeroDenominator, negativeValue, numeratorAboveDenominator, valueMismatch
        case shareOutOfRange, notWholeNumber, duplicateRow, decreasingCumulative
        case mixedFrequency, gap, ambiguousKind
        // Units and crosswalk files, and regrouping across a boundary change.
        case duplicateUnit, badLevel, badDate, unknownUnit, badWeight, weightSum, duplicateMapping, missingMapping
        case unitNotInForce, mixedKeying, shareWithoutCounts, unknownKind
        // Per-unit thresholds of `run --by unit --thresholds`.
        case unknownTarget
        // Workbooks (.xlsx) and wide tables.
        case notAWorkbook, workbookTooLarge, missingSheet, formulaWithoutValue, unknownLayout
    }

    /// Error or warning.
    public var severity: Severity
    /// The rule that found it.
    public var code: Code
    /// The file (as the user named it).
    public var file: String
    /// 1-based line in the file (the header is line 1); 0 when the issue concerns the whole file or a whole series.
    public var line: Int
    /// The column (`value`, `period`) or key (`Huyện Hiệp Hòa / union_members`) concerned, when there is one.
    public var column: String?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String
    /// Where in a workbook or wide table, when the issue came from one: `sheet Số liệu, D7` (or `D7` in a CSV).
    /// ``line`` is then the sheet's row.
    public var location: String?

    public init(_ severity: Severity, _ code: Code, file: String, line: Int, column: String? = nil,
                message: String, hint: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// Whether this is an error.
    public var isError: Bool { severity == .error }

    /// Where, as messages say it: `file:line`, `file` when the issue has no line, or `file, sheet S, D7` in a workbook.
    public var place: String {
        if let location { return "\(file), \(location)" }
        return line > 0 ? "\(file):\(line)" : file
    }

    /// `file:line: message; hint` (`file: …` when the issue has no line; `data.xlsx, sheet S, D7: …` in a workbook;
    /// warnings say so after the location).
    public var description: String {
        let location = place + ":"
        let tag = severity == .warning ? " warning:" : ""
        return "\(location)\(tag) \(message); \(hint)"
    }
}
