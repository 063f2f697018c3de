import Testing
@testable import AttainData

/// Every validation rule, with the line it reports.
@Suite struct ValidationTests {
    @Test func emptyFileAndHeaderOnly() {
        #expect(same(errors(check("")), [(.emptyFile, 0)]))
        #expect(same(errors(check("\n\n")), [(.emptyFile, 0)]))
        #expect(same(errors(check(header)), [(.headerOnly, 1)]))
        #expect(check(header).dataSet == nil)
    }

    @Test func missingColumnSuggestsTheNearestName() {
        let v = check("unit,indicator,peroid,value\nA,x,2024,1\n")
        #expect(same(errors(v), [(.missingColumn, 1)]))
        #expect(v.issues[0].column == "period")
        #expect(v.issues[0].hint.contains("\"peroid\""))
        let alias = check("unit,indicator,year,value\nA,x,2024,1\n")
        #expect(alias.issues[0].hint.contains("rename column \"year\" to \"period\""))
        #expect(same(errors(check("unit,indicator,period\nA,x,2024\n")), [(.missingColumn, 1)]))
        #expect(same(errors(check("unit,indicator,period,numerator\nA,x,2024,1\n")), [(.missingColumn, 1)]))
        #expect(same(errors(check("unit,indicator,period,value,value\nA,x,2024,1,2\n")), [(.duplicateColumn, 1)]))
    }

    @Test func headersAreCaseInsensitiveAndExtrasKept() throws {
        let v = check("Unit,INDICATOR,Period,Value,Zone\nA,x,2024,12,KCN Hòa Phú\n")
        #expect(v.issues.isEmpty)
        #expect(v.dataSet?.observations.first?.extra == ["Zone": "KCN Hòa Phú"])
    }

    @Test func wrongColumnCount() {
        let v = check(header + "A,x,2023,1,,\nA,x,2024,2,,,surplus\nA,x,2025,3\nA,x,2026,4,,,,\n")
        // Line 5 has extra empty fields (Excel padding): accepted.
        #expect(same(errors(v), [(.columnCount, 3), (.columnCount, 4)]))
        #expect(v.dataSet?.observations.map(\.line) == [2, 5])
    }

    @Test func unbalancedQuoteAndTextAfterQuote() {
        let v = check(header + "A,x,2023,\"1\"2,,\nA,x,2024,2,,\nA,x,2025,\"3,,\n")
        #expect(same(errors(v), [(.textAfterQuote, 2), (.unbalancedQuote, 4)]))
    }

    @Test func emptyFieldsAndBadPeriods() {
        let v = check(header + ",x,2024,1,,\nA,,2024,1,,\nA,x,2024/3,1,,\nA,x,,1,,\nA,x,2024-Q5,1,,\nA,x,2024-13,1,,\n")
        #expect(same(errors(v), [(.emptyField, 2), (.emptyField, 3), (.badPeriod, 4), (.badPeriod, 5), (.badPeriod, 6), (.badPeriod, 7)]))
        let bad = v.issues.first { $0.line == 4 }!
        #expect(bad.description == "t.csv:4: period \"2024/3\" is not a period we read; write 2025 (a year), 2025-Q3 (a quarter) or 2025-07 (a month)")
    }

    @Test func nonNumbersAndNonFiniteValues() {
        let v = DataSet.validate(text: header + "A,x,2021,abc,,\nA,x,2022,NaN,,\nA,x,2023,inf,,\nA,x,2024,#DIV/0!,,\nA,x,2025,1,,\n",
                                 source: "district.csv")
        #expect(same(errors(v), [(.notANumber, 2), (.notFinite, 3), (.notFinite, 4), (.notFinite, 5)]))
        #expect(v.issues[0].description == "district.csv:2: value \"abc\" is not a number; write digits like 1234 or \"90,5\"")
        #expect(v.issues[0].column == "value")
    }

    /// Rows are read as they are tokenized, so an ambiguous `1.500` may come before the values that show the file's
    /// decimal mark: it is read once the whole file has been seen, and keeps its place among the rows.
    @Test func anAmbiguousValueBeforeTheEvidenceIsReadWithTheWholeFilesMark() throws {
        let v = check(header + "A,x,2023,1.500,,\nA,x,2024,\"90,5\",,\nA,x,2025,12,,\n")
        #expect(v.issues.filter { $0.severity == .error }.isEmpty)
        let rows = try #require(v.dataSet?.observations)
        #expect(rows.map(\.value) == [1500, 90.5, 12])       // decimal comma, so "1.500" groups thousands
        #expect(rows.map(\.line) == [2, 3, 4])
    }

    @Test func ambiguousNumberWhenTheFileMixesDecimalMarks() {
        let v = check(header + "A,x,2023,\"90,5\",,\nA,x,2024,0.25,,\nA,x,2025,1.500,,\n")
        #expect(same(errors(v), [(.ambiguousNumber, 4)]))
    }

    @Test func valueDerivedFromCounts() throws {
        let v = check(header + "A,s,2024,,45,60\nA,s,2025,0.80,48,60\n")
        #expect(v.issues.isEmpty)
        let rows = try #require(v.dataSet).observations
        #expect(rows[0].value == 0.75 && rows[0].numerator == 45 && rows[0].denominator == 60)
        #expect(rows[1].value == 0.80)
    }

    @Test func shareRowRules() {
        let v = check(header + "A,s,2019,,,\nA,s,2020,,45,\nA,s,2021,,45,0\nA,s,2022,,70,60\nA,s,2023,,-1,60\nA,s,2024,0.9,45,60\nA,s,2025,75,45,60\n")
        #expect(same(errors(v), [(.missingValue, 2), (.incompleteShare, 3), (.zeroDenominator, 4), (.numeratorAboveDenominator, 5),
                                 (.negativeValue, 6), (.valueMismatch, 7), (.valueMismatch, 8)]))
        #expect(v.issues.last!.hint.contains("fractions in [0, 1]"))
    }

    @Test func shareOutOfRange() {
        let v = check(header + "A,s,2023,,45,60\nA,s,2024,1.2,,\nA,s,2025,-0.1,,\n")
        #expect(same(errors(v), [(.shareOutOfRange, 3), (.shareOutOfRange, 4)]))
        let percent = check("unit,indicator,period,value\nA,coverage_rate,2024,84.5\n")
        #expect(same(errors(percent), [(.shareOutOfRange, 2)]))
        #expect(percent.issues[0].hint.contains("0.845 for 84.5 %"))
    }

    @Test func negativeAndFractionalCounts() {
        let v = check("unit,indicator,period,value\nA,events,2023,2\nA,events,2024,-1\nA,events,2025,2.5\n")
        #expect(same(errors(v), [(.negativeValue, 3), (.notWholeNumber, 4)]))
        let level = check("unit,indicator,period,value\nA,x,2023,2.5\nA,x,2024,-1.5\n")
        #expect(same(warnings(level), [(.negativeValue, 3)]))
        #expect(!level.hasErrors)
    }

    @Test func duplicatesNameBothLines() {
        let v = check(header + "A,x,2023,1,,\nB,x,2024,1,,\nA,x,2024,2,,\nA,x,2023,3,,\n")
        #expect(same(errors(v), [(.duplicateRow, 5)]))
        #expect(v.issues[0].message.contains("line 2"))
        #expect(v.issues[0].hint.contains("lines 2 and 5"))
        #expect(v.dataSet?.observations.map(\.line) == [2, 3, 4])
    }

    @Test func decreasingRunningTotal() {
        let v = check("unit,indicator,period,value\nA,contacts_cumulative,2023,700\nA,contacts_cumulative,2024,3500\nA,contacts_cumulative,2025,3200\nA,contacts_cumulative,2026-Q2,8000\n")
        #expect(same(errors(v), [(.decreasingCumulative, 4)]))
        #expect(v.issues[0].message.contains("line 3"))
        // Stated kind: the same numbers as per-period counts are fine.
        #expect(check("unit,indicator,period,value\nA,c,2023,700\nA,c,2024,3500\nA,c,2025,3200\n", kinds: ["c": .count]).issues.isEmpty)
    }

    @Test func partialYearAfterAnnualRowsIsLegitimate() {
        let v = check("unit,indicator,period,value\nA,events,2024,2\nA,events,2025,3\nA,events,2026-Q1,1\nA,events,2026-Q2,0\n")
        #expect(v.issues.isEmpty, "\(v.issues)")
    }

    @Test func mixedFrequencyWarnings() {
        // 2024 both annual and quarterly.
        let overlap = check("unit,indicator,period,value\nA,events,2024,2\nA,events,2024-Q3,1\nA,events,2025,3\n")
        #expect(same(warnings(overlap), [(.mixedFrequency, 3)]))
        #expect(overlap.issues[0].message.hasSuffix("2024 has an annual row (line 2) and a quarterly row (line 3)"))
        // Quarterly rows for a year before the last annual row.
        let among = check("unit,indicator,period,value\nA,events,2023-Q1,1\nA,events,2024,2\nA,events,2025,3\n")
        #expect(same(warnings(among), [(.mixedFrequency, 2)]))
        // A complete year of quarters after the annual rows, with no annual row.
        let complete = check("unit,indicator,period,value\nA,events,2025,3\n" + (1...4).map { "A,events,2026-Q\($0),1\n" }.joined())
        #expect(same(warnings(complete), [(.mixedFrequency, 3)]))
        // Quarters and months in one series.
        let three = check("unit,indicator,period,value\nA,events,2025,3\nA,events,2026-Q1,1\nA,events,2026-04,1\n")
        #expect(same(warnings(three), [(.mixedFrequency, 3)]))
        #expect(!overlap.hasErrors && !among.hasErrors && !complete.hasErrors && !three.hasErrors)
    }

    @Test func gaps() {
        let v = check("unit,indicator,period,value\nA,events,2019,2\nA,events,2020,1\nA,events,2023,3\nA,events,2026-Q2,1\nB,events,2024-Q1,1\nB,events,2024-Q3,1\n")
        // 2021–2022 missing (line 4); 2024–2025 missing before the partial year (line 5), which also lacks 2026-Q1;
        // B lacks 2024-Q2 (line 7).
        #expect(same(warnings(v), [(.gap, 4), (.gap, 5), (.gap, 5), (.gap, 7)]))
        #expect(v.issues[0].message.contains("no rows for 2021 to 2022"))
        #expect(!v.hasErrors)
    }

    @Test func ambiguousKindIsAWarning() {
        let v = check("unit,indicator,period,value\nA,x,2023,1\nA,x,2024,3\nA,x,2025,7\n")
        #expect(same(warnings(v), [(.ambiguousKind, 2)]))
        #expect(v.issues[0].hint.contains("--kind x="))
        #expect(check("unit,indicator,period,value\nA,x,2023,1\nA,x,2024,3\nA,x,2025,7\n", kinds: ["x": .cumulative]).issues.isEmpty)
    }

    @Test func fileWithErrorsIsRejectedAsAWholeUnlessSkipping() throws {
        let text = header + "A,x,2023,1,,\nA,x,2024,abc,,\nA,x,2025,3,,\n"
        do {
            _ = try DataSet.parse(text: text, source: "d.csv")
            Issue.record("expected a rejection")
        } catch {
            #expect(error.issues.map(\.line) == [3])
            #expect(error.description.contains("d.csv:3: value \"abc\" is not a number"))
        }
        let d = try DataSet.parse(text: text, source: "d.csv", options: .init(skipBadRows: true))
        #expect(d.observations.map(\.line) == [2, 4])
        #expect(d.issues.map(\.line) == [3])
    }

    @Test func issuesComeInLineOrder() {
        let v = check(header + "A,x,2023,1,,\nA,x,2023,2,,\nA,x,2024,zz,,\n")
        #expect(v.issues.map(\.line) == [3, 4])
    }
}
