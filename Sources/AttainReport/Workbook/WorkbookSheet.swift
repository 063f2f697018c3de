/// A spreadsheet workbook: named sheets of typed cells, written as Office Open XML (`.xlsx`) by ``XLSXWriter``.
///
/// ```swift
/// var sheet = WorkbookSheet(name: "Kết quả")
/// sheet.appendHeader(["Chỉ tiêu", "Xác suất đạt"])
/// sheet.append([.text("P1-1a"), .number(0.726, format: .percent(1))])
/// try XLSXWriter.write(Workbook(sheets: [sheet], title: "Attain"), to: "result.xlsx")
/// ```
public struct Workbook: Sendable, Equatable {
    /// The sheets in tab order; the first is the one shown when the file opens.
    public var sheets: [WorkbookSheet]
    /// The document title stored in the file's properties (`docProps/core.xml`), if any.
    public var title: String?

    public init(sheets: [WorkbookSheet], title: String? = nil) {
        self.sheets = sheets
        self.title = title
    }
}

/// One sheet: rows of cells from the top-left corner, column widths and the rows kept in view when scrolling.
public struct WorkbookSheet: Sendable, Equatable {
    /// The tab name. ``XLSXWriter`` replaces the characters a sheet name may not hold (`[ ] : * ? / \`) and cuts it to
    /// 31 characters, as spreadsheet programs require.
    public var name: String
    /// The rows from the first; a row may be shorter than others (missing cells are blank) or empty (a blank row).
    public var rows: [[WorkbookCell]] = []
    /// How many rows from the top stay frozen (in view) when scrolling: typically up to and including the header row.
    public var frozenRows: Int = 0
    /// Column widths in characters, by column from the first; nil or missing entries are estimated from the contents.
    public var columnWidths: [Double?] = []
    /// The widest a column gets when its width is estimated from the contents, in characters.
    public var maximumColumnWidth: Double = 50

    public init(name: String, rows: [[WorkbookCell]] = [], frozenRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
    }

    /// Cells merged across columns of one row, as ``appendSpanning(_:columns:)`` makes them.
    public var merges: [RowSpan] = []

    /// Columns `firstColumn...lastColumn` (zero-based) of row `row` shown as one cell.
    public struct RowSpan: Sendable, Equatable {
        public var row: Int
        public var firstColumn: Int
        public var lastColumn: Int

        public init(row: Int, firstColumn: Int, lastColumn: Int) {
            self.row = row
            self.firstColumn = firstColumn
            self.lastColumn = lastColumn
        }
    }

    /// Appends a row of cells.
    public mutating func append(_ row: [WorkbookCell]) {
        rows.append(row)
    }

    /// Appends a row whose one cell spans the first `columns` columns, its text wrapped within them (a caption, a
    /// warning or a note as wide as the table below or above it).
    public mutating func appendSpanning(_ cell: WorkbookCell, columns: Int) {
        var cell = cell
        cell.style.wrap = true
        cell.style.overflows = true
        rows.append([cell])
        if columns > 1 { merges.append(RowSpan(row: rows.count - 1, firstColumn: 0, lastColumn: columns - 1)) }
    }

    /// Appends a header row (bold, shaded, wrapped) and freezes the sheet below it.
    public mutating func appendHeader(_ titles: [String]) {
        rows.append(titles.map { WorkbookCell.text($0, style: .header) })
        frozenRows = rows.count
    }

    /// Appends a blank row.
    public mutating func appendBlankRow() {
        rows.append([])
    }
}

/// One cell: a value and how it is shown.
public struct WorkbookCell: Sendable, Equatable {
    /// What the cell holds.
    public enum Value: Sendable, Equatable {
        /// Nothing (the cell may still carry a style).
        case empty
        /// Text, stored once in the workbook's shared strings.
        case text(String)
        /// A number; non-finite numbers are written as blank cells.
        case number(Double)
    }

    public var value: Value
    public var style: WorkbookStyle

    public init(value: Value, style: WorkbookStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// A blank cell.
    public static let empty = WorkbookCell(value: .empty)

    /// A text cell.
    public static func text(_ text: String, style: WorkbookStyle = .plain) -> WorkbookCell {
        WorkbookCell(value: .text(text), style: style)
    }

    /// A number cell shown with `format`.
    public static func number(_ value: Double, format: NumberFormat = .general) -> WorkbookCell {
        WorkbookCell(value: .number(value), style: WorkbookStyle(format: format))
    }

    /// A whole number (a year, a rank) shown without separators.
    public static func integer(_ value: Int) -> WorkbookCell {
        WorkbookCell(value: .number(Double(value)), style: WorkbookStyle(format: .integer))
    }

    /// A number cell when `value` is present and finite, else a blank cell.
    public static func number(_ value: Double?, format: NumberFormat) -> WorkbookCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value, format: format)
    }
}

/// How a cell looks: its number format, weight, shading and wrapping.
public struct WorkbookStyle: Sendable, Hashable {
    public var format: NumberFormat
    /// Bold type.
    public var bold: Bool
    /// The light grey shading and bottom rule of a header cell.
    public var shaded: Bool
    /// Long text wraps within the column's width.
    public var wrap: Bool
    /// Dark red type, for warnings.
    public var warning: Bool
    /// Italic type, for notes.
    public var italic: Bool
    /// Text meant to run on across the empty cells to its right (a caption, a note): it does not widen its column.
    public var overflows: Bool
    /// Text set in by one character from the left edge, so that it does not touch a right-aligned number before it.
    public var indented: Bool

    public init(format: NumberFormat = .general, bold: Bool = false, shaded: Bool = false, wrap: Bool = false, warning: Bool = false,
                italic: Bool = false, overflows: Bool = false, indented: Bool = false) {
        self.format = format
        self.bold = bold
        self.shaded = shaded
        self.wrap = wrap
        self.warning = warning
        self.italic = italic
        self.overflows = overflows
        self.indented = indented
    }

    /// No formatting.
    public static let plain = WorkbookStyle()
    /// A column header: bold, shaded, wrapped.
    public static let header = WorkbookStyle(bold: true, shaded: true, wrap: true)
    /// A caption or group title: bold, running on to the right.
    public static let title = WorkbookStyle(bold: true, overflows: true)
    /// A warning: bold dark red, running on to the right.
    public static let warning = WorkbookStyle(bold: true, warning: true, overflows: true)
    /// A note under a table: italic, running on to the right.
    public static let note = WorkbookStyle(italic: true, overflows: true)
    /// A line of text above a table (the cut-off date, the scenario): running on to the right.
    public static let caption = WorkbookStyle(overflows: true)
    /// Long text wrapped within its column.
    public static let wrapped = WorkbookStyle(wrap: true)
    /// A word after a column of numbers (a status): set in from the left.
    public static let indented = WorkbookStyle(indented: true)
}

/// A number format, as spreadsheet programs name them; the separators shown follow the reader's locale.
public enum NumberFormat: Sendable, Hashable {
    /// The program's general format.
    case general
    /// A whole number without separators: `2026`.
    case integer
    /// Thousands separated, `digits` decimals: `#,##0` (12,345), `#,##0.0` (12,345.6).
    case thousands(digits: Int)
    /// `digits` decimals without separators: `0.000`.
    case decimal(digits: Int)
    /// A fraction shown in percent with `digits` decimals: `0.0%` shows 0.726 as 72.6%.
    case percent(Int)
    /// A fraction shown in percent with a sign: `+0.0%;-0.0%;0.0%` (differences of probabilities).
    case signedPercent(Int)
    /// A number with thousands separated followed by a unit word or mark in quotes: `#,##0.0" pp"`, `#,##0"*"`.
    case suffixed(digits: Int, suffix: String)

    /// The format code written in `styles.xml`.
    public var code: String {
        switch self {
        case .general: return "General"
        case .integer: return "0"
        case .thousands(let digits): return "#,##0" + Self.fraction(digits)
        case .decimal(let digits): return "0" + Self.fraction(digits)
        case .percent(let digits): return "0" + Self.fraction(digits) + "%"
        case .signedPercent(let digits):
            let body = "0" + Self.fraction(digits) + "%"
            return "+\(body);-\(body);\(body)"
        case .suffixed(let digits, let suffix):
            let quoted = "\"" + suffix.replacingAll("\"", with: "") + "\""
            return "#,##0" + Self.fraction(digits) + quoted
        }
    }

    /// The number format id spreadsheet programs reserve for this code, if it is one of the built-in ones.
    var builtinID: Int? {
        switch code {
        case "General": return 0
        case "0": return 1
        case "0.00": return 2
        case "#,##0": return 3
        case "#,##0.00": return 4
        case "0%": return 9
        case "0.00%": return 10
        default: return nil
        }
    }

    private static func fraction(_ digits: Int) -> String {
        digits > 0 ? "." + String(repeating: "0", count: digits) : ""
    }
}
