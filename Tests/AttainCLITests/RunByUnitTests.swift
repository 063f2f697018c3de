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

    func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attain-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func perUnitThresholdsJudgeAUnitAgainstItsOwnBar() throws {
        // KCN Hòa Phú judged against 85% on P1-1b and 2 youth groups on P1-2; CCN Mai Đình keeps the plan's bars.
        let file = try temporaryFile("thresholds.csv", "target,unit,threshold\nP1-1b,KCN Hòa Phú,85%\nP1-2,KCN Hòa Phú,2\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let units = "KCN Hòa Phú,CCN Mai Đình"
        let own = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", units, "--paths", "2000", "--seed", "4",
                                         "--thresholds", file.path, "--format", "csv", "--quiet"])
        let plan = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", units, "--paths", "2000", "--seed", "4",
                                          "--format", "csv", "--quiet"])
        #expect(own.status == 0 && plan.status == 0, "\(own.standardError)")
        func rows(_ csv: String) -> [String: [String]] {
            var out: [String: [String]] = [:]
            for line in csv.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                out[f[0] + "|" + f[3]] = f
            }
            return out
        }
        let a = rows(own.standardOutput), b = rows(plan.standardOutput)
        #expect(own.standardOutput.hasPrefix("target,indicator,rank,unit,threshold,seed,probability"))
        // A lower bar: a higher probability on the same paths; the plan's bar shown where the table sets none.
        let p = { (r: [String]?, i: Int) in Double(r?[i] ?? "") ?? -1 }
        #expect(a["P1-1b|KCN Hòa Phú"]?[4] == "0.85" && p(a["P1-1b|KCN Hòa Phú"], 6) > p(b["P1-1b|KCN Hòa Phú"], 5))
        #expect(a["P1-1b|CCN Mai Đình"]?[4] == "0.9" && p(a["P1-1b|CCN Mai Đình"], 6) == p(b["P1-1b|CCN Mai Đình"], 5))
        #expect(a["P1-1a|KCN Hòa Phú"]?[6] == b["P1-1a|KCN Hòa Phú"]?[5])
        // The table shows the unit's own bar in a column.
        let table = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", units, "--paths", "300",
                                           "--thresholds", file.path, "--quiet"])
        #expect(table.standardOutput.contains("rank  unit          target  probability"))
    }

    @Test func aBadThresholdsFileIsRefusedWithItsLines() throws {
        let file = try temporaryFile("thresholds.csv",
                                     "target,unit,threshold\nP1-1x,KCN Hòa Phú,85%\nP1-1b,KCN Hoa Phu,85%\nP1-1b,CCN Mai Đình,ba\nP1-1b,CCN Mai Đình,185%\nP1-2,CCN Mai Đình,3\nP1-2,CCN Mai Đình,4\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--thresholds", file.path, "--paths", "100", "--quiet"])
        #expect(outcome.status == 1)
        let err = outcome.standardError
        #expect(err.contains(":2") && err.contains("P1-1x") && err.contains("P1-1a"))           // unknown target, nearest id
        #expect(err.contains(":3") && err.contains("KCN Hoa Phu") && err.contains("KCN Hòa Phú"))  // unknown unit, nearest name
        #expect(err.contains(":4") && err.contains("\"ba\" is not a number"))
        #expect(err.contains(":5") && err.contains("outside 0–100%"))
        #expect(err.contains(":7") && err.contains("given twice (first on line 6)"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func aTotalIsTheSigmaLineAndACSVRow() throws {
        let outcome = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "KCN Hòa Phú,CCN Mai Đình", "--paths", "500",
                                             "--total", "Hai khu", "--format", "csv", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let totals = outcome.standardOutput.split(separator: "\n").filter { $0.contains(",total,Hai khu,") }
        #expect(totals.count == 18)
        #expect(totals.filter { $0.contains(",skipped,") }.count >= 3)      // no unit has party introductions, app contacts…
        let table = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--units", "KCN Hòa Phú,CCN Mai Đình", "--paths", "300",
                                           "--total", "Hai khu", "--shared-paths", "0", "--quiet"])
        #expect(table.standardOutput.contains("Σ  Hai khu (sum of 2 units)") && table.standardOutput.contains("units independent"))
        let misplaced = try AttainProcess.run(["run", Self.scenario, "--by", "unit", "--shared-paths", "0.5"])
        #expect(misplaced.status == 2 && misplaced.standardError.contains("--shared-paths goes with --total"))
    }

    @Test func theBriefingGetsAUnitByUnitSectionInBothLanguages() throws {
        let units = "KCN Hòa Phú,CCN Mai Đình"
        let vi = try AttainProcess.run(["brief", Self.scenario, "--by", "unit", "--units", units, "--total", "Hai khu", "--units-meeting", "all",
                                        "--paths", "400", "--lang", "vi"])
        #expect(vi.status == 0, "\(vi.standardError)")
        let html = vi.standardOutput
        #expect(html.contains("Kết quả theo từng đơn vị") && html.contains("Hai khu (tổng 2 đơn vị)"))
        #expect(html.contains("Xác suất cả 2 đơn vị cùng đạt"))
        // One ranked dot chart per target with units (the zones lack party introductions, app contacts, events).
        let charts = html.components(separatedBy: "<svg class=\"league\"").count - 1
        #expect(charts >= 8 && charts < 18)
        #expect(html.contains("trung vị") && !html.contains("● median"))
        let en = try AttainProcess.run(["brief", Self.scenario, "--by", "unit", "--units", units, "--paths", "400", "--lang", "en", "--format", "md"])
        #expect(en.status == 0)
        #expect(en.standardOutput.contains("## III. Unit by unit") && en.standardOutput.contains("| Rank | Unit | Probability | Status |"))
        #expect(!en.standardOutput.contains("Σ"))
        let misplaced = try AttainProcess.run(["brief", Self.scenario, "--total", "X"])
        #expect(misplaced.status == 2)
    }
}
