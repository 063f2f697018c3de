import Foundation
import Testing
@testable import AttainData

/// The illustrative province (`notebooks-data/province/`) and small files written here: units, crosswalk and
/// re-aggregation across the 1/7/2025 boundary change.
@Suite("Units, crosswalk and regrouping")
struct RegroupingTests {
    static var province: URL { Fixtures.notebooksData.appendingPathComponent("province") }

    static func example() throws -> (UnitRegistry, Crosswalk, DataSet) {
        let units = try UnitRegistry.load(contentsOf: province.appendingPathComponent("units.csv"))
        let crosswalk = try Crosswalk.load(contentsOf: province.appendingPathComponent("crosswalk.csv"), units: units)
        let data = try DataSet.load(contentsOf: province.appendingPathComponent("data.csv"))
        return (units, crosswalk, data)
    }

    static let units = """
        unit,name,level,parent,from,to
        P,Province,province,,,
        D1,District 1,district,P,,2025-06-30
        A,Commune A,commune,D1,,2025-06-30
        B,Commune B,commune,D1,,2025-06-30
        N1,New 1,commune,P,2025-07-01,
        N2,New 2,ward,P,2025-07-01,
        """

    static func registry() -> UnitRegistry {
        let (r, issues) = UnitRegistry.validate(text: units, source: "units.csv")
        precondition(issues.isEmpty)
        return r!
    }

    static func crosswalk(_ text: String) -> (Crosswalk?, [DataIssue]) {
        Crosswalk.validate(text: text, source: "crosswalk.csv", units: registry())
    }

    static func data(_ text: String) throws -> DataSet { try DataSet.parse(text: text, source: "data.csv") }

    // MARK: the example province

    @Test func theExampleFilesAreClean() throws {
        let (units, crosswalk, data) = try Self.example()
        #expect(units.units.count == 13)
        #expect(units.changeDate == CalendarDate(2025, 7, 1))
        #expect(crosswalk.oldUnits.count == 6 && crosswalk.newUnits.count == 4)
        #expect(data.issues.isEmpty)
    }

    /// Nothing lost, nothing counted twice: the province's every count, level, numerator and denominator equals the
    /// sum of the data rows of that period, before and after the change; and the new communes and wards add up to it.
    @Test func provinceTotalsEqualTheDataTotals() throws {
        let (units, crosswalk, data) = try Self.example()
        let regrouping = Regrouping(data: [data], units: units, crosswalk: crosswalk)
        let province = try regrouping.regroup(to: .province)
        let communes = try regrouping.regroup(to: .level(.commune))
        #expect(Set(communes.map(\.observation.unit)) == ["N1", "N2", "N3", "N4"])
        var checked = 0
        for row in province {
            let o = row.observation
            #expect(o.unit == "P")
            let source = data.observations.filter { $0.indicator == o.indicator && $0.period == o.period }
            let parts = communes.map(\.observation).filter { $0.indicator == o.indicator && $0.period == o.period }
            #expect(parts.count == 4)
            if o.indicator == "union_members" {
                let n = source.reduce(0) { $0 + $1.numerator! }, d = source.reduce(0) { $0 + $1.denominator! }
                #expect(abs(o.numerator! - n) < 1e-9 && abs(o.denominator! - d) < 1e-9)
                #expect(abs(parts.reduce(0) { $0 + $1.numerator! } - n) < 1e-9)
                #expect(abs(parts.reduce(0) { $0 + $1.denominator! } - d) < 1e-9)
                #expect(abs(o.value - n / d) < 1e-12)
            } else {
                let total = source.reduce(0) { $0 + $1.value }
                #expect(abs(o.value - total) < 1e-9, "\(o.indicator) \(o.period)")
                #expect(abs(parts.reduce(0) { $0 + $1.value } - total) < 1e-9)
            }
            #expect(!row.apportioned, "a province total takes every part of a split unit")
            checked += 1
        }
        #expect(checked == 3 * 10)
    }

    /// Rows before the change rest on a split weight exactly where a new unit takes part of a split old commune
    /// (N1 and N2 take parts of D1-B, N2 and N3 of D1-C); N4 takes two old communes whole and is not apportioned.
    @Test func apportionedExactlyWhereASplitWeightIsUsed() throws {
        let (units, crosswalk, data) = try Self.example()
        let rows = try Regrouping(data: [data], units: units, crosswalk: crosswalk).regroup(to: .level(.commune))
        for row in rows {
            let before = row.observation.period < Period.quarter(2025, 3)
            let expected = before && ["N1", "N2", "N3"].contains(row.observation.unit)
            #expect(row.apportioned == expected, "\(row.observation.unit) \(row.observation.period)")
        }
        // The former district D1's area is the new units its communes went to (N1, N2, N3): D1-C's two halves both
        // land there, D1-B's parts too, so nothing in it is apportioned.
        let area = try Regrouping(data: [data], units: units, crosswalk: crosswalk).regroup(to: .units(["D1"]))
        #expect(!area.isEmpty && area.allSatisfy { !$0.apportioned && $0.observation.unit == "D1" })
    }

    // MARK: splits

    @Test func anOldUnitSplit60To40ContributesExactly60And40Percent() throws {
        let (walk, issues) = Self.crosswalk("old,new,weight,basis\nA,N1,1,\nB,N1,0.6,workers\nB,N2,0.4,workers\n")
        #expect(issues.isEmpty)
        let data = try Self.data("""
            unit,indicator,period,value,numerator,denominator
            B,events,2024,10,,
            B,union_members,2024,,300,500
            B,workers_level,2024,500,,
            """)
        let regrouping = Regrouping(data: [data], units: Self.registry(), crosswalk: walk!, kinds: ["workers_level": .level])
        let rows = try regrouping.regroup(to: .units(["N1", "N2"])).map { ($0.observation, $0.apportioned) }
        func row(_ unit: String, _ indicator: String) -> (Observation, Bool) { rows.first { $0.0.unit == unit && $0.0.indicator == indicator }! }
        #expect(row("N1", "events").0.value == 10 * 0.6 && row("N2", "events").0.value == 10 * 0.4)
        #expect(row("N1", "union_members").0.numerator == 300 * 0.6 && row("N1", "union_members").0.denominator == 500 * 0.6)
        #expect(row("N2", "union_members").0.numerator == 300 * 0.4 && row("N2", "union_members").0.denominator == 500 * 0.4)
        #expect(row("N1", "workers_level").0.value == 500 * 0.6 && row("N2", "workers_level").0.value == 500 * 0.4)
        #expect(rows.allSatisfy { $0.1 }, "every row rests on B's split")
    }

    @Test func aWholeMappingIsNotApportionedAndSharesFollowTheCounts() throws {
        let (walk, _) = Self.crosswalk("old,new,weight\nA,N1,1\nB,N1,0.6\nB,N2,0.4\n")
        let data = try Self.data("""
            unit,indicator,period,value,numerator,denominator
            A,events,2024,7,,
            A,union_members,2024,,10,20
            B,union_members,2024,,30,50
            N1,events,2025-Q3,2,,
            """)
        let rows = try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!).regroup(to: .units(["N1"]))
        let events = rows.filter { $0.observation.indicator == "events" }
        #expect(events.map(\.observation.value) == [7, 2] && events.allSatisfy { !$0.apportioned })
        let share = rows.first { $0.observation.indicator == "union_members" }!
        #expect(share.apportioned)
        #expect(share.observation.value == (10 + 30 * 0.6) / (20 + 50 * 0.6))
    }

    // MARK: refusals

    @Test func weightsNotSummingToOneAreRejectedNamingUnitFileAndLine() {
        let (_, issues) = Self.crosswalk("old,new,weight\nA,N1,1\nB,N1,0.6\nB,N2,0.3\n")
        #expect(issues.count == 1)
        let issue = issues[0]
        #expect(issue.code == .weightSum && issue.file == "crosswalk.csv" && issue.line == 3 && issue.column == "weight")
        #expect(issue.description.hasPrefix("crosswalk.csv:3: the weights of \"B\" sum to 0.9, not 1 (lines 3, 4)"))
        // Overlapping parts (summing above 1) are refused too.
        let (_, over) = Self.crosswalk("old,new,weight\nB,N1,0.7\nB,N2,0.4\n")
        #expect(over.map(\.code) == [.weightSum] && over[0].message.contains("\"B\" sum to 1.1"))
    }

    @Test func duplicateNegativeAndUnknownMappingsAreErrorsWithLineAndColumn() {
        let (_, issues) = Self.crosswalk("old,new,weight\nA,N1,1\nA,N1,1\nB,N1,1.2\nB,N2,-0.2\nX,N9,1\n")
        let found = issues.map { "\($0.code):\($0.line):\($0.column ?? "")" }
        #expect(found == ["duplicateMapping:3:new", "badWeight:4:weight", "badWeight:5:weight",
                          "unknownUnit:6:old", "unknownUnit:6:new"])
        #expect(issues[0].message.contains("\"A\" → \"N1\" is mapped twice (first on line 2)"))
        #expect(issues[2].description.hasPrefix("crosswalk.csv:5: weight -0.2 of \"B\" → \"N2\" is negative; "))
    }

    @Test func anOldUnitWithDataMissingFromTheCrosswalkIsAnError() throws {
        let (walk, _) = Self.crosswalk("old,new,weight\nA,N1,1\n")
        let data = try Self.data("unit,indicator,period,value\nA,events,2024,3\nB,events,2024,4\nB,events,2023,5\n")
        let error = #expect(throws: RegroupError.self) {
            try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!).regroup(to: .province)
        }
        #expect(error?.issues.map(\.code) == [.missingMapping])
        #expect(error?.issues.map(\.line) == [3])
        #expect(error?.issues[0].description.hasPrefix("data.csv:3: unit \"B\" ended on 2025-06-30 and has data (2 rows, the first "
                                                       + "on this line), but crosswalk.csv does not say where it went") == true)
    }

    @Test func aShareWithoutCountsIsRefusedUnlessACombinationIsDeclared() throws {
        let (walk, _) = Self.crosswalk("old,new,weight\nA,N1,1\nB,N1,0.6\nB,N2,0.4\n")
        let data = try Self.data("unit,indicator,period,value\nA,coverage_rate,2024,0.5\nB,coverage_rate,2024,0.8\n")
        let error = #expect(throws: RegroupError.self) {
            try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!).regroup(to: .units(["N2"]))
        }
        #expect(error?.issues.count == 1)
        let message = error?.issues.first?.description ?? ""
        #expect(message.hasPrefix("data.csv:3: share \"coverage_rate\" of unit \"B\" in 2024 has no numerator and denominator, "
                                  + "so it cannot be apportioned (a split weight of 0.4) into \"N2\""))
        #expect(message.contains("--combine coverage_rate=average"))
        let averaged = try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!, combinations: ["coverage_rate": .average])
            .regroup(to: .units(["N1"]))
        #expect(abs(averaged[0].observation.value - (0.5 + 0.8 * 0.6) / 1.6) < 1e-15 && averaged[0].apportioned)
    }

    @Test func rowsOfANewUnitAndOfAnOldUnitGoingIntoItInOnePeriodAreRefused() throws {
        let (walk, _) = Self.crosswalk("old,new,weight\nA,N1,1\nB,N1,0.6\nB,N2,0.4\n")
        let data = try Self.data("unit,indicator,period,value\nA,events,2025,3\nN1,events,2025,4\n")
        let error = #expect(throws: RegroupError.self) {
            try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!).regroup(to: .province)
        }
        #expect(error?.issues.map(\.code) == [.mixedKeying])
        #expect(error?.issues.first?.line == 3)
    }

    @Test func rowsOutsideTheirUnitsDatesAndUnknownUnitsAreErrors() throws {
        let (walk, _) = Self.crosswalk("old,new,weight\nA,N1,1\nB,N1,0.6\nB,N2,0.4\n")
        let data = try Self.data("unit,indicator,period,value\nA,events,2025-Q3,3\nN1,events,2025-Q2,4\nZ,events,2024,1\n")
        let error = #expect(throws: RegroupError.self) {
            try Regrouping(data: [data], units: Self.registry(), crosswalk: walk!).regroup(to: .province)
        }
        #expect(error?.issues.map(\.code) == [.unitNotInForce, .unitNotInForce, .unknownUnit])
    }

    // MARK: the units file

    @Test func unitsFileProblemsAreAllListedWithTheirLines() {
        let text = """
            unit,name,level,parent,from,to
            P,Province,province,,,
            A,,commune,P,,2025-06-31
            A,,commune,P,,
            B,,village,P,,
            C,,commune,Q,2025-07-01,2025-01-01
            """
        let (_, issues) = UnitRegistry.validate(text: text, source: "u.csv")
        #expect(issues.map { "\($0.code):\($0.line)" } == ["badDate:3", "duplicateUnit:4", "badLevel:5", "badDate:6", "unknownUnit:6"])
    }

    @Test func changeDateAndPeriodBoundaries() {
        #expect(Self.registry().changeDate == CalendarDate(2025, 7, 1))
        #expect(CalendarDate.start(of: .quarter(2025, 3)) == CalendarDate(2025, 7, 1))
        #expect(CalendarDate.end(of: .month(2025, 12)) == CalendarDate(2026, 1, 1))
        #expect(CalendarDate(parsing: "2024-02-29") != nil && CalendarDate(parsing: "2025-02-29") == nil)
        #expect(CalendarDate(2025, 6, 30).next == CalendarDate(2025, 7, 1))
    }

    // MARK: CSV

    @Test func regroupedCSVReadsBackAsTheSameData() throws {
        let (units, crosswalk, data) = try Self.example()
        let rows = try Regrouping(data: [data], units: units, crosswalk: crosswalk).regroup(to: .level(.commune))
        let text = Regrouping.csv(rows)
        let back = try DataSet.parse(text: text, source: "out.csv")
        #expect(back.observations.count == rows.count)
        for (row, read) in zip(rows, back.observations) {
            let o = row.observation
            #expect(read.unit == o.unit && read.indicator == o.indicator && read.period == o.period)
            #expect(read.value == o.value && read.numerator == o.numerator && read.denominator == o.denominator)
            #expect(read.extra["apportioned"] == (row.apportioned ? "true" : "false"))
        }
    }
}
