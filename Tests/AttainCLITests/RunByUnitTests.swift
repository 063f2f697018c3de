import Foundation
import Testing
import AttainTestSupport

/// `attain run SCENARIO --by unit`: league tables per target, as a user runs them.
@Suite("run --by unit", .serialized)
struct RunByUnitTests {
    static let scenario = "scenarios/baseline.yaml"

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func theDistrictsRowEqualsAPlainRunWithItsSeed() throws {
        let league = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "Huyện Hiệp Hòa,KCN Hòa Phú",
                                            "--paths", "800", "--seed", "7", "--format", "json", "--quiet"])
        #expect(league.status == 0, "\(league.standardError)")
        #expect(league.standardError.isEmpty)
        let result = try object(league.standardOutput)
        #expect(result["version"] is String && result["seed"] as? Int == 7 && (result["inputs"] as? [Any])?.count == 4)
        #expect(result["seedRule"] is String)
        let units = try #require(result["units"] as? [[String: Any]])
        let seed = try #require(units.first { $0["unit"] as? String == "Huyện Hiệp Hòa" }?["seed"] as? Int)
        // The scenario's own unit is the district: `attain run` with the unit's seed is its single-unit run.
        let plain = try AttainProcess.run(["run", Self.scenario, "--paths", "800", "--seed", String(seed), "--format", "json"])
        #expect(plain.status == 0)
        let targets = try #require(try object(plain.standardOutput)["targets"] as? [[String: Any]])
        let leagues = try #require(result["targets"] as? [[String: Any]])
        #expect(targets.count == 18 && leagues.count == 18)
        for t in targets {
            let id = try #require(t["id"] as? String)
            let rows = try #require(leagues.first { $0["id"] as? String == id }?["rows"] as? [[String: Any]])
            let row = try #require(rows.first { $0["unit"] as? String == "Huyện Hiệp Hòa" }, "\(id)")
            for key in ["probability", "mcse", "median", "lower90", "upper90", "status"] {
                #expect("\(row[key] ?? "-")" == "\(t[key] ?? "-")", "\(id) \(key)")
            }
        }
    }

    @Test func theSameBytesWhateverTheThreadsInEveryFormat() throws {
        for format in ["table", "csv", "json", "md"] {
            let args = ["run", Self.scenario, "--by", "unit", "--paths", "1500", "--format", format, "--quiet"]
            let one = try AttainProcess.run(args + ["--threads", "1"])
            let two = try AttainProcess.run(args + ["--threads", "2"])
            #expect(one.status == 0 && two.status == 0)
            #expect(one.standardOutput == two.standardOutput, "\(format)")
            #expect(!one.standardOutput.isEmpty)
        }
    }

    @Test func csvHasOneLinePerTargetAndUnitWithSkippedOnesSaid() throws {
        let outcome = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "all", "--paths", "500", "--format", "csv", "--quiet"])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "target,indicator,rank,unit,seed,probability,mcse,status,q05,q25,median,q75,q95,shortfall,shortfall_share,skipped")
        #expect(lines.count == 1 + 18 * 5)
        let skipped = lines.filter { $0.contains(",skipped,") }
        // The four zones have no party_introductions, app_contacts or cultural_events: P1-5, P1-7, P1-8, P2-5… skipped.
        #expect(skipped.count % 4 == 0 && skipped.count >= 12)
        #expect(skipped.allSatisfy { $0.hasSuffix("`") && $0.contains("no data for `") })
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 16 })
    }

    @Test func chartsAreWrittenAndProgressGoesToStandardError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-league-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "KCN Hòa Phú, CCN Mai Đình",
                                             "--paths", "300", "--format", "md", "--chart", dir.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("unit 1/2: CCN Mai Đình") && outcome.standardError.contains("unit 2/2: KCN Hòa Phú"))
        let svg = try String(contentsOf: dir.appendingPathComponent("league-P1-1a.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"dot\"").count == 3)
        #expect(outcome.standardOutput.contains("league-P1-1a.svg"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("league-P1-5.svg").path))
    }

    @Test func badUnitsAndMisplacedOptionsAreRefused() throws {
        let unknown = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "KCN Hoa Phu", "--paths", "100"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("KCN Hoa Phu") && unknown.standardError.contains("KCN Hòa Phú"))
        let misplaced = try AttainProcess.run(["run", Self.scenario, "--units", "all"])
        #expect(misplaced.status == 2)
        let wrongBy = try AttainProcess.run(["run", Self.scenario, "--by", "zone"])
        #expect(wrongBy.status == 2)
    }
}
