import AttainTestSupport
import Foundation
import Testing

/// `attain validate` and `attain import` on workbooks, as a user runs them: sheets named with `#`, wide sheets,
/// and every kind of bad workbook a clear message and exit 1.
@Suite("attain import and workbooks", .serialized)
struct WorkbookCommandTests {
    static let fixtures = "Tests/Fixtures/xlsx/"

    @Test func importWritesTheTidyCSVAndItValidates() throws {
        let dir = try RepositoryFiles.temporaryDirectory([:])
        let out = dir + "/tidy.csv"
        let r = try AttainProcess.run(["import", Self.fixtures + "wide-openpyxl.xlsx#Theo năm", "--out", out])
        #expect(r.status == 0, "\(r.standardError)")
        #expect(r.standardOutput.isEmpty)
        #expect(r.standardError.contains("wrote \(out): 136 rows; "))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("unit,indicator,period,value\nKCN Hòa Phú,enterprises_with_union,2019,0.6429\n"))
        let printed = try AttainProcess.run(["import", Self.fixtures + "wide-libreoffice.xlsx"])
        #expect(printed.status == 0 && printed.standardOutput == text, "LibreOffice's workbook imports to the same bytes")
        let check = try AttainProcess.run(["validate", out])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("ok — 24 series, 4 units, 6 indicators, 7 periods (2019 … 2025)"))
    }

    @Test func validateNamesSheetAndCell() throws {
        let dir = try RepositoryFiles.temporaryDirectory([:])
        try XLSXBuilder.simple(sheet: "Số liệu", rows: [
            ["Báo cáo"], ["Đơn vị", "Chỉ tiêu", "Năm 2023", "Năm 2024"], ["Huyện A", "events", "3", "ba"],
        ]).write(to: dir + "/data.xlsx")
        let r = try AttainProcess.run(["validate", dir + "/data.xlsx#Số liệu"])
        #expect(r.status == 1)
        #expect(r.standardOutput.contains("\(dir)/data.xlsx, sheet Số liệu, D3"), "\(r.standardOutput)")
        #expect(r.standardOutput.contains(#"value "ba" is not a number"#))
        let json = try AttainProcess.run(["validate", dir + "/data.xlsx", "--format", "json"])
        #expect(json.standardOutput.contains(#""location": "sheet Số liệu, D3""#), "\(json.standardOutput)")
    }

    /// Each bad workbook: exit 1 and a message that says what the file is and how to fix it.
    @Test func badWorkbooksExitOneWithAClearMessage() throws {
        let dir = try RepositoryFiles.temporaryDirectory(["text.xlsx": "unit,indicator,period,value\n"])
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: URL(fileURLWithPath: dir + "/old.xls"))
        try XLSXBuilder.simple(rows: [["unit", "indicator", "period", "value"], ["A", "e", "2024", "1"]]).write(to: dir + "/bomb.xlsx")
        try XLSXBuilder.patchDeclaredSize(at: dir + "/bomb.xlsx", entry: "xl/worksheets/sheet1.xml", to: 0xF000_0000)
        try XLSXBuilder(sheets: [.init(name: "S", sheetData: XLSXBuilder.sheetData([["unit", "indicator", "period", "value"]])
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>e</t></is></c><c r="C2"><v>2024</v></c><c r="D2"><f>1+1</f></c></row>"#)])
            .write(to: dir + "/formula.xlsx")
        let cases: [(String, String)] = [
            ("old.xls", "old binary Excel workbook (.xls) or a password-protected (encrypted) workbook"),
            ("text.xlsx", "not an .xlsx workbook"),
            ("bomb.xlsx", "zip bomb"),
            ("formula.xlsx", "D2 holds a formula (=1+1) with no saved value"),
            ("formula.xlsx", "formula.xlsx, sheet S, D2"),
            ("formula.xlsx#Nope", #"the workbook has no sheet "Nope"; its sheets are: S"#),
        ]
        for (file, message) in cases {
            for command in ["validate", "import"] {
                let r = try AttainProcess.run([command, dir + "/" + file])
                #expect(r.status == 1, "\(command) \(file): \(r.status) \(r.standardError)")
                #expect((r.standardOutput + r.standardError).contains(message), "\(command) \(file): \(r.standardOutput) \(r.standardError)")
            }
        }
        let missing = try AttainProcess.run(["import", dir + "/none.xlsx"])
        #expect(missing.status == 1 && missing.standardError.contains("does not exist"))
    }

    @Test func scenarioDataEntryNamesAWorkbookSheet() throws {
        let dir = try RepositoryFiles.temporaryDirectory([:])
        try FileManager.default.copyItem(atPath: RepositoryFiles.path(Self.fixtures + "wide-openpyxl.xlsx"), toPath: dir + "/data.xlsx")
        try """
            version: 1
            name: workbook
            data:
              - data.xlsx#Theo năm
            targets: targets.yaml
            unit: "CCN Đoan Bái"
            cutoff: 2025-12-31
            horizon: 2030
            indicators:
              - name: youth_groups_founded
                kind: count
                model: auto

            """.write(toFile: dir + "/s.yaml", atomically: true, encoding: .utf8)
        try """
            version: 1
            targets:
              - id: T1
                indicator: youth_groups_founded
                kind: cumulative-count
                window: 2026-2030
                at-least: 4

            """.write(toFile: dir + "/targets.yaml", atomically: true, encoding: .utf8)
        let check = try AttainProcess.run(["validate", dir + "/s.yaml"])
        #expect(check.status == 0, "\(check.standardOutput) \(check.standardError)")
        let run = try AttainProcess.run(["run", dir + "/s.yaml", "--paths", "200", "--seed", "1"])
        #expect(run.status == 0, "\(run.standardOutput) \(run.standardError)")
        #expect(run.standardOutput.contains("T1"), "\(run.standardOutput)")
    }

    /// The README's workbook example: the scenario reading both sheets of notebooks-data/district-wide.xlsx gives
    /// the same table as the same scenario on district.csv.
    @Test func notebooksWorkbookScenarioMatchesTheCSV() throws {
        let scenario = try String(contentsOfFile: RepositoryFiles.path("scenarios/workbook/from-workbook.yaml"), encoding: .utf8)
        let csv = scenario.replacingOccurrences(of: "  - ../../notebooks-data/district-wide.xlsx#Năm\n  - ../../notebooks-data/district-wide.xlsx#Quý\n",
                                                with: "  - ../../notebooks-data/district.csv\n")
        #expect(csv != scenario)
        let path = RepositoryFiles.path("scenarios/workbook/.from-csv-\(UUID().uuidString).yaml")
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromWorkbook = try AttainProcess.run(["run", "scenarios/workbook/from-workbook.yaml", "--paths", "2000", "--seed", "42"])
        let fromCSV = try AttainProcess.run(["run", path, "--paths", "2000", "--seed", "42"])
        #expect(fromWorkbook.status == 0, "\(fromWorkbook.standardError)")
        #expect(fromWorkbook.standardOutput.contains("P1-8") && fromWorkbook.standardOutput == fromCSV.standardOutput)
    }
}
