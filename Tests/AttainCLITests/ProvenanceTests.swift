import Foundation
import Testing
import AttainTestSupport

/// `attain --version`, and the version, seed and input digests recorded in JSON results and briefings.
@Suite("provenance: version, seed and input digests", .serialized)
struct ProvenanceTests {
    @Test func versionIsPrinted() throws {
        let outcome = try AttainProcess.run(["--version"])
        #expect(outcome.status == 0)
        let version = outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil },
                "not a semantic version: \(outcome.standardOutput)")
    }

    /// `{"version": …, "seed": …, "inputs": [{"role", "file", "sha256"}]}` of a JSON result.
    static func provenance(_ json: String) throws -> (version: String, seed: Int, inputs: [[String: String]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let version = try #require(object["version"] as? String)
        let seed = try #require(object["seed"] as? Int)
        let inputs = try #require(object["inputs"] as? [[String: String]])
        return (version, seed, inputs)
    }

    /// A copy of the baseline scenario, its extension, targets and data in a temporary directory.
    static func copyOfTheExample() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-provenance-\(UUID().uuidString)")
        for sub in ["scenarios", "notebooks-data"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in ["scenarios/baseline.yaml", "scenarios/union-drive-2026.yaml", "scenarios/plan-targets.yaml",
                     "notebooks-data/district.csv", "notebooks-data/units.csv", "notebooks-data/README.md"] {
            try FileManager.default.copyItem(at: RepositoryFiles.root.appendingPathComponent(file), to: dir.appendingPathComponent(file))
        }
        return dir
    }

    @Test func runJSONRecordsVersionSeedAndADigestOfEveryInputFileIncludingTheExtendsChain() throws {
        let dir = try Self.copyOfTheExample()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("scenarios/union-drive-2026.yaml").path
        let first = try AttainProcess.run(["run", scenario, "--paths", "200", "--seed", "11", "--format", "json"])
        #expect(first.status == 0, "\(first.standardError)")
        let (version, seed, inputs) = try Self.provenance(first.standardOutput)
        let printed = try AttainProcess.run(["--version"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version == printed && seed == 11)
        let names = inputs.map { "\($0["role"] ?? "?") \(URL(fileURLWithPath: $0["file"] ?? "").lastPathComponent)" }
        #expect(names == ["scenario union-drive-2026.yaml", "scenario baseline.yaml", "targets plan-targets.yaml",
                          "data district.csv", "data units.csv"])
        for input in inputs {
            let digest = try #require(input["sha256"])
            #expect(digest.count == 12 && digest.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            // The digest is the start of the file's SHA-256, as `sha256sum` would print it.
            if let expected = try? Self.sha256sum(input["file"]!) { #expect(expected.hasPrefix(digest)) }
        }

        // One changed value in a data file changes its digest, and only its digest.
        let district = dir.appendingPathComponent("notebooks-data/district.csv")
        var text = try String(contentsOf: district, encoding: .utf8)
        let range = try #require(text.range(of: "2026-Q2,1461", options: .backwards))
        text.replaceSubrange(range, with: "2026-Q2,1462")
        try text.write(to: district, atomically: true, encoding: .utf8)
        let second = try AttainProcess.run(["run", scenario, "--paths", "200", "--seed", "11", "--format", "json"])
        #expect(second.status == 0, "\(second.standardError)")
        let after = try Self.provenance(second.standardOutput).inputs
        let changed = zip(inputs, after).filter { $0["sha256"] != $1["sha256"] }.map { $0.0["file"].map { URL(fileURLWithPath: $0).lastPathComponent } }
        #expect(changed == ["district.csv"])
    }

    @Test func compareAndGoalseekJSONRecordProvenanceToo() throws {
        let compare = try AttainProcess.run(["compare", "scenarios/baseline.yaml", "scenarios/union-drive-2026.yaml",
                                             "--paths", "200", "--seed", "5", "--format", "json"])
        #expect(compare.status == 0, "\(compare.standardError)")
        let c = try Self.provenance(compare.standardOutput)
        #expect(c.seed == 5 && c.inputs.map { $0["role"] ?? "" } == ["scenario", "targets", "data", "data", "scenario"])
        let seek = try AttainProcess.run(["goalseek", "scenarios/union-drive-2026.yaml", "--target", "P2-1a", "--probability", "0.8",
                                          "--lever", "founding-drive", "--paths", "200", "--seed", "5", "--format", "json"])
        #expect(seek.status == 0, "\(seek.standardError)")
        let g = try Self.provenance(seek.standardOutput)
        #expect(g.seed == 5 && g.inputs.count == 5 && !g.version.isEmpty)
    }

    @Test func theBriefingsMethodNoteGivesVersionSeedAndDigestsInBothLanguages() throws {
        for (lang, words) in [("en", "Made with Attain"), ("vi", "Lập bằng Attain")] {
            let outcome = try AttainProcess.run(["brief", "scenarios/baseline.yaml", "--lang", lang, "--paths", "200", "--seed", "9",
                                                 "--format", "md"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let md = outcome.standardOutput
            #expect(md.contains(words) && md.contains("SHA-256") && md.contains("9."), "\(lang)")
            #expect(md.contains("baseline.yaml") && md.contains("district.csv") && md.contains("plan-targets.yaml"))
        }
    }

    /// `sha256sum FILE`'s digest, where that program exists.
    static func sha256sum(_ file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file]
        process.currentDirectoryURL = RepositoryFiles.root
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
