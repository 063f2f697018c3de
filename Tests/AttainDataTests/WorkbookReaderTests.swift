import AttainTestSupport
import Foundation
import Testing
@testable import AttainData

/// Writes `builder` to a fresh temporary `name` and returns its path.
func workbook(_ builder: XLSXBuilder, name: String = "data.xlsx") throws -> String {
    let dir = try RepositoryFiles.temporaryDirectory([:])
    let path = dir + "/" + name
    try builder.write(to: path)
    return path
}

/// Validates the workbook at `path` (optionally `#sheet`).
func checkBook(_ path: String, options: DataSet.Options = .init()) -> DataValidation {
    DataSet.validate(contentsOf: URL(fileURLWithPath: path), options: options)
}

/// The cells of the workbook reader: every cell type, references, dates, merges.
@Suite struct WorkbookReaderTests {
    @Test func cellReferencesReadAndPrint() {
        #expect(CellReference("D7") == CellReference(column: 3, row: 7))
        #expect(CellReference("$AB$12") == CellReference(column: 27, row: 12))
        #expect(CellReference("XFD1048576")?.column == 16_383)
        for bad in ["", "7", "D", "D0", "7D", "ABCD1", "D-1", "XFE1"] { #expect(CellReference(bad) == nil, "\(bad)") }
        for c in [0, 25, 26, 27, 701, 702, 16_383] { #expect(CellReference(CellReference.letters(c) + "1")?.column == c) }
        #expect(CellReference(column: 27, row: 12).description == "AB12")
    }

    @Test func everyCellTypeReads() throws {
        var b = XLSXBuilder(sheets: [.init(name: "S", sheetData: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Quý </t></r><r><t>III</t></r></is></c>\
            <c r="C1"><v>1234.5</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c></row>\
            <row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>Hòax</v></c><c r="B2"><f>SUM(C1,1)</f><v>1235.5</v></c>\
            <c r="C2"><f>SUM(C1,2)</f></c><c r="D2" s="1"><v>45658</v></c><c r="E2" t="d"><v>2025-07-01T00:00:00</v></c></row>\
            <row r="4"><c t="inlineStr"><is><t>no r</t></is></c><c><v>7</v></c><c r="E4" t="s"><v>1</v></c></row>
            """)], sharedStrings: ["Huyện Hiệp Hòa", ""])
        b.sheets[0].after = ""
        var book = try WorkbookFile(url: URL(fileURLWithPath: try workbook(b)))
        #expect(book.sheetNames == ["S"])
        let grid = try book.grid()
        let cells = Dictionary(uniqueKeysWithValues: grid.rows.flatMap { $0 }.map { ($0.reference.description, $0.value) })
        #expect(cells["A1"] == .text("Huyện Hiệp Hòa"))
        #expect(cells["B1"] == .text("Quý III"))
        #expect(cells["C1"] == .number(1234.5))
        #expect(cells["D1"] == .bool(true))
        #expect(cells["E1"] == .error("#DIV/0!"))
        #expect(cells["A2"] == .text("Hòax"))
        #expect(cells["B2"] == .number(1235.5))
        #expect(cells["C2"] == .formulaWithoutValue("SUM(C1,2)"))
        #expect(cells["D2"] == .date(year: 2025, month: 1, day: 1))
        #expect(cells["E2"] == .date(year: 2025, month: 7, day: 1))
        #expect(cells["A4"] == .text("no r") && cells["B4"] == .number(7))
        #expect(cells["E4"] == nil, "an empty shared string is an empty cell")
        #expect(grid.rows.count == 3, "row 3 is empty and left out")
    }

    /// libxml2 refuses a single chunk over 10 MB ("huge input lookup"): a large sheet is fed to the parser in parts.
    @Test func sheetOverTenMegabytesReads() throws {
        let rows = XLSXBuilder.sheetData([["unit", "indicator", "period", "value"], ["A", "events", "2024", "3"]])
        let tail = XLSXBuilder.sheetData([["A", "events", "2025", "4"]], firstRow: 3)
        let b = XLSXBuilder(sheets: [.init(name: "S", sheetData: rows + String(repeating: " ", count: 11 << 20) + tail)])
        let v = checkBook(try workbook(b))
        #expect(v.issues.isEmpty, "\(v.issues)")
        #expect(v.dataSet?.observations.count == 2)
    }

    /// A large sheet is cut in two at a `<row r=…>` and read on two threads: the same rows, in order.
    @Test func largeSheetReadInTwoHalvesGivesEveryRowInOrder() throws {
        var rows = [["unit", "indicator", "period", "value"]]
        for i in 0..<70_000 { rows.append(["Xã \(i / 100)", "events", String(1926 + i % 100), String(i % 7)]) }
        let xml = XLSXBuilder.sheetData(rows)
        let data = Data("<worksheet><sheetData>\(xml)</sheetData></worksheet>".utf8)
        #expect(data.count > SheetReader.splitBytes)
        #expect(SheetReader.split(data).count == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1))
        let grid = try SheetReader.read(data, part: "sheet", shared: [], parts: WorkbookParts(), name: "S")
        #expect(grid.rows.count == rows.count)
        #expect(grid.rows.map { $0.first?.reference.row ?? 0 } == Array(1...rows.count))
        #expect(grid.rows[35_001].map(\.value.text) == rows[35_001])
        // a comment anywhere: read in one pass
        #expect(SheetReader.split(Data("<!-- x -->".utf8) + data).count == 1)
    }

    /// Parts written with a namespace prefix (`x:c`, `x:v`, as some producers write them) read like those without,
    /// one-letter element names included.
    @Test func prefixedElementNamesRead() throws {
        let xml = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>unit</x:t></x:is></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row>\
            <x:row r="2"><x:c r="A2" t="str"><x:f>A1</x:f><x:v>unit</x:v></x:c></x:row>\
            </x:sheetData><x:mergeCells><x:mergeCell ref="B1:B2"/></x:mergeCells></x:worksheet>
            """
        let grid = try SheetReader.read(Data(xml.utf8), part: "sheet", shared: [], parts: WorkbookParts(), name: "S")
        #expect(grid.rows.map { $0.map(\.value) } == [[.text("unit"), .number(2.5)], [.text("unit"), .number(2.5)]])
    }

    /// libxml2 driven directly (SheetSAX) reads every sheet as XMLParser does: the same cells, or the same error.
    @Test func libxml2ReadsAsXMLParserDoes() throws {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        func sheet(_ rows: String, tail: String = "") -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet \(main)><sheetData>\(rows)</sheetData>\(tail)</worksheet>" }
        let cases = [
            sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a b </t></is></c></row>"#),
            sheet(#"<row r="2"><c r="A2" t="inlineStr"><is><r><t>Xã </t></r><r><rPr><b/></rPr><t>Số &amp; &#x41;&#66;&lt;1&gt;</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>"#),
            sheet(#"<row r="3"><c r="A3" s="1"><v> 45658 </v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="d"><v>2025-07-01T00:00:00</v></c><c r="E3" t="str"><f>A1&amp;"x"</f><v>x</v></c><c r="F3"><f>SUM(A3)</f></c><c r="G3" t="s"><v>1</v></c></row>"#),
            sheet(#"<row><c t="inlineStr"><is><t>no r</t></is></c><c><v>7</v></c></row><row r="9" spans="1:2"><c r="B9"><v>1.5e-7</v></c><c x:r="Z9" xmlns:x="urn:x" r="C9"><v>2</v></c></row>"#,
                  tail: #"<mergeCells count="1"><mergeCell ref="B9:B10"/></mergeCells>"#),
            sheet("<row r=\"1\">\n  <c r=\"A1\">\n    <v>3</v>\n  </c>\n</row>\n"),
            sheet(#"<row r="1"><c r="A1"><v>3</v></c></row><!-- a comment --><row r="2"><c r="A2"><v><![CDATA[4]]></v></c></row>"#),
            // not well formed: each is reported as XMLParser reports it
            sheet(#"<row r="1"><c r="A1"><v>3</v></row>"#),
            sheet(#"<row r="1"><c r="A1" r="B1"><v>3</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&nbsp;</v></c></row>"#),
            "<wor",
            "",
        ]
        var parts = WorkbookParts()
        parts.dateStyles = [false, true]
        for xml in cases {
            func grid(_ libxml2: Bool) -> Result<[[SheetCell]], XLSXArchive.Failure> {
                do { return .success(try SheetReader.read(Data(xml.utf8), part: "p", shared: ["a", "b"], parts: parts, name: "S", libxml2: libxml2).rows) }
                catch { return .failure(error) }
            }
            #expect(grid(true) == grid(false), "\(xml)")
        }
        // libxml2 alone reports no error where XMLParser reports none (`<wor`: neither ends the document); the others
        // are read again through XMLParser (and a part with `<!` goes there first)
        let alone = cases.map { SheetSAX.parse(Data($0.utf8), into: SheetReader(shared: ["a", "b"], parts: parts, rowsBefore: 0)) }
        #expect(alone == [true, true, true, true, true, true, false, false, false, true, false])
        // white space alone is text too
        let first = try SheetReader.read(Data(cases[0].utf8), part: "p", shared: [], parts: parts, name: "S")
        #expect(first.rows.first?.map(\.value) == [.text(" "), .text(" a b ")])
    }

    /// The shared strings too: libxml2 directly reads them as XMLParser does.
    @Test func libxml2ReadsSharedStringsAsXMLParserDoes() throws {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let cases = [
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<sst \(main) count=\"4\">"
                + #"<si><t>a</t></si><si><r><t>Xã </t></r><r><rPr><b/></rPr><t xml:space="preserve">Số &amp; &#x41; </t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><si><t/></si><si><t> </t></si></sst>"#,
            "<x:sst xmlns:x=\"urn:x\"><x:si><x:t>p</x:t></x:si>\n<x:si><x:r><x:t>q</x:t></x:r></x:si></x:sst>",
            "<sst \(main)><si><t>a</t></si><!-- c --><si><t><![CDATA[b<]]></t></si></sst>",
            "<sst \(main)><si><t>a</t></si><si><t>b</si></sst>",
            "<sst \(main)><si><t>&bad;</t></si></sst>",
            "<ss",
            "",
        ]
        for xml in cases {
            func read(_ libxml2: Bool) -> Result<[String], XLSXArchive.Failure> {
                do { return .success(try SharedStrings.parse(Data(xml.utf8), part: "p", libxml2: libxml2)) } catch { return .failure(error) }
            }
            #expect(read(true) == read(false), "\(xml)")
        }
        #expect(try SharedStrings.parse(Data(cases[0].utf8), part: "p") == ["a", "Xã Số & A ", "", " "])
        #expect(try SharedStrings.parse(Data(cases[1].utf8), part: "p") == ["p", "q"])
    }

    @Test func datesInBothSystems() {
        #expect(ExcelDate.day(serial: 1, uses1904: false)! == (1900, 1, 1))
        #expect(ExcelDate.day(serial: 61, uses1904: false)! == (1900, 3, 1))
        #expect(ExcelDate.day(serial: 45658.75, uses1904: false)! == (2025, 1, 1))
        #expect(ExcelDate.day(serial: 0, uses1904: true)! == (1904, 1, 1))
        #expect(ExcelDate.day(serial: -1, uses1904: false) == nil)
        #expect(WorkbookParts.isDateFormat(id: 14, code: nil))
        #expect(WorkbookParts.isDateFormat(id: 164, code: "dd/mm/yyyy"))
        #expect(!WorkbookParts.isDateFormat(id: 164, code: "#,##0.00"))
        #expect(!WorkbookParts.isDateFormat(id: 164, code: "[Red]0\" m\""))
    }

    @Test func mergedCellsFillTheirRange() throws {
        let b = XLSXBuilder(sheets: [.init(name: "S", sheetData: XLSXBuilder.sheetData([
            ["unit", "indicator", "2023", "2024"],
            ["Huyện A", "events", "3", "4"],
            ["", "groups", "1", "2"],
        ]), after: #"<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>"#)])
        let v = checkBook(try workbook(b))
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(v.dataSet?.observations.filter { $0.unit == "Huyện A" }.count == 4)
    }

    @Test func periodHeaders() {
        let cases: [(String, Period)] = [
            ("2024", .year(2024)), ("Năm 2024", .year(2024)), ("năm 2024", .year(2024)), ("NAM 2024", .year(2024)),
            ("2025-Q3", .quarter(2025, 3)), ("Q3/2025", .quarter(2025, 3)), ("Q3 2025", .quarter(2025, 3)),
            ("Quý III/2025", .quarter(2025, 3)), ("Quý 3 năm 2025", .quarter(2025, 3)), ("quý IV - 2024", .quarter(2024, 4)),
            ("2025-07", .month(2025, 7)), ("Tháng 7/2025", .month(2025, 7)), ("T7/2025", .month(2025, 7)),
        ]
        for (text, period) in cases { #expect(PeriodHeader.period(of: text) == period, "\(text)") }
        for text in ["Báo cáo năm 2024", "Ghi chú", "Quý V/2025", "2024 2025", "Tháng 13/2025", "12", "unit", "Q3"] {
            #expect(PeriodHeader.period(of: text) == nil, "\(text)")
        }
        #expect(PeriodHeader.period(of: .number(2024)) == .year(2024))
        #expect(PeriodHeader.period(of: .number(2024.5)) == nil)
        #expect(PeriodHeader.period(of: .number(12)) == nil)
    }
}

/// Workbooks in both layouts read to the rows of the CSV they hold, with messages naming sheet and cell.
@Suite struct WorkbookLayoutTests {
    static let tidyCSV = """
        unit,indicator,period,value,numerator,denominator
        Huyện Hiệp Hòa,union_members,2023,,61,100
        Huyện Hiệp Hòa,union_members,2024,,65,100
        Huyện Yên Dũng,income,2023,3,,
        Huyện Yên Dũng,income,2024,"4,5",,

        """

    static func rows(_ v: DataValidation) -> [String] {
        (v.dataSet?.observations ?? []).map { "\($0.unit)|\($0.indicator)|\($0.period)|\($0.value)" }.sorted()
    }

    @Test func tidySheetWithTitleRowsReadsLikeTheCSV() throws {
        let csv = CSVTable(text: Self.tidyCSV, file: "t.csv")
        let rows = [["Báo cáo số liệu"], []] + [csv.header!.fields] + csv.rows.map(\.fields)
        let v = checkBook(try workbook(.simple(sheet: "Số liệu", rows: rows)) + "#Số liệu")
        let reference = DataSet.validate(text: Self.tidyCSV, source: "t.csv")
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v) == Self.rows(reference) && Self.rows(v).count == 4)
        // lines become the sheet's rows
        #expect(v.dataSet?.observations.map(\.line) == [4, 5, 6, 7])
    }

    @Test func wideSheetWithUnitsAndIndicatorsDownTheRows() throws {
        let v = checkBook(try workbook(.simple(rows: [
            ["Chỉ tiêu công đoàn"],
            ["Đơn vị", "Chỉ tiêu", "Năm 2023", "Năm 2024", "Ghi chú"],
            ["Huyện Hiệp Hòa", "share", "0.61", "0.65", "ước"],
            ["Huyện Yên Dũng", "income", "3", "4,5"],
        ])))
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v) == ["Huyện Hiệp Hòa|share|2023|0.61", "Huyện Hiệp Hòa|share|2024|0.65",
                                  "Huyện Yên Dũng|income|2023|3.0", "Huyện Yên Dũng|income|2024|4.5"])
    }

    @Test func indicatorsDownTheRowsWithAMappingSidecar() throws {
        let path = try workbook(.simple(sheet: "Hiệp Hòa", rows: [
            ["Tên chỉ tiêu", "2023", "2024", "Quý I/2025"],
            ["Số sự kiện", "3", "4", "1"],
            ["Tỷ lệ đoàn viên", "0.61", "0.65", "0.66"],
        ]))
        // without the mapping the sheet cannot say which unit
        let without = checkBook(path)
        #expect(without.issues.first?.code == .unknownLayout)
        #expect(without.issues.first?.place == "data.xlsx, sheet Hiệp Hòa, A1" || without.issues.first?.location == "sheet Hiệp Hòa, A1")
        try """
            unit: Huyện Hiệp Hòa
            indicators:
              Số sự kiện: events
              Tỷ lệ đoàn viên: union_members
            kinds:
              union_members: share

            """.write(toFile: WorkbookMapping.sidecarPath(for: path), atomically: true, encoding: .utf8)
        let v = checkBook(path)
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v).contains("Huyện Hiệp Hòa|events|2025-Q1|1.0"))
        #expect(Self.rows(v).contains("Huyện Hiệp Hòa|union_members|2024|0.65"))
        #expect(v.dataSet?.statedKinds["union_members"] == .share)
    }

    @Test func unitsDownTheRowsWithTheIndicatorInTheMapping() throws {
        let path = try workbook(.simple(rows: [["Huyện", "2023", "2024"], ["A", "3", "4"], ["B", "5", "6"]]))
        let v = checkBook(path, options: .init(mapping: WorkbookMapping(indicator: "events")))
        #expect(Self.rows(v) == ["A|events|2023|3.0", "A|events|2024|4.0", "B|events|2023|5.0", "B|events|2024|6.0"])
    }

    @Test func messagesNameWorkbookSheetAndCell() throws {
        let path = try workbook(.simple(sheet: "Số liệu", rows: [
            ["Báo cáo"], [],
            ["unit", "indicator", "2023", "2024"],
            ["A", "events", "3", "4"],
            ["B", "events", "2", "ba"],
        ]))
        let v = checkBook(path + "#Số liệu")
        let bad = try #require(v.issues.first { $0.code == .notANumber })
        #expect(bad.description.hasSuffix(#"/data.xlsx, sheet Số liệu, D5: value "ba" is not a number; write digits like 1234 or "90,5""#))
        #expect(bad.line == 5 && bad.location == "sheet Số liệu, D5")
        // duplicate rows name both cells
        let dup = checkBook(try workbook(.simple(rows: [["unit", "indicator", "period", "value"],
                                                        ["A", "events", "2024", "3"], ["A", "events", "2024", "4"]])))
        let d = try #require(dup.issues.first { $0.code == .duplicateRow })
        #expect(d.location == "Sheet1, D3".replacingOccurrences(of: "Sheet1", with: "sheet Sheet1"))
        #expect(d.message == "duplicate row: A / events / 2024 is also in D2", "\(d.message)")
        #expect(d.hint == "keep one of the two rows (cells D2 and D3), or correct the unit, indicator or period", "\(d.hint)")
    }

    @Test func typedNumbersDoNotDecideTextNumbersDecimalMark() throws {
        // 1.5 typed as a number says nothing about how "1,500" typed as text is meant; the text alone decides.
        let v = checkBook(try workbook(.simple(rows: [["unit", "indicator", "period", "value"],
                                                      ["A", "level", "2023", "1.5"], ["A", "level", "2024", "0,75"]])))
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v) == ["A|level|2023|1.5", "A|level|2024|0.75"])
    }

    @Test func wideCSVReadsLikeTheTidyCSV() {
        let wide = "Báo cáo\nunit;indicator;Năm 2023;Năm 2024\nHuyện Yên Dũng;income;3;\"4,5\"\n"
        let v = DataSet.validate(text: wide, source: "w.csv")
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v) == ["Huyện Yên Dũng|income|2023|3.0", "Huyện Yên Dũng|income|2024|4.5"])
        let bad = DataSet.validate(text: "unit,indicator,2023\nA,events,x\n", source: "w.csv")
        #expect(bad.issues.first?.description == #"w.csv, C2: value "x" is not a number; write digits like 1234 or "90,5""#)
    }

    /// Years above, merged over their quarters, and "Quý I"… in the row below (as report templates have them): each
    /// column is that year's quarter; a year with nothing below stays a year. The same sheet exported to CSV (the year
    /// once, blanks to its right) reads the same. A bad value is still named by its cell, under the quarter row.
    @Test func quartersUnderMergedYearCells() throws {
        let rows = [["Đơn vị", "Chỉ tiêu", "2023", "2024", "", "", "", "2025", ""],
                    ["", "", "", "Quý I", "Quý II", "Quý III", "Quý IV", "Q1", "Q2"],
                    ["Huyện A", "contacts", "700", "600", "800", "1000", "1100", "1500", "1700"]]
        let b = XLSXBuilder(sheets: [.init(name: "Số liệu", sheetData: XLSXBuilder.sheetData(rows),
                                           after: #"<mergeCells count="4"><mergeCell ref="D1:G1"/><mergeCell ref="H1:I1"/><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/></mergeCells>"#)])
        let expected = ["Huyện A|contacts|2023|700.0", "Huyện A|contacts|2024-Q1|600.0", "Huyện A|contacts|2024-Q2|800.0",
                        "Huyện A|contacts|2024-Q3|1000.0", "Huyện A|contacts|2024-Q4|1100.0",
                        "Huyện A|contacts|2025-Q1|1500.0", "Huyện A|contacts|2025-Q2|1700.0"]
        let v = checkBook(try workbook(b))
        #expect(!v.hasErrors, "\(v.issues)")
        #expect(Self.rows(v) == expected)
        let csv = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let c = DataSet.validate(text: csv, source: "w.csv")
        #expect(!c.hasErrors, "\(c.issues)")
        #expect(Self.rows(c) == expected)
        let bad = DataSet.validate(text: csv.replacingOccurrences(of: ",1000,", with: ",nghìn,"), source: "w.csv")
        #expect(bad.hasErrors && bad.issues.contains { $0.description.hasPrefix(#"w.csv, F3: value "nghìn" is not a number"#) }, "\(bad.issues)")
    }

    @Test func importWritesTheSameBytesEachTime() throws {
        let path = try workbook(.simple(rows: [["Đơn vị", "Chỉ tiêu", "2023", "2024"], ["A, B", "events", "3", "0.1"]]))
        let a = DataSet.tidyTable(contentsOf: path), b = DataSet.tidyTable(contentsOf: path)
        #expect(a.csv == b.csv)
        #expect(a.csv == "unit,indicator,period,value\n\"A, B\",events,2023,3\n\"A, B\",events,2024,0.1\n")
    }
}

/// Files that are not readable workbooks: each a clear error, never a crash.
@Suite struct WorkbookBadInputTests {
    static func only(_ v: DataValidation) -> DataIssue? { v.issues.count == 1 ? v.issues[0] : nil }

    @Test func oldXlsOrEncryptedWorkbook() throws {
        let dir = try RepositoryFiles.temporaryDirectory([:])
        let path = dir + "/old.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path))
        let issue = try #require(Self.only(checkBook(path)))
        #expect(issue.code == .notAWorkbook)
        #expect(issue.message.contains(".xls") && issue.message.contains("password"))
        #expect(issue.hint.contains("save it as .xlsx") && issue.hint.contains("without a password"))
        // the same bytes under an .xlsx name (an encrypted workbook)
        try FileManager.default.copyItem(atPath: path, toPath: dir + "/secret.xlsx")
        #expect(Self.only(checkBook(dir + "/secret.xlsx"))?.code == .notAWorkbook)
    }

    @Test func notAZipAndAZipWithoutAWorkbook() throws {
        let dir = try RepositoryFiles.temporaryDirectory(["text.xlsx": "unit,indicator\n"])
        #expect(Self.only(checkBook(dir + "/text.xlsx"))?.message.contains("not an .xlsx") == true)
        try XLSXBuilder.zip([("hello.txt", Data("hi".utf8))], to: dir + "/other.xlsx")
        #expect(Self.only(checkBook(dir + "/other.xlsx"))?.message.contains("no Excel workbook") == true)
        // a truncated workbook
        let good = try workbook(.simple(rows: [["unit"]]))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: dir + "/cut.xlsx"))
        #expect(Self.only(checkBook(dir + "/cut.xlsx"))?.code == .notAWorkbook)
    }

    @Test func missingSheetListsTheSheets() throws {
        let path = try workbook(XLSXBuilder(sheets: [.init(name: "Số liệu", sheetData: ""), .init(name: "Ghi chú", sheetData: "")]))
        let issue = try #require(Self.only(checkBook(path + "#Sheet1")))
        #expect(issue.code == .missingSheet)
        #expect(issue.message == #"the workbook has no sheet "Sheet1"; its sheets are: Số liệu, Ghi chú"#)
        #expect(issue.hint.hasSuffix("data.xlsx#Số liệu"))
    }

    @Test func formulaWithoutCachedValue() throws {
        let b = XLSXBuilder(sheets: [.init(name: "S", sheetData: XLSXBuilder.sheetData([["unit", "indicator", "period", "value"], ["A", "events", "2024", "3"]])
                                            + #"<row r="3"><c r="A3" t="inlineStr"><is><t>A</t></is></c><c r="B3" t="inlineStr"><is><t>events</t></is></c><c r="C3"><v>2025</v></c><c r="D3"><f>D2+1</f></c></row>"#)])
        let v = checkBook(try workbook(b))
        let issue = try #require(v.issues.first { $0.code == .formulaWithoutValue })
        #expect(issue.place.hasSuffix("/data.xlsx, sheet S, D3"))
        #expect(issue.description.contains("data.xlsx, sheet S, D3: D3 holds a formula (=D2+1) with no saved value"))
        #expect(v.hasErrors)
    }

    @Test func declaredSizePastTheCapIsRefusedBeforeInflating() throws {
        let path = try workbook(.simple(rows: [["unit", "indicator", "period", "value"], ["A", "e", "2024", "1"]]))
        try XLSXBuilder.patchDeclaredSize(at: path, entry: "xl/worksheets/sheet1.xml", to: 0xF000_0000)
        let issue = try #require(Self.only(checkBook(path)))
        #expect(issue.code == .workbookTooLarge)
        #expect(issue.message.contains("xl/worksheets/sheet1.xml") && issue.message.contains("zip bomb"))
    }

    @Test func inflatedBytesAreCountedWhateverTheHeaderSays() throws {
        // 8 MiB of one repeated row, declared as 100 bytes: stopped at a 1 MiB cap while inflating.
        let row = #"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#
        let sheet = String(repeating: row, count: 8 << 20 / row.utf8.count)
        var b = XLSXBuilder(sheets: [.init(name: "S", sheetData: sheet)])
        b.sharedStrings = nil
        let path = try workbook(b)
        try XLSXBuilder.patchDeclaredSize(at: path, entry: "xl/worksheets/sheet1.xml", to: 100)
        var archive = try XLSXArchive(url: URL(fileURLWithPath: path), limits: .init(partBytes: 1 << 20, totalBytes: 2 << 20))
        #expect(throws: XLSXArchive.Failure.self) { _ = try archive.read("xl/worksheets/sheet1.xml") }
        do { _ = try archive.read("xl/worksheets/sheet1.xml") } catch {
            #expect(error == .tooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20) || error == .damaged(part: "xl/worksheets/sheet1.xml"))
        }
    }

    /// fuzz-xlsx's first crash: a damaged zip whose offsets point past its end (it trapped in ZIPFoundation's
    /// in-memory archive); now one message, no crash.
    @Test func zipWithOffsetsPastItsEnd() {
        let v = checkBook(RepositoryFiles.fixtures.appendingPathComponent("xlsx/fuzz/offsets-past-end.xlsx").path)
        #expect(v.hasErrors && v.dataSet == nil)
        #expect(v.issues.count == 1 && [.notAWorkbook, .workbookTooLarge].contains(v.issues[0].code), "\(v.issues)")
    }

    /// fuzz-xlsx's second crash: shared strings whose element names hold bytes that are not UTF-8 (FoundationXML
    /// trapped on them); now the part is refused as damaged before it is parsed.
    @Test func partThatIsNotUTF8() {
        let v = checkBook(RepositoryFiles.fixtures.appendingPathComponent("xlsx/fuzz/not-utf8-element-name.xlsx").path)
        #expect(v.issues.count == 1 && v.issues.first?.message == "the workbook is damaged: part xl/sharedStrings.xml: its XML cannot be read (it is not UTF-8 text)",
                "\(v.issues)")
    }

    @Test func badXMLAndBadSharedStringIndex() throws {
        let broken = XLSXBuilder(sheets: [.init(name: "S", sheetData: "<row><c <v>1</v></c></row>")])
        let b = checkBook(try workbook(broken))
        #expect(Self.only(b)?.message.contains("XML cannot be read") == true, "\(b.issues)")
        let index = XLSXBuilder(sheets: [.init(name: "S", sheetData: #"<row r="1"><c r="A1" t="s"><v>9</v></c></row>"#)], sharedStrings: ["a"])
        #expect(Self.only(checkBook(try workbook(index)))?.message.contains("damaged") == true)
    }
}
