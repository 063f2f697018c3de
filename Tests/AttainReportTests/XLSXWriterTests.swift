import Foundation
import Testing
import AttainSimulation
import AttainTestSupport
@testable import AttainReport

/// The `.xlsx` writer: what a spreadsheet program reads back (unzipped and parsed independently), the same bytes on
/// every write, escaping, and the briefing's summary table as a workbook.
@Suite("Workbook (.xlsx) writer")
struct XLSXWriterTests {
    static func sample() -> Workbook {
        var sheet = WorkbookSheet(name: "Kết quả")
        sheet.append([.text("Số liệu tính đến ngày 30 tháng 6 năm 2026", style: .caption)])
        sheet.appendBlankRow()
        sheet.appendHeader(["Chỉ tiêu", "Xác suất đạt", "Lượt", "Trung vị", "Năm", "Chênh lệch"])
        sheet.append([.text("P1-1a"), .number(0.7269, format: .percent(1)), .number(13552, format: .thousands(digits: 0)),
                      .number(82.75146484375, format: .decimal(digits: 3)), .integer(2026), .number(-0.031, format: .signedPercent(1))])
        sheet.append([.text("P1-7"), .number(Double.nan, format: .percent(1)), .empty, .number(1e-7), .integer(2030), .number(0.2, format: .signedPercent(1))])
        return Workbook(sheets: [sheet, WorkbookSheet(name: "Thông tin", rows: [[.text("Hạt giống"), .text("18446744073709551615")]])],
                        title: "Attain <test>")
    }

    @Test func cellsReadBackWithTheirTypesValuesAndFormats() throws {
        let book = try XLSXTestReader(data: Data(try XLSXWriter.bytes(Self.sample())))
        #expect(book.sheets.map(\.name) == ["Kết quả", "Thông tin"])
        let sheet = try #require(book.sheet("Kết quả"))
        #expect(sheet["A1"]?.text == "Số liệu tính đến ngày 30 tháng 6 năm 2026" && sheet["A1"]?.type == "s")
        #expect(sheet.row(2).isEmpty)
        #expect(sheet.texts(3) == ["Chỉ tiêu", "Xác suất đạt", "Lượt", "Trung vị", "Năm", "Chênh lệch"])
        let probability = try #require(sheet["B4"])
        #expect(probability.type == nil && probability.number == 0.7269 && probability.formatCode == "0.0%")
        #expect(sheet["C4"]?.number == 13552 && sheet["C4"]?.formatCode == "#,##0" && sheet["C4"]?.raw == "13552")
        #expect(sheet["D4"]?.number == 82.75146484375 && sheet["D4"]?.formatCode == "0.000")
        #expect(sheet["E4"]?.raw == "2026" && sheet["E4"]?.formatCode == "0")
        #expect(sheet["F4"]?.number == -0.031 && sheet["F4"]?.formatCode == "+0.0%;-0.0%;0.0%")
        // A non-finite number is a blank cell (its style kept), never "nan".
        #expect(sheet["B5"].map { $0.raw.isEmpty } ?? true)
        #expect(!sheet.xml.contains("nan") && !sheet.xml.contains("inf"))
        #expect(sheet["D5"]?.number == 1e-7)
        // Header: bold and shaded style; the pane is frozen below it (row 3).
        #expect(sheet.xml.contains("<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.xml.contains("<cols>") && sheet.xml.contains("customWidth=\"1\""))
        // A seed beyond 2^53 stays exact as text.
        #expect(book.sheet("Thông tin")?["B1"]?.text == "18446744073709551615")
        #expect(book.parts["docProps/core.xml"]?.contains("<dc:title>Attain &lt;test&gt;</dc:title>") == true)
        #expect(book.parts["docProps/core.xml"]?.contains("dcterms") == false)  // no dates
    }

    @Test func theSameWorkbookGivesTheSameBytesWithFixedEntryOrderAndDates() throws {
        let first = try XLSXWriter.bytes(Self.sample())
        let second = try XLSXWriter.bytes(Self.sample())
        #expect(first == second)
        var changed = Self.sample()
        changed.sheets[0].rows[3][1] = .number(0.7270, format: .percent(1))
        #expect(try XLSXWriter.bytes(changed) != first)
        let book = try XLSXTestReader(data: Data(first))
        #expect(book.entryPaths == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
                                    "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                                    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(book.entryDates.allSatisfy { $0 == XLSXWriter.entryDate })
        #expect(Set(book.entryDates.map { $0.timeIntervalSince1970 }) == [315_532_800])
    }

    @Test func textIsEscapedAndForbiddenCharactersAreDropped() throws {
        let nasty = "Tỷ lệ <công đoàn> & \"CNLĐ\" 'ước' \u{01}\u{0B}ok\u{FFFE} _x0041_ dòng 1\ndòng 2"
        let sheet = WorkbookSheet(name: "a[b]:c*d?e/f\\g — một tên rất dài hơn ba mươi mốt ký tự", rows: [[.text(nasty)]])
        let book = try XLSXTestReader(data: Data(try XLSXWriter.bytes(Workbook(sheets: [sheet, WorkbookSheet(name: "A-B-C-D-E-F-G")]))))
        let text = try #require(book.sheets.first?["A1"]?.text)
        // What a reader decodes: everything but the three characters XML forbids; `_x0041_` protected as `_x005F_x0041_`.
        #expect(text == "Tỷ lệ <công đoàn> & \"CNLĐ\" 'ước' ok _x005F_x0041_ dòng 1\ndòng 2")
        #expect(book.parts["xl/sharedStrings.xml"]?.contains("&lt;công đoàn&gt; &amp; &quot;CNLĐ&quot;") == true)
        let name = try #require(book.sheets.first?.name)
        #expect(name.count == 31 && !name.contains { "[]:*?/\\".contains($0) })
        #expect(XLSXWriter.sheetNames(["Kết quả", "kết quả", "", "x"]) == ["Kết quả", "kết quả (2)", "Sheet3", "x"])
    }

    @Test func columnNamesAndNumbersAreWrittenAsSpreadsheetsExpect() {
        #expect([0, 25, 26, 27, 701, 702].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
        #expect(XLSXWriter.numberText(2026) == "2026" && XLSXWriter.numberText(-3) == "-3")
        #expect(Double(XLSXWriter.numberText(0.1 + 0.2)) == 0.1 + 0.2)
        #expect(Double(XLSXWriter.numberText(1.0 / 3)) == 1.0 / 3)
    }

    @Test func aFailedWriteLeavesTheOldFile() throws {
        let dir = try RepositoryFiles.temporaryDirectory(["old.xlsx": "old"])
        let path = dir + "/old.xlsx"
        try XLSXWriter.write(Self.sample(), to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect([UInt8](written) == (try XLSXWriter.bytes(Self.sample())))
        #expect(throws: FileWriteError.self) { try XLSXWriter.write(Self.sample(), to: dir + "/missing/dir/x.xlsx") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["old.xlsx"])
    }

    @Test(arguments: ReportLanguage.allCases)
    func theBriefingSummaryIsTheSơKếtTableInTheBriefingsWords(language: ReportLanguage) throws {
        let input = SampleBriefing.input(illustrative: true, comparison: true)
        let book = try XLSXTestReader(data: Data(try XLSXWriter.bytes(Workbook.briefing(input, language: language))))
        let vi = language == .vi
        #expect(book.sheets.map(\.name) == (vi ? ["Sơ kết", "So sánh", "Thông tin"] : ["Summary", "Comparison", "About"]))
        let sheet = book.sheets[0]
        let headerRow = try #require(sheet.rowOf(text: vi ? "Mã" : "ID"))
        #expect(sheet.texts(headerRow) == (vi
            ? ["Mã", "Chỉ tiêu", "Đơn vị tính", "2023", "2024", "2025", "Ước đến hạn", "Năm đến hạn", "% so với chỉ tiêu", "Đánh giá", "Xác suất đạt"]
            : ["ID", "Target", "Unit", "2023", "2024", "2025", "Estimate at deadline", "Deadline", "% of target", "Status", "Probability"]))
        #expect(sheet.xml.contains("ySplit=\"\(headerRow)\""))
        // The cut-off and the illustrative warning above the table.
        let above = (1..<headerRow).flatMap { sheet.texts($0) }.joined(separator: " | ")
        #expect(above.contains(vi ? "Số liệu tính đến ngày 30 tháng 6 năm 2026" : "Data as of 30 June 2026"))
        #expect(above.contains(vi ? "Số liệu minh họa" : "Illustrative data"))
        // P1-1a: shares in points as the briefing shows them, status word, probability as a percentage.
        let row = try #require(sheet.rowOf(text: "P1-1a"))
        let cells = sheet.row(row)
        #expect(cells[3].number == 75.7 && cells[3].formatCode == "#,##0.0")
        #expect(cells[6].number.map { abs($0 - 84.6) < 1e-9 } == true)
        #expect(cells[7].raw == "2026")
        #expect(cells[8].formatCode == "0.0%" && cells[8].number.map { abs($0 - 0.846 / 0.9) < 1e-12 } == true)
        #expect(cells[9].text == (vi ? "Khó đạt" : "Off track"))
        #expect(cells[10].number == 0.062 && cells[10].formatCode == "0%")
        // P1-5's 2026 is year to date: not among the summary years; P1-7 has no 2023 (a blank cell).
        let contacts = try #require(sheet.rowOf(text: "P1-7"))
        #expect(sheet["D\(contacts)"] == nil && sheet["F\(contacts)"]?.number == 8000 && sheet["F\(contacts)"]?.formatCode == "#,##0")
        #expect(sheet.rowOf(text: vi ? "Giai đoạn 1 (2023–2026)" : "Phase 1 (2023–2026)") == row - 1)
        let comparison = book.sheets[1]
        let p = try #require(comparison.rowOf(text: "P1-1a"))
        #expect(comparison.row(p).compactMap(\.number).prefix(3).map { ($0 * 1000).rounded() / 1000 } == [0.062, 0.262, 0.2])
        let method = book.sheets[2].cells.values.map(\.text).joined(separator: " ")
        #expect(method.contains(vi ? "Hạt giống ngẫu nhiên 42" : "random seed 42") || method.contains(vi ? "hạt giống ngẫu nhiên 42" : "Random seed 42"))
    }

    @Test func noWarningWhenTheDataAreReal() throws {
        let book = try XLSXTestReader(data: Data(try XLSXWriter.bytes(Workbook.briefing(SampleBriefing.input(illustrative: false), language: .vi))))
        let all = book.sheets.flatMap { $0.cells.values.map(\.text) }
        #expect(!all.contains { $0.contains("Số liệu minh họa") })
        #expect(book.sheets.map(\.name) == ["Sơ kết", "Thông tin"])
    }
}
