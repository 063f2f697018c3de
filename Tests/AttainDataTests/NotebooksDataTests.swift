import Foundation
import Testing
@testable import AttainData

/// The bundled example data: clean files load without a single issue, the broken one is rejected line by line,
/// and the three levels (enterprise → zone/cluster → district) add up.
@Suite struct NotebooksDataTests {
    static let clean = ["district.csv", "units.csv", "enterprises.csv"]

    func load(_ name: String) throws -> DataSet {
        try DataSet.load(contentsOf: Fixtures.notebooksData.appendingPathComponent(name))
    }

    @Test(arguments: clean) func bundledFileValidatesClean(_ name: String) throws {
        let v = DataSet.validate(contentsOf: Fixtures.notebooksData.appendingPathComponent(name))
        #expect(v.issues.isEmpty, "\(v.issues.prefix(5))")
        let summary = try #require(v.summary)
        #expect(summary.indicators.allSatisfy { $0.kind != nil })
    }

    @Test func districtHasEveryIndicatorTheTargetsNeed() throws {
        let d = try load("district.csv")
        let expected: [String: IndicatorKind] = [
            "enterprises_with_union": .share, "union_members": .share, "members_educated": .share,
            "organisations_with_initiative": .share, "youth_groups_founded": .count, "women_groups_founded": .count,
            "party_introductions": .count, "app_contacts": .count, "cultural_events": .count,
        ]
        #expect(Set(d.indicators) == Set(expected.keys))
        for (name, kind) in expected { #expect(d.inferredKind(of: name) == kind, "\(name)") }
        #expect(d.units == ["Huyện Hiệp Hòa"])
        // Context magnitudes: 2023–2025 enterprises 70/76/82 (53/60/67 with a union), members 84/86/88 % of workers.
        let union = try d.series(indicator: "enterprises_with_union", unit: "Huyện Hiệp Hòa")
        #expect(union.truncated(through: .year(2025)).suffix(3).denominators == [70, 76, 82])
        #expect(union.truncated(through: .year(2025)).suffix(3).numerators == [53, 60, 67])
        let members = try d.series(indicator: "union_members", unit: "Huyện Hiệp Hòa")
        #expect(members.suffix(3).values == [0.84, 0.86, 0.88])
        // The 2023 layoffs: workers (the denominator) dip.
        let workers = members.denominators!
        #expect(workers[4] < workers[3] && workers[5] > workers[4])
        // The app: quarterly from 2023-Q3 to 2026-Q2, 3,500 by end 2024 and 8,000 by end 2025.
        let app = try d.series(indicator: "app_contacts", unit: "Huyện Hiệp Hòa")
        #expect(app.periods.first == .quarter(2023, 3) && app.periods.last == .quarter(2026, 2) && app.count == 12)
        #expect(app.truncated(through: .quarter(2024, 4)).values.reduce(0, +) == 3500)
        #expect(app.truncated(through: .quarter(2025, 4)).values.reduce(0, +) == 8000)
        // A Q3/2026 review sees half of 2026 for the flows.
        #expect(try d.series(indicator: "party_introductions", unit: "Huyện Hiệp Hòa", frequency: .quarter).count == 2)
    }

    @Test func levelsAddUp() throws {
        let district = try load("district.csv"), units = try load("units.csv"), firms = try load("enterprises.csv")
        #expect(units.units == ["KCN Hòa Phú", "CCN Đoan Bái", "CCN Hợp Thịnh", "CCN Mai Đình"])
        // Every indicator of units.csv sums to the district, period by period.
        for indicator in units.indicators {
            let top = try district.series(indicator: indicator, unit: "Huyện Hiệp Hòa").observations
                + district.series(indicator: indicator, unit: "Huyện Hiệp Hòa", frequency: .quarter).observations
            for row in top {
                let parts = units.observations.filter { $0.indicator == indicator && $0.period == row.period }
                #expect(parts.count == 4, "\(indicator) \(row.period)")
                if let d = row.denominator {
                    #expect(parts.map { $0.denominator! }.reduce(0, +) == d, "\(indicator) \(row.period)")
                    #expect(parts.map { $0.numerator! }.reduce(0, +) == row.numerator!, "\(indicator) \(row.period)")
                } else {
                    #expect(parts.map(\.value).reduce(0, +) == row.value, "\(indicator) \(row.period)")
                }
            }
        }
        // Enterprises: per zone and period, firm count, firms with a union by then, workers and members match units.csv.
        for zone in units.units {
            for p in try units.series(indicator: "union_members", unit: zone).periods + [.quarter(2026, 2)] {
                let here = firms.observations.filter { $0.extra["zone"] == zone && $0.period == p }
                let covered = units.observations.first { $0.unit == zone && $0.indicator == "enterprises_with_union" && $0.period == p }!
                let members = units.observations.first { $0.unit == zone && $0.indicator == "union_members" && $0.period == p }!
                #expect(Double(here.count) == covered.denominator)
                #expect(Double(here.filter { Int($0.extra["union_founded"]!).map { $0 <= p.year } ?? false }.count) == covered.numerator)
                #expect(here.map { $0.denominator! }.reduce(0, +) == members.denominator)
                #expect(here.map { $0.numerator! }.reduce(0, +) == members.numerator)
                #expect(here.allSatisfy { $0.denominator! >= 20 })
            }
        }
    }

    @Test func brokenFileIsRejectedWithLineNumbers() throws {
        let url = Fixtures.notebooksData.appendingPathComponent("broken/broken.csv")
        let v = DataSet.validate(contentsOf: url)
        let expectedErrors: [(DataIssue.Code, Int)] = [
            (.duplicateRow, 4), (.numeratorAboveDenominator, 5), (.zeroDenominator, 6), (.shareOutOfRange, 7),
            (.notANumber, 10), (.negativeValue, 11), (.badPeriod, 12), (.decreasingCumulative, 14), (.notFinite, 15),
            (.columnCount, 16), (.unbalancedQuote, 20),
        ]
        #expect(same(errors(v), expectedErrors), "\(v.issues)")
        #expect(same(warnings(v), [(.gap, 18), (.mixedFrequency, 19)]), "\(v.issues)")
        #expect(throws: DataError.self) { try DataSet.load(contentsOf: url) }
        let kept = try DataSet.load(contentsOf: url, options: .init(skipBadRows: true))
        #expect(kept.observations.map(\.line) == [2, 3, 8, 9, 13, 17, 18, 19])
    }
}
