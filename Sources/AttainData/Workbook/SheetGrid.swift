/// What one spreadsheet cell holds, as read (a number keeps its exact value; text keeps what was typed).
public enum CellValue: Sendable, Equatable {
    /// Text: a shared or inline string, a formula's text result, or a CSV field.
    case text(String)
    /// A number typed as a number (or a formula's cached number).
    case number(Double)
    /// A number formatted as a date: the calendar day.
    case date(year: Int, month: Int, day: Int)
    /// TRUE or FALSE.
    case bool(Bool)
    /// A spreadsheet error such as `#DIV/0!` (typed, or a formula's cached error).
    case error(String)
    /// A formula the workbook holds no computed value for (saved by a program that does not compute formulas).
    case formulaWithoutValue(String)

    /// The text a CSV field with this cell would hold: numbers in the shortest form that reads back exactly,
    /// dates as `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let v): return Self.render(v)
        case .date(let y, let m, let d):
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            return "\(y)-\(two(m))-\(two(d))"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .formulaWithoutValue(let f): return "=" + f
        }
    }

    /// Whether the cell is empty text (an empty cell is never stored).
    var isBlank: Bool {
        if case .text(let s) = self { return s.trimmed.isEmpty }
        return false
    }

    /// `1234` for integers, else Swift's shortest round-tripping form (`0.85`, `1.5e-07`).
    static func render(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}

/// One non-empty cell: where it is and what it holds.
public struct SheetCell: Sendable, Equatable {
    public var reference: CellReference
    public var value: CellValue
    public init(_ reference: CellReference, _ value: CellValue) {
        self.reference = reference
        self.value = value
    }
}

/// The non-empty cells of one sheet (or one CSV file), row by row: what layouts read.
public struct SheetGrid: Sendable {
    /// The sheet's name; nil for a CSV file.
    public var sheet: String?
    /// Rows in order, each with its cells in column order; rows with no cell are left out.
    public var rows: [[SheetCell]]

    public init(sheet: String?, rows: [[SheetCell]]) {
        self.sheet = sheet
        self.rows = rows
    }

    /// A CSV file's records as a grid (each field text, at its line and column).
    init(csvRecords records: [CSVTable.Record]) {
        sheet = nil
        rows = records.map { r in
            r.fields.enumerated().compactMap { i, f in
                f.isEmpty ? nil : SheetCell(CellReference(column: i, row: r.line), .text(f))
            }
        }
    }
}
