import AttainTestSupport
import Foundation
import Testing
@testable import AttainData

/// Workbooks made by real producers (openpyxl and LibreOffice, by `Tests/Fixtures/xlsx/make-fixtures.sh`) from
/// CSVs with Vietnamese text, in the tidy and the wide layout, read to the same numbers as the CSV they came from.
@Suite struct RealProducerWorkbookTests {
    static let dir = RepositoryFiles.fixtures.appendingPathComponent("xlsx").path

    /// Each observation as unit|indicator|period|value|numerator|denominator, sorted.
    static func rows(_ path: String) -> [String] {
        let v = DataSet.validate(contentsOf: URL(fileURLWithPath: path))
        return (v.dataSet?.observations ?? []).map { o in
            "\(o.unit)|\(o.indicator)|\(o.period)|\(o.value)|\(o.numerator.map { "\($0)" } ?? "")|\(o.denominator.map { "\($0)" } ?? "")"
        }.sorted()
    }

    static func expectSame(_ workbook: String, as csv: String) {
        let v = DataSet.validate(contentsOf: URL(fileURLWithPath: workbook))
        #expect(v.issues.isEmpty, "\(workbook): \(v.issues)")
        let expected = rows(csv)
        #expect(!expected.isEmpty)
        #expect(rows(workbook) == expected, "\(workbook)")
    }

    @Test(arguments: ["tidy-openpyxl", "tidy-libreoffice"])
    func committedTidyWorkbooks(name: String) {
        Self.expectSame(Self.dir + "/\(name).xlsx", as: Self.dir + "/tidy.csv")
    }

    @Test(arguments: ["wide-openpyxl", "wide-libreoffice"])
    func committedWideWorkbooks(name: String) {
        Self.expectSame(Self.dir + "/\(name).xlsx", as: Self.dir + "/wide.csv")
        #expect(Self.rows(Self.dir + "/\(name).xlsx").count == 136)
    }

    /// The wide CSV and the wide workbooks import to the same tidy CSV, byte for byte.
    @Test func wideImportsAgree() {
        let csv = DataSet.tidyTable(contentsOf: Self.dir + "/wide.csv").csv
        #expect(csv.hasPrefix("unit,indicator,period,value\nKCN Hòa Phú,enterprises_with_union,2019,0.6429\n"))
        for name in ["wide-openpyxl", "wide-libreoffice"] {
            #expect(DataSet.tidyTable(contentsOf: Self.dir + "/\(name).xlsx").csv == csv, "\(name)")
        }
    }

    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    static let producersPresent = onPath("soffice") && onPath("python3") && run("python3", ["-c", "import openpyxl"]) == 0

    /// Made again now, by the producers installed here, into a temporary directory: the same numbers.
    @Test(.enabled(if: producersPresent, "soffice (apt-get install libreoffice-calc-nogui) or openpyxl (pip install openpyxl) is not installed"))
    func freshlyMadeWorkbooksReadToTheCSVsNumbers() throws {
        let out = try RepositoryFiles.temporaryDirectory([:])
        #expect(Self.run("bash", [Self.dir + "/make-fixtures.sh", out]) == 0)
        for layout in ["tidy", "wide"] {
            for producer in ["openpyxl", "libreoffice"] {
                Self.expectSame(out + "/\(layout)-\(producer).xlsx", as: Self.dir + "/\(layout).csv")
            }
        }
    }

    /// notebooks-data/district-wide.xlsx (both sheets, through its mapping sidecar) holds district.csv's values
    /// (as written there, to four decimals: the CSV's shares are read as numerator / denominator).
    @Test func notebooksWideWorkbookHoldsTheDistrictValues() {
        func values(_ path: String) -> [String] {
            let v = DataSet.validate(contentsOf: URL(fileURLWithPath: RepositoryFiles.path(path)))
            #expect(v.issues.isEmpty, "\(path): \(v.issues)")
            return (v.dataSet?.observations ?? []).map { "\($0.unit)|\($0.indicator)|\($0.period)|\(String(format: "%.4f", $0.value))" }
        }
        let book = values("notebooks-data/district-wide.xlsx#Năm") + values("notebooks-data/district-wide.xlsx#Quý")
        #expect(book.count == 70 && book.sorted() == values("notebooks-data/district.csv").sorted())
    }
}
