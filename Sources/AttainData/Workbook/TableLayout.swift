/// Maps a sheet's (or a CSV file's) cells to tidy records, in either layout:
///
/// - **tidy**: a header row naming the contract's columns (`unit`, `indicator`, `period`, `value`, …), found
///   in the first 30 rows (title rows above it are skipped), one observation per row below;
/// - **wide**: units or indicators down the rows (label columns on the left), periods across the columns
///   (see ``PeriodHeader``). The header row is the first of the first 30 rows with a period after its first cell,
///   or ``WorkbookMapping/headerRow``. Label columns are told apart by their headers (`unit`, `đơn vị`,
///   `huyện`, `xã`…; `indicator`, `chỉ tiêu`…; `kind`, `loại`), or by the mapping (`unit:` or `indicator:` for
///   every row, `indicators:` matching the labels). A label left empty below a filled one (a merged cell) repeats
///   it. Years above with quarters or months below ("Quý I", "T7") make each column that quarter or month
///   (``quartersUnderYears(_:below:)``). Each filled cell under a period becomes one record; columns after the
///   periods whose headers are not periods (notes) are ignored.
struct TableLayout {
    /// The records (the first is the header), where each came from, problems found on the way, and the kinds
    /// the sheet or mapping states.
    var records: [CSVTable.Record] = []
    var map: SourceMap
    var issues: [DataIssue] = []
    var kinds: [String: IndicatorKind] = [:]
    /// Whether the sheet was read as wide.
    var isWide = false

    static let unitNames: Set<String> = ["unit", "units", "đơn vị", "don vi", "don_vi", "district", "huyện", "huyen",
                                         "xã", "xa", "commune", "zone", "vùng", "khu vực", "địa bàn", "tỉnh", "province",
                                         "cluster", "enterprise", "doanh nghiệp", "tên đơn vị", "địa phương", "region"]
    static let indicatorNames: Set<String> = ["indicator", "indicators", "chỉ tiêu", "chi tieu", "chi_tieu", "tên chỉ tiêu",
                                              "series", "metric", "measure", "variable"]
    static let kindNames: Set<String> = ["kind", "loại", "loai", "loại chỉ tiêu", "kiểu"]

    /// Lays out `grid`; nil when it is neither tidy nor wide (no header with the contract's columns, no periods
    /// across) — the caller reports the tidy header's problems then.
    /// With `fallback`, a grid that is neither is read as tidy with its first row as the header (so the
    /// header's problems are reported against its cells).
    static func make(_ grid: SheetGrid, file: String, mapping: WorkbookMapping, fallback: Bool = false) -> TableLayout? {
        var layout = TableLayout(map: SourceMap(sheet: grid.sheet))
        if let header = tidyHeader(grid) {
            layout.tidy(grid, headerAt: header)
            return layout
        }
        guard let header = wideHeader(grid, declared: mapping.headerRow) else {
            guard fallback, !grid.rows.isEmpty else { return nil }
            layout.tidy(grid, headerAt: 0)
            return layout
        }
        layout.isWide = true
        layout.wide(grid, headerAt: header, file: file, mapping: mapping)
        return layout
    }

    private static func name(_ value: CellValue) -> String {
        value.text.trimmed.lowercased().replacingOccurrences(of: "\u{FEFF}", with: "")
    }

    /// The index in `grid.rows` of a tidy header (it names unit, indicator and period).
    private static func tidyHeader(_ grid: SheetGrid) -> Int? {
        grid.rows.prefix(30).firstIndex { row in
            let names = Set(row.map { name($0.value) })
            return names.isSuperset(of: ["unit", "indicator", "period"])
        }
    }

    /// The index in `grid.rows` of the periods' header row.
    private static func wideHeader(_ grid: SheetGrid, declared: Int?) -> Int? {
        if let declared { return grid.rows.firstIndex { $0.first?.reference.row == declared } }
        // A header has a period after its first cell and no other numbers (a data row such as `A, x, 2024, 1` is
        // not one).
        return grid.rows.prefix(30).firstIndex { row in
            row.dropFirst().contains { PeriodHeader.period(of: $0.value) != nil }
                && !row.contains { PeriodHeader.period(of: $0.value) == nil && looksNumeric($0.value) }
        }
    }

    private static func looksNumeric(_ value: CellValue) -> Bool {
        switch value {
        case .number: return true
        case .text(let s):
            let t = s.trimmed
            return t.contains(where: \.isASCIIDigit) && t.allSatisfy { $0.isASCIIDigit || ".,%-+ ".contains($0) }
        default: return false
        }
    }

    private mutating func tidy(_ grid: SheetGrid, headerAt h: Int) {
        let header = grid.rows[h]
        let width = (header.map(\.reference.column).max() ?? -1) + 1
        var names = [String](repeating: "", count: width)
        for c in header { names[c.reference.column] = c.value.text }
        let headerRow = header.first?.reference.row ?? 1
        let lower = names.map { $0.trimmed.lowercased() }
        for (i, n) in lower.enumerated() where !n.isEmpty && map.columns[n] == nil { map.columns[n] = i }
        let line = map.add(.init(row: headerRow, cells: [:]))
        records.append(CSVTable.Record(fields: names, line: line, isMalformed: false))
        for row in grid.rows[(h + 1)...] {
            guard let sheetRow = row.first?.reference.row else { continue }
            var fields = [String](repeating: "", count: width), numbers = [Int: Double]()
            var skip = false, filled = false
            for c in row where c.reference.column < width {
                let i = c.reference.column
                if case .formulaWithoutValue = c.value, !lower[i].isEmpty {
                    issues.append(formulaIssue(c, grid: grid, column: lower[i]))
                    skip = true
                }
                if case .number(let v) = c.value { numbers[i] = v }
                fields[i] = c.value.text
                filled = filled || !c.value.isBlank
            }
            guard !skip, filled else { continue }
            let line = map.add(.init(row: sheetRow, cells: [:]))
            var record = CSVTable.Record(fields: fields, line: line, isMalformed: false)
            record.numbers = numbers
            records.append(record)
        }
    }

    private func formulaIssue(_ c: SheetCell, grid: SheetGrid, column: String) -> DataIssue {
        var issue = DataIssue(.error, .formulaWithoutValue, file: "", line: c.reference.row, column: column,
                              message: "\(c.reference) holds a formula (\(c.value.text)) with no saved value",
                              hint: "open the workbook in Excel or LibreOffice and save it (that stores the values), or paste the values in place of the formulas")
        issue.location = map.prefix + c.reference.description
        return issue
    }

    private enum Role { case unit, indicator, kind, other }

    private mutating func wide(_ grid: SheetGrid, headerAt h: Int, file: String, mapping: WorkbookMapping) {
        let header = grid.rows[h]
        let headerRow = header.first?.reference.row ?? 1
        var periods = [(column: Int, period: Period, cell: CellReference)]()
        for c in header.dropFirst() {
            if let p = PeriodHeader.period(of: c.value) { periods.append((c.reference.column, p, c.reference)) }
        }
        var firstData = h + 1
        if h + 1 < grid.rows.count, let split = Self.quartersUnderYears(periods, below: grid.rows[h + 1]) {
            periods = split
            firstData = h + 2
        }
        let firstPeriod = periods.map(\.column).min() ?? 0
        // Label columns: left of the periods, with a header or with labels below.
        var labelColumns = Set<Int>()
        for row in grid.rows[h...] { for c in row where c.reference.column < firstPeriod && !c.value.isBlank { labelColumns.insert(c.reference.column) } }
        let headerNames = Dictionary(header.map { ($0.reference.column, TableLayout.name($0.value)) }) { a, _ in a }
        var roles = [Int: Role]()
        for col in labelColumns {
            let n = headerNames[col] ?? ""
            roles[col] = TableLayout.unitNames.contains(n) ? .unit : TableLayout.indicatorNames.contains(n) ? .indicator
                : TableLayout.kindNames.contains(n) ? .kind : .other
        }
        var unitColumn = roles.filter { $0.value == .unit }.keys.min()
        var indicatorColumn = roles.filter { $0.value == .indicator }.keys.min()
        let kindColumn = roles.filter { $0.value == .kind }.keys.min()
        var others = roles.filter { $0.value == .other }.keys.sorted()
        // Labels the mapping names as indicators tell which column holds indicators.
        if indicatorColumn == nil, !mapping.indicators.isEmpty {
            let labelled = others.first { col in
                grid.rows[(h + 1)...].contains { row in row.contains { $0.reference.column == col && mapping.indicators[$0.value.text.trimmed] != nil } }
            }
            if let labelled { indicatorColumn = labelled; others.removeAll { $0 == labelled } }
        }
        if mapping.unit == nil, unitColumn == nil, indicatorColumn != nil || mapping.indicator != nil, !others.isEmpty {
            unitColumn = others.removeFirst()
        }
        if mapping.indicator == nil, indicatorColumn == nil, unitColumn != nil || mapping.unit != nil, !others.isEmpty {
            indicatorColumn = others.removeFirst()
        }
        let where0 = map.prefix + CellReference(column: labelColumns.min() ?? 0, row: headerRow).description
        func layoutIssue(_ message: String, _ hint: String) {
            var issue = DataIssue(.error, .unknownLayout, file: file, line: headerRow, message: message, hint: hint)
            issue.location = where0
            issues.append(issue)
        }
        if unitColumn == nil && mapping.unit == nil || indicatorColumn == nil && mapping.indicator == nil {
            let cols = labelColumns.sorted().map { CellReference.letters($0) }.joined(separator: ", ")
            layoutIssue(labelColumns.isEmpty
                        ? "the periods across row \(headerRow) have no labels on their left to say which unit and indicator each row is"
                        : "cannot tell which of the label columns (\(cols)) holds units and which indicators",
                        "head the label columns \"unit\" and \"indicator\" (or \"đơn vị\", \"chỉ tiêu\"), or say in a mapping file (\(WorkbookMapping.sidecarPath(for: file))) `unit: NAME` or `indicator: NAME` for a sheet with only one of them")
            return
        }
        records.append(CSVTable.Record(fields: ["unit", "indicator", "period", "value"], line: map.add(.init(row: headerRow, cells: [:])), isMalformed: false))
        var lastUnit: SheetCell?, lastIndicator: SheetCell?, lastKind: String?
        for row in grid.rows[firstData...] {
            guard let sheetRow = row.first?.reference.row else { continue }
            var byColumn = [Int: SheetCell]()
            for c in row { byColumn[c.reference.column] = c }
            let hasValues = periods.contains { byColumn[$0.column].map { !$0.value.isBlank } ?? false }
            let unitCell = unitColumn.flatMap { byColumn[$0] }.flatMap { $0.value.isBlank ? nil : $0 }
            let indicatorCell = indicatorColumn.flatMap { byColumn[$0] }.flatMap { $0.value.isBlank ? nil : $0 }
            if let unitCell { lastUnit = unitCell; if indicatorCell == nil { lastIndicator = nil } }
            if let indicatorCell { lastIndicator = indicatorCell }
            if let k = kindColumn.flatMap({ byColumn[$0] }) { lastKind = k.value.text.trimmed.lowercased() }
            guard hasValues else { continue }
            let u = unitCell ?? lastUnit, i = indicatorCell ?? lastIndicator
            let unit = mapping.unit ?? u?.value.text.trimmed ?? ""
            let label = i?.value.text.trimmed ?? ""
            let indicator = mapping.indicator ?? mapping.indicators[label] ?? label
            if let lastKind, !indicator.isEmpty, let kind = IndicatorKind(rawValue: lastKind) ?? Self.vietnameseKind(lastKind) {
                kinds[indicator] = kind
            }
            for p in periods {
                guard let cell = byColumn[p.column], !cell.value.isBlank else { continue }
                if case .formulaWithoutValue = cell.value {
                    issues.append(formulaIssue(cell, grid: grid, column: "value"))
                    continue
                }
                var cells = ["period": p.cell, "value": cell.reference]
                cells["unit"] = u?.reference ?? unitColumn.map { CellReference(column: $0, row: sheetRow) }
                cells["indicator"] = i?.reference ?? indicatorColumn.map { CellReference(column: $0, row: sheetRow) }
                let line = map.add(.init(row: sheetRow, cells: cells))
                var record = CSVTable.Record(fields: [unit, indicator, p.period.description, cell.value.text], line: line, isMalformed: false)
                if case .number(let v) = cell.value { record.numbers = [3: v] }
                records.append(record)
            }
        }
    }

    /// Two header rows: years above (often one merged cell over the year's columns, or the year once with blanks to
    /// its right, as a CSV export of merged cells has it) and each column's quarter or month below ("Quý I", "Q2",
    /// "Tháng 7", "T7"). Returns the periods of the lower row, each in the year of the nearest year at or left of
    /// its column (a year column with nothing below stays a year); nil when the row below names no quarter or month.
    private static func quartersUnderYears(_ years: [(column: Int, period: Period, cell: CellReference)],
                                   below: [SheetCell]) -> [(column: Int, period: Period, cell: CellReference)]? {
        guard !years.isEmpty else { return nil }
        var split = [(column: Int, period: Period, cell: CellReference)]()
        for c in below where !c.value.isBlank {
            guard case .text(let text) = c.value, PeriodHeader.period(of: c.value) == nil,
                  let year = years.last(where: { $0.column <= c.reference.column }), year.period.frequency == .year,
                  let p = PeriodHeader.period(of: "\(text) \(year.period.year)"), p.frequency != .year else { continue }
            split.append((c.reference.column, p, c.reference))
        }
        guard !split.isEmpty else { return nil }
        let taken = Set(split.map(\.column))
        let kept = years.filter { y in !taken.contains(y.column) && !split.contains { $0.period.year == y.period.year } }
        return (kept + split).sorted { $0.column < $1.column }
    }

    private static func vietnameseKind(_ text: String) -> IndicatorKind? {
        switch text {
        case "tỷ lệ", "ty le": return .share
        case "số lượng", "so luong", "đếm": return .count
        case "lũy kế", "luỹ kế", "luy ke": return .cumulative
        case "mức", "muc": return .level
        default: return nil
        }
    }
}
