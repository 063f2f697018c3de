import Foundation
import Testing
@testable import AttainData

/// The second plan's generated data (`notebooks-data/r28/`): clean, every kind inferred, the regions add up to the
/// province, and the magnitudes its README states (a working-age labour force of about 1.1 million; Resolution 28's
/// milestones met and missed as described).
@Suite struct SecondPlanDataTests {
    static let folder = Fixtures.notebooksData.appendingPathComponent("r28")
    static let province = "Tỉnh mẫu"

    func load(_ name: String) throws -> DataSet { try DataSet.load(contentsOf: Self.folder.appendingPathComponent(name)) }

    @Test(arguments: ["province.csv", "regions.csv"]) func validatesClean(_ name: String) throws {
        let v = DataSet.validate(contentsOf: Self.folder.appendingPathComponent(name))
        #expect(v.issues.isEmpty, "\(v.issues.prefix(5))")
        let kinds = Dictionary(uniqueKeysWithValues: try #require(v.summary).indicators.map { ($0.name, $0.kind) })
        #expect(kinds == ["si_coverage": .share, "voluntary_si_coverage": .share, "ui_coverage": .share,
                          "enterprises_in_arrears": .share, "voluntary_si_members": .level, "lump_sum_withdrawals": .count])
    }

    @Test func regionsAddUpToTheProvince() throws {
        let province = try load("province.csv"), regions = try load("regions.csv")
        #expect(regions.units.count == 3)
        for row in province.observations {
            let parts = regions.observations.filter { $0.indicator == row.indicator && $0.period == row.period }
            #expect(parts.count == 3, "\(row.indicator) \(row.period)")
            if let n = row.numerator, let d = row.denominator {
                #expect(parts.map { $0.numerator! }.reduce(0, +) == n)
                #expect(parts.map { $0.denominator! }.reduce(0, +) == d)
            } else {
                #expect(parts.map(\.value).reduce(0, +) == row.value)
            }
        }
    }

    @Test func magnitudesAreThoseTheReadmeStates() throws {
        let d = try load("province.csv")
        let si = try d.series(indicator: "si_coverage", unit: Self.province)
        #expect(si.periods.first == .year(2016) && si.periods.last == .year(2025))
        let labour = try #require(si.denominators)
        #expect(labour.allSatisfy { (1_000_000...1_200_000).contains($0) })
        func share(_ indicator: String, _ year: Int) throws -> Double {
            try d.series(indicator: indicator, unit: Self.province).observations.first { $0.period == .year(year) }!.value
        }
        // Resolution 28's milestones: missed, missed; met, missed; missed, met.
        #expect(try share("si_coverage", 2021) < 0.35 && share("si_coverage", 2025) < 0.45)
        #expect(try share("voluntary_si_coverage", 2021) >= 0.01 && share("voluntary_si_coverage", 2025) < 0.025)
        #expect(try share("ui_coverage", 2021) < 0.28 && share("ui_coverage", 2025) >= 0.35)
        // Unemployment insurance never covers more than social insurance.
        for year in 2016...2025 { #expect(try share("ui_coverage", year) < share("si_coverage", year)) }
        // A Q3/2026 review sees the 30/6/2026 snapshot of the stocks and two quarters of lump sums.
        #expect(try d.series(indicator: "lump_sum_withdrawals", unit: Self.province, frequency: .quarter).count == 2)
    }

    @Test func theReadmeSaysTheDataAreGenerated() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        let title = try #require(readme.split(separator: "\n").first)
        #expect(title.contains("GENERATED") && title.contains("ILLUSTRATIVE"))
        #expect(readme.contains("generate.py") && readme.contains("20180523"))
    }
}
