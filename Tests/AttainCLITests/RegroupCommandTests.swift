import AttainTestSupport
import Foundation
import Testing

/// `attain regroup` and `attain validate` on units and crosswalk files, as a user runs them, on the illustrative
/// province of `notebooks-data/province/`.
@Suite("attain regroup", .serialized)
struct RegroupCommandTests {
    static let p = "notebooks-data/province/"
    static let inputs = ["--data", p + "data.csv", "--units", p + "units.csv", "--crosswalk", p + "crosswalk.csv"]

    /// The file written with --out is the CSV printed without it, and reads back as data (apportioned counts are
    /// fractions, allowed on rows marked apportioned) holding the same rows.
    @Test func writesACSVThatReadsBackAsData() throws {
        let dir = try RepositoryFiles.temporaryDirectory([:])
        let out = dir + "/communes.csv"
        let written = try AttainProcess.run(["regroup"] + Self.inputs + ["--level", "commune", "--out", out])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.contains("wrote \(out): 120 rows, 54 apportioned (change date 2025-07-01)"))
        let printed = try AttainProcess.run(["regroup"] + Self.inputs + ["--level", "commune"])
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(printed.status == 0 && printed.standardOutput == text)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "unit,indicator,period,value,numerator,denominator,apportioned")
        #expect(lines.contains("N4,events,2024-Q1,2,,,false") || lines.contains { $0.hasPrefix("N4,events,2024-Q1,") && $0.hasSuffix(",false") })
        #expect(lines.filter { $0.hasSuffix(",true") }.count == 54)
        let check = try AttainProcess.run(["validate", out])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("ok — 12 series, 4 units, 3 indicators, 10 periods"))
    }

    /// `notebooks-data/province-58/communes.csv` and `province.csv` are exactly what its README's `attain regroup`
    /// commands write, and the province's scenario on them validates.
    @Test func theFiftyEightCommunesFileIsTheRegroupOutput() throws {
        let q = "notebooks-data/province-58/"
        let outcome = try AttainProcess.run(["regroup", "--data", q + "data.csv", "--units", q + "units.csv", "--crosswalk", q + "crosswalk.csv",
                                             "--level", "commune"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let committed = try String(contentsOfFile: AttainProcess.repository.appendingPathComponent(q + "communes.csv").path, encoding: .utf8)
        #expect(outcome.standardOutput == committed)
        #expect(committed.split(separator: "\n").count == 1 + 58 * 4 * 30)
        let province = try AttainProcess.run(["regroup", "--data", q + "data.csv", "--units", q + "units.csv", "--crosswalk", q + "crosswalk.csv",
                                              "--province"])
        #expect(province.standardOutput == (try String(contentsOfFile: AttainProcess.repository.appendingPathComponent(q + "province.csv").path,
                                                       encoding: .utf8)))
        let scenario = try AttainProcess.run(["validate", "scenarios/province/baseline.yaml"])
        #expect(scenario.status == 0, "\(scenario.standardOutput)")
    }

    @Test func provinceRowsAreNeverApportioned() throws {
        let outcome = try AttainProcess.run(["regroup"] + Self.inputs + ["--province"])
        #expect(outcome.status == 0)
        let rows = outcome.standardOutput.split(separator: "\n").dropFirst()
        #expect(rows.count == 30 && rows.allSatisfy { $0.hasPrefix("P,") && $0.hasSuffix(",false") })
    }

    /// A refused regrouping writes nothing and names the problem's file and line.
    @Test func aBadCrosswalkIsRefusedAndNothingIsWritten() throws {
        let dir = try RepositoryFiles.temporaryDirectory(["cw.csv": "old,new,weight\nD1-A,N1,1\nD1-B,N1,0.6\nD1-B,N2,0.3\n"])
        let out = dir + "/out.csv"
        let outcome = try AttainProcess.run(["regroup", "--data", Self.p + "data.csv", "--units", Self.p + "units.csv",
                                             "--crosswalk", dir + "/cw.csv", "--province", "--out", out])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cw.csv:3: the weights of \"D1-B\" sum to 0.9, not 1 (lines 3, 4)"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // A crosswalk that leaves out an old commune with data: named with the data file's line.
        let partial = try RepositoryFiles.temporaryDirectory(["cw.csv": "old,new,weight\nD1-A,N1,1\nD1-B,N1,0.6\nD1-B,N2,0.4\n"
                                                                 + "D1-C,N2,0.5\nD1-C,N3,0.5\nD2-A,N3,1\nD2-B,N4,1\n"])
        let missing = try AttainProcess.run(Array(["regroup"] + Self.inputs.prefix(4)) + ["--crosswalk", partial + "/cw.csv", "--province"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("data.csv:92: unit \"D2-C\" ended on 2025-06-30 and has data (18 rows, the first on this line), but"))
    }

    @Test func usageErrors() throws {
        let none = try AttainProcess.run(["regroup"] + Self.inputs)
        #expect(none.status == 2 && none.standardError.contains("choose one target"))
        let level = try AttainProcess.run(["regroup"] + Self.inputs + ["--level", "village"])
        #expect(level.status == 2 && level.standardError.contains("--level village"))
    }

    @Test func validateTellsUnitsAndCrosswalkFilesApart() throws {
        let outcome = try AttainProcess.run(["validate", Self.p + "units.csv", Self.p + "crosswalk.csv", Self.p + "data.csv"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("units.csv: units ok — 13 units (1 province, 9 commune, 1 ward, 2 district), change date 2025-07-01"))
        #expect(outcome.standardOutput.contains("crosswalk.csv: crosswalk ok — 8 rows: 6 old units → 4 new units, 2 split"))
        let dir = try RepositoryFiles.temporaryDirectory(["cw.csv": "old,new,weight\nD1-A,N9,1\nD1-A,N9,1\n"])
        let bad = try AttainProcess.run(["validate", Self.p + "units.csv", dir + "/cw.csv"])
        #expect(bad.status == 1)
        #expect(bad.standardOutput.contains("cw.csv:2") && bad.standardOutput.contains("\"N9\" is not in the units file"))
        #expect(bad.standardOutput.contains("cw.csv:3") && bad.standardOutput.contains("mapped twice (first on line 2)"))
    }
}
