import Testing
@testable import AttainData

@Suite struct CSVTableTests {
    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n"
        let t = CSVTable(text: text, file: "t.csv")
        #expect(t.header?.fields == ["a", "b", "c"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(t.rows[0].line == 2)
        #expect(t.rows[1].line == 4)  // the embedded newline advances the line count
        #expect(t.issues.isEmpty)
    }

    @Test func lineEndingsCRLFLFAndCR() {
        for ending in ["\r\n", "\n", "\r"] {
            let t = CSVTable(text: ["h1,h2", "1,2", "\"a\(ending)b\",3", "4,5"].joined(separator: ending) + ending, file: "t.csv")
            #expect(t.rows.map(\.fields) == [["1", "2"], ["a\nb", "3"], ["4", "5"]])
            #expect(t.rows.map(\.line) == [2, 3, 5])
        }
    }

    @Test func lastLineWithoutNewlineAndEmptyFields() {
        let t = CSVTable(text: "a,b,c\n,,x\n1,,", file: "t.csv")
        #expect(t.rows.map(\.fields) == [["", "", "x"], ["1", "", ""]])
    }

    @Test func blankAndDelimiterOnlyLinesAreSkipped() {
        let t = CSVTable(text: "a;b\n\n;\n1;2\n;;\n", file: "t.csv")
        #expect(t.delimiter == ";")
        #expect(t.rows.map(\.fields) == [["1", "2"]])
        #expect(t.rows[0].line == 4)
    }

    @Test func delimiterDetectedFromHeaderOutsideQuotes() {
        #expect(CSVTable(text: "unit;indicator;period;value\n", file: "t").delimiter == ";")
        #expect(CSVTable(text: "unit\tindicator\tperiod\n", file: "t").delimiter == "\t")
        #expect(CSVTable(text: "\"a;b;c\",d\n", file: "t").delimiter == ",")
        #expect(CSVTable(text: "a;b,c\n", file: "t").delimiter == ",")  // tie → comma
    }

    @Test func excelSepLineSetsDelimiterAndIsSkipped() {
        let t = CSVTable(text: "sep=;\r\nunit;value\r\nA;1,5\r\n", file: "t.csv")
        #expect(t.delimiter == ";")
        #expect(t.header?.fields == ["unit", "value"])
        #expect(t.header?.line == 2)
        #expect(t.rows.first?.fields == ["A", "1,5"])
        #expect(t.rows.first?.line == 3)
    }

    @Test func unclosedQuoteDropsOnlyItsRowAndReadingResumes() {
        let t = CSVTable(text: "a,b\n1,\"oops\n2,3\n4,5\n", file: "t.csv")
        #expect(t.issues.map(\.code) == [.unbalancedQuote])
        #expect(t.issues.first?.line == 2)
        #expect(t.rows.map(\.fields) == [["2", "3"], ["4", "5"]])
        #expect(t.rows.map(\.line) == [3, 4])
    }

    @Test func textAfterClosingQuoteMarksTheRecordMalformed() {
        let t = CSVTable(text: "a,b\n\"x\"y,2\n3,4\n", file: "t.csv")
        #expect(t.issues.map(\.code) == [.textAfterQuote])
        #expect(t.issues.first?.line == 2)
        #expect(t.rows[0].isMalformed)
        #expect(t.rows[0].fields == ["xy", "2"])
        #expect(!t.rows[1].isMalformed)
    }

    @Test func vietnameseTextPassesThrough() {
        let t = CSVTable(text: "unit,note\nHuyện Hiệp Hòa,\"Công nhân Bắc Giang, lượt\"\n", file: "t.csv")
        #expect(t.rows[0].fields == ["Huyện Hiệp Hòa", "Công nhân Bắc Giang, lượt"])
    }
}
