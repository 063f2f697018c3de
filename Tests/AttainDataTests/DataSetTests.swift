import Testing
@testable import AttainData

@Suite struct DataSetTests {
    let text = """
        unit,indicator,period,value,numerator,denominator
        B,members,2025,,88,100
        A,members,2024,,86,100
        A,members,2023,,84,100
        A,events,2026-Q2,0,,
        A,events,2025,3,,
        A,events,2026-Q1,1,,
        A,events,2024,2,,
        B,members,2024,,80,100

        """

    @Test func seriesAreSortedByPeriod() throws {
        let d = try DataSet.parse(text: text, source: "t.csv")
        let a = try d.series(indicator: "members", unit: "A")
        #expect(a.kind == .share)
        #expect(a.periods == [.year(2023), .year(2024)])
        #expect(a.values == [0.84, 0.86])
        #expect(a.numerators == [84, 86] && a.denominators == [100, 100])
        #expect(a.observations.map(\.line) == [4, 3])
    }

    @Test func accessorsKeepFirstAppearanceOrder() throws {
        let d = try DataSet.parse(text: text, source: "t.csv")
        #expect(d.indicators == ["members", "events"])
        #expect(d.units(of: "members") == ["B", "A"])
        #expect(d.units(of: "events") == ["A"])
        let all = try d.allSeries(indicator: "members")
        #expect(all.map(\.unit) == ["B", "A"])
        #expect(all[0].periods == [.year(2024), .year(2025)])
    }

    @Test func coarsestFrequencyByDefaultFinerOnRequest() throws {
        let d = try DataSet.parse(text: text, source: "t.csv")
        #expect(d.frequencies(indicator: "events", unit: "A") == [.year, .quarter])
        let annual = try d.series(indicator: "events", unit: "A")
        #expect(annual.kind == .count && annual.values == [2, 3] && annual.frequency == .year)
        let partial = try d.series(indicator: "events", unit: "A", frequency: .quarter)
        #expect(partial.periods == [.quarter(2026, 1), .quarter(2026, 2)])
        #expect(try d.series(indicator: "events", unit: "A", kind: .level).kind == .level)
    }

    @Test func missingSeriesAndAmbiguousKindThrow() throws {
        let d = try DataSet.parse(text: text, source: "t.csv")
        #expect(throws: DataError.noSuchSeries(file: "t.csv", indicator: "members", unit: "C", known: ["B", "A"])) {
            try d.series(indicator: "members", unit: "C")
        }
        #expect(throws: DataError.noSuchSeries(file: "t.csv", indicator: "workers", unit: nil, known: ["members", "events"])) {
            try d.allSeries(indicator: "workers")
        }
        let rising = try DataSet.parse(text: "unit,indicator,period,value\nA,x,2023,1\nA,x,2024,3\nA,x,2025,7\n", source: "r.csv")
        #expect(throws: DataError.self) { try rising.series(indicator: "x", unit: "A") }
        #expect(try rising.series(indicator: "x", unit: "A", kind: .cumulative).values == [1, 3, 7])
    }

    @Test func summaryCountsSeriesUnitsPeriodsAndKinds() throws {
        let s = try #require(check(text).summary)
        #expect(s.rows == 8 && s.series == 3 && s.units == 2 && s.periods == 5)
        #expect(s.first == "2023" && s.last == "2026-Q2")
        #expect(s.indicators.map(\.name) == ["members", "events"])
        #expect(s.indicators.map(\.kind) == [.share, .count])
    }
}
