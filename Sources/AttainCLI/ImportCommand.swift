import ArgumentParser
import Attain
import Foundation

/// `attain import FILE[#Sheet]`: writes the tidy CSV a workbook (or a wide CSV table) maps to, so users see and keep
/// what Attain read.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the tidy CSV a workbook sheet (or a wide CSV table) is read as.",
        discussion: """
            FILE is an .xlsx workbook (its first sheet, or the sheet named after #: data.xlsx#"Số liệu"), or a CSV \
            file. A sheet is either tidy (a header row with unit, indicator, period, value or numerator and \
            denominator; title rows above it are skipped) or wide: units or indicators down the rows, periods across \
            the columns (2024, Năm 2024, 2025-Q3, Q3/2025, Quý III/2025, Tháng 7/2025). A mapping file (--mapping, or \
            data.mapping.yaml beside data.xlsx) says what the sheet cannot: header_row, unit, indicator, indicators \
            (row label → indicator name), kinds.

            The CSV has the columns unit, indicator, period, value (a tidy sheet keeps its own columns); numbers typed \
            as numbers are written in full, text as it was typed. --out is written whole or not at all; without it \
            the CSV goes to standard output. Then every problem the data has is listed on standard error, naming \
            the workbook, sheet and cell, as `attain validate` would.

            Exit codes: 0 written and clean (or warnings only), 1 a problem in the input (a file that is not a \
            workbook, a missing sheet, a cell that is not a number…), 2 a usage error.
            """)

    @Argument(help: ArgumentHelp("Workbook (.xlsx, optionally #Sheet) or CSV file.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Mapping file (YAML) for a wide sheet.", valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("Write the CSV here (whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        try reportingErrors {
            let map = try mapping.map { path throws(DataError) in try WorkbookMapping.load(contentsOf: URL(fileURLWithPath: path)) }
            let (workbook, _) = DataFilePath.split(file)
            guard FileManager.default.fileExists(atPath: workbook) else {
                Console.error("error: \(workbook): cannot open the file: it does not exist (check the path)")
                throw ExitCode(1)
            }
            let table = DataSet.tidyTable(contentsOf: file, mapping: map)
            if table.columns.isEmpty {
                for issue in table.issues { Console.error("error: \(issue.description)") }
                throw ExitCode(1)
            }
            let text = table.csv
            if let out {
                try AtomicFileWriter.write(text, to: out)
            } else {
                Console.out(text)
            }
            let check = DataSet.validate(contentsOf: URL(fileURLWithPath: file), options: .init(mapping: map))
            for issue in check.issues { Console.error(issue.description) }
            let what = out.map { "wrote \($0): " } ?? ""
            Console.error("\(what)\(table.rows.count) rows; \(ValidateCommand.summaryLine(check))")
            if check.hasErrors { throw ExitCode(1) }
        }
    }
}
