import Foundation

/// A data file's path as the user may write it: `data.xlsx#Số liệu` names a sheet of a workbook.
public enum DataFilePath {
    /// The file and the sheet named after its last `#` (nil when none: a file whose own name has a `#` is taken
    /// whole when it exists).
    public static func split(_ path: String) -> (file: String, sheet: String?) {
        guard let hash = path.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: path) else { return (path, nil) }
        let sheet = String(path[path.index(after: hash)...])
        return (String(path[..<hash]), sheet.isEmpty ? nil : sheet)
    }

    /// Whether the file is a workbook (or claims to be one): an `.xlsx`-family or `.xls` name, or a zip or OLE
    /// compound file's first bytes.
    public static func isWorkbook(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xltx", "xltm", "xls"].contains(ext) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }
}

/// A data file's rows as tidy columns: what `attain import` writes, so users see and keep what Attain read.
public struct TidyTable: Sendable {
    /// The column names (the first row).
    public var columns: [String]
    /// The rows' fields; numbers typed as numbers in the shortest form that reads back exactly.
    public var rows: [[String]]
    /// Problems that kept the file, or some of its cells, from being read (each names its sheet and cell).
    public var issues: [DataIssue]

    /// The table as CSV text (comma-separated, fields quoted where needed, LF line ends).
    public var csv: String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.first == " " || s.last == " "
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = columns.map(field).joined(separator: ",") + "\n"
        for r in rows { out += r.map(field).joined(separator: ",") + "\n" }
        return out
    }
}

extension DataSet {
    /// Checks a workbook's sheet (`sheet` nil: the first), in the tidy or the wide layout (see ``TableLayout``).
    /// Every issue names the workbook, the sheet and the cell.
    static func validateWorkbook(at path: String, sheet: String?, name: String, options: Options) -> DataValidation {
        switch readWorkbookGrid(at: path, sheet: sheet, name: name) {
        case .failure(let issue): return DataValidation(file: name, issues: [issue], dataSet: nil)
        case .success(let grid):
            let mapping: WorkbookMapping
            switch resolveMapping(options, path: path, name: name) {
            case .success(let m): mapping = m.forSheet(grid.sheet)
            case .failure(let issue): return DataValidation(file: name, issues: [issue], dataSet: nil)
            }
            guard let layout = TableLayout.make(grid, file: name, mapping: mapping, fallback: true) else {
                let where_ = grid.sheet.map { "sheet \($0)" } ?? ""
                var issue = DataIssue(.error, .emptyFile, file: name, line: 0, message: "\(where_.isEmpty ? "the sheet" : where_) is empty",
                                      hint: "put the data on the first sheet, or name its sheet after #, e.g. \(name)#Sheet1")
                issue.location = where_.isEmpty ? nil : where_
                return DataValidation(file: name, issues: [issue], dataSet: nil)
            }
            return validate(layout, file: name, delimiter: ",", mapping: mapping, options: options)
        }
    }

    /// A wide CSV table's check, or nil when the grid is not wide (the caller reports the tidy header's problems).
    static func validateWide(_ grid: SheetGrid, file: String, delimiter: Character, options: Options) -> DataValidation? {
        let mapping: WorkbookMapping
        switch resolveMapping(options, path: file, name: file) {
        case .success(let m): mapping = m
        case .failure(let issue): return DataValidation(file: file, issues: [issue], dataSet: nil)
        }
        guard let layout = TableLayout.make(grid, file: file, mapping: mapping), layout.isWide,
              !layout.issues.contains(where: { $0.code == .unknownLayout }) else { return nil }
        return validate(layout, file: file, delimiter: delimiter, mapping: mapping, options: options)
    }

    private static func validate(_ layout: TableLayout, file: String, delimiter: Character, mapping: WorkbookMapping,
                                 options: Options) -> DataValidation {
        let layoutIssues = layout.issues.map { issue -> DataIssue in
            var i = issue
            i.file = file
            return i
        }
        // Nothing to read, or every row kept out by a layout problem (a formula without its value): those alone.
        if layout.records.count <= 1 && (!layoutIssues.isEmpty || layout.records.isEmpty) {
            return DataValidation(file: file, issues: sorted(layoutIssues), dataSet: nil)
        }
        var stream = RecordList(layout.records, delimiter: delimiter)
        var stated = options
        stated.kinds = layout.kinds.merging(mapping.kinds) { $1 }.merging(options.kinds) { $1 }
        var v = validate(records: &stream, source: file, options: stated)
        v.issues = sorted(layoutIssues + v.issues.map(layout.map.place))
        if var data = v.dataSet {
            let kinds = data.knownKinds
            data.observations = data.observations.map { o in
                var o = o
                o.line = layout.map.row(line: o.line) ?? o.line
                return o
            }
            data.knownKinds = kinds
            data.issues = v.issues
            v.dataSet = data
        }
        return v
    }

    /// The grid of a workbook's sheet, or the issue that kept it from being read.
    static func readWorkbookGrid(at path: String, sheet: String?, name: String) -> Result<SheetGrid, DataIssue> {
        do {
            var book = try WorkbookFile(url: URL(fileURLWithPath: path))
            return .success(try book.grid(sheet: sheet))
        } catch {
            let code: DataIssue.Code
            switch error {
            case .missingSheet: code = .missingSheet
            case .tooLarge: code = .workbookTooLarge
            default: code = .notAWorkbook
            }
            return .failure(DataIssue(.error, code, file: name, line: 0, message: error.message,
                                      hint: error.hint.replacingOccurrences(of: "file.xlsx#", with: "\(name)#")))
        }
    }

    /// The mapping in the options, else the sidecar beside the file, else none.
    private static func resolveMapping(_ options: Options, path: String, name: String) -> Result<WorkbookMapping, DataIssue> {
        if let m = options.mapping { return .success(m) }
        let sidecar = WorkbookMapping.sidecarPath(for: path)
        guard FileManager.default.fileExists(atPath: sidecar) else { return .success(WorkbookMapping()) }
        do { return .success(try WorkbookMapping.load(contentsOf: URL(fileURLWithPath: sidecar))) } catch {
            return .failure(DataIssue(.error, .unknownLayout, file: WorkbookMapping.sidecarPath(for: name), line: 0,
                                      message: error.description, hint: "correct the mapping file, or remove it"))
        }
    }

    /// The tidy table a data file maps to (a workbook's sheet, a wide or tidy CSV), as `attain import` writes it.
    /// `path` may name a sheet (`data.xlsx#Số liệu`).
    public static func tidyTable(contentsOf path: String, mapping: WorkbookMapping? = nil) -> TidyTable {
        let (file, sheet) = DataFilePath.split(path)
        let name = sheet == nil ? path : String(path[..<path.lastIndex(of: "#")!])
        var options = Options()
        options.mapping = mapping
        let grid: SheetGrid
        if sheet != nil || DataFilePath.isWorkbook(file) {
            switch readWorkbookGrid(at: file, sheet: sheet, name: name) {
            case .failure(let issue): return TidyTable(columns: [], rows: [], issues: [issue])
            case .success(let g): grid = g
            }
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                return TidyTable(columns: [], rows: [], issues: [DataIssue(.error, .unreadable, file: name, line: 0,
                                                                            message: "cannot open the file", hint: "check the path and the file's permissions")])
            }
            switch TextDecoding.decode(data, file: name) {
            case .failure(let issue): return TidyTable(columns: [], rows: [], issues: [issue])
            case .success(let text):
                let table = CSVTable(text: text, file: name)
                let wide = table.header.map { RowReader.make(header: $0, file: name) }.map { r -> Bool in
                    if case .failure = r { return true } else { return false }
                } ?? false
                let candidates = wide ? wideCandidates(text, source: name, first: table.delimiter) : []
                grid = candidates.first { TableLayout.make($0.1, file: name, mapping: mapping ?? WorkbookMapping())?.isWide ?? false }?.1
                    ?? SheetGrid(csvRecords: table.allRecords)
            }
        }
        let m: WorkbookMapping
        switch resolveMapping(options, path: file, name: name) {
        case .success(let found): m = found.forSheet(grid.sheet)
        case .failure(let issue): return TidyTable(columns: [], rows: [], issues: [issue])
        }
        guard let layout = TableLayout.make(grid, file: name, mapping: m, fallback: true), let header = layout.records.first else {
            return TidyTable(columns: [], rows: [], issues: [DataIssue(.error, .emptyFile, file: name, line: 0, message: "the sheet is empty",
                                                                       hint: "put the data on the first sheet, or name its sheet after #")])
        }
        let issues = layout.issues.map { issue -> DataIssue in
            var i = issue
            i.file = name
            return i
        }
        // Numbers typed as text (`"0,8302"`) are written as the number they are read as, with the decimal mark
        // the file's other values show; text that is no number is kept as typed (validation reports it).
        let numeric = Set(header.fields.enumerated().filter { ["value", "numerator", "denominator"].contains($0.element.trimmed.lowercased()) }.map(\.offset))
        var evidence = NumberReader.Evidence()
        let provisional = NumberReader.provisional()
        for r in layout.records.dropFirst() {
            for i in numeric where i < r.fields.count && r.numbers[i] == nil && !r.fields[i].trimmed.isEmpty {
                _ = provisional.read(r.fields[i], noting: &evidence)
            }
        }
        let reader = NumberReader(delimiter: ",", evidence: evidence)
        let rows = layout.records.dropFirst().map { r in
            r.fields.enumerated().map { i, f -> String in
                if let v = r.numbers[i] { return CellValue.render(v) }
                guard numeric.contains(i), !f.trimmed.isEmpty, case .success(let v) = reader.read(f) else { return f }
                return CellValue.render(v)
            }
        }
        return TidyTable(columns: header.fields, rows: rows, issues: issues)
    }
}

extension CSVTable {
    /// The header and the rows together.
    var allRecords: [Record] { (header.map { [$0] } ?? []) + rows }
}
