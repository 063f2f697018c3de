/// Where each record a grid was mapped to came from, so the row checks' messages name the sheet and cell
/// (`sheet Số liệu, D7`) rather than a line of the records.
struct SourceMap {
    /// One record's origin: the sheet row, and the cell behind each tidy column (empty for a tidy sheet, whose
    /// columns are the same on every row: ``columns``).
    struct Origin {
        var row: Int
        var cells: [String: CellReference]
    }

    /// A tidy sheet's columns (lower-cased header → column), shared by every row.
    var columns: [String: Int] = [:]

    private func cells(of o: Origin) -> [String: CellReference] {
        if !o.cells.isEmpty || columns.isEmpty { return o.cells }
        return columns.mapValues { CellReference(column: $0, row: o.row) }
    }

    /// `sheet Số liệu, ` for a workbook, empty for a CSV file.
    let prefix: String
    /// Indexed by record line − 1 (the header is line 1).
    private(set) var origins: [Origin] = []

    init(sheet: String?) {
        prefix = sheet.map { "sheet \($0), " } ?? ""
    }

    /// Adds the next record's origin; returns the record's line.
    mutating func add(_ origin: Origin) -> Int {
        origins.append(origin)
        return origins.count
    }

    /// The sheet row of record line `line`.
    func row(line: Int) -> Int? {
        guard line >= 1, line <= origins.count else { return nil }
        return origins[line - 1].row
    }

    /// The location of `column` (nil: the value cell, else the row) on record line `line`.
    func location(line: Int, column: String?) -> (row: Int, text: String)? {
        guard line >= 1, line <= origins.count else { return nil }
        let o = origins[line - 1]
        let cells = cells(of: o)
        let cell = column.flatMap { cells[$0] } ?? cells["value"]
        return (o.row, prefix + (cell.map(\.description) ?? "row \(o.row)"))
    }

    /// The cell a message's "line N" stands for (the value cell).
    private func cell(line: Int) -> String? {
        guard line >= 1, line <= origins.count else { return nil }
        let o = origins[line - 1]
        let cells = cells(of: o)
        return (cells["value"] ?? cells.values.min()).map(\.description) ?? "row \(o.row)"
    }

    /// `issue` placed on the sheet: its location, its row, and "line 7" / "lines 7, 9" in its text as cells.
    func place(_ issue: DataIssue) -> DataIssue {
        var out = issue
        guard issue.location == nil, let (row, text) = location(line: issue.line, column: issue.column) else { return issue }
        out.location = text
        out.line = row
        out.message = relabel(issue.message).replacingOccurrences(of: " on cell ", with: " in ")
        out.hint = relabel(issue.hint)
        return out
    }

    /// Rewrites `line 7` and `lines 7, 9` (and `lines 7 and 9`) as cells.
    func relabel(_ text: String) -> String {
        guard text.contains("line") else { return text }
        var out = "", rest = Substring(text)
        while let r = rest.range(of: "line") {
            out += rest[..<r.lowerBound]
            var i = r.upperBound
            let plural = i < rest.endIndex && rest[i] == "s"
            if plural { i = rest.index(after: i) }
            var numbers = [Int](), separators = [String](), j = i
            // " 7", ", 9", " and 9"
            while true {
                var k = j
                var sep = ""
                for candidate in [", ", " and ", " "] where rest[k...].hasPrefix(candidate) && (numbers.isEmpty == (candidate == " ")) {
                    sep = candidate
                    k = rest.index(k, offsetBy: candidate.count)
                    break
                }
                guard !sep.isEmpty else { break }
                let digits = rest[k...].prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, let n = Int(digits), let c = cell(line: n) else { break }
                numbers.append(n)
                separators.append(sep == " " ? "" : sep)
                _ = c
                j = rest.index(k, offsetBy: digits.count)
            }
            if numbers.isEmpty {
                out += rest[r.lowerBound..<i]
                rest = rest[i...]
                continue
            }
            out += numbers.count == 1 && !plural ? "cell " : "cells "
            for (n, sep) in zip(numbers, separators) { out += sep + (cell(line: n) ?? String(n)) }
            rest = rest[j...]
        }
        return out + rest
    }
}
