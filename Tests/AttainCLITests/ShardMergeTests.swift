import Foundation
import Testing
import AttainTestSupport

/// `attain run --by unit --shard i/n` and `attain merge`, as a user runs them: the merge of the shards prints the same
/// bytes as one run in every format, and bad sets of shards are refused naming the files.
@Suite("shards and merge", .serialized)
struct ShardMergeTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-shards-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Writes shards 1…n of `args` (a `run --by unit` command) and returns their files.
    func shards(_ args: [String], count: Int, tag: String) throws -> [String] {
        try (1...count).map { i in
            let file = path("\(tag)-\(i).json")
            let r = try AttainProcess.run(args + ["--shard", "\(i)/\(count)", "--output", file, "--quiet"])
            #expect(r.status == 0, "\(r.standardError)")
            return file
        }
    }

    @Test func threeShardsMergedGiveTheOneRunsBytesInEveryFormat() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "scenarios/baseline.yaml", "--by", "unit", "--units", "all", "--paths", "700", "--seed", "42"]
        let files = try shards(args, count: 3, tag: "base")
        for format in ["json", "csv", "table", "md"] {
            let one = try AttainProcess.run(args + ["--format", format, "--quiet"])
            #expect(one.status == 0 && !one.standardOutput.isEmpty)
            let merged = try AttainProcess.run(["merge"] + files.reversed() + ["--format", format, "--quiet"])
            #expect(merged.status == 0, "\(merged.standardError)")
            #expect(merged.standardOutput == one.standardOutput, "\(format)")
        }
        // --out writes the same bytes; the format follows its extension.
        let out = path("league.csv")
        let written = try AttainProcess.run(["merge"] + files + ["--out", out])
        #expect(written.status == 0 && written.standardError.contains("wrote \(out)"))
        let one = try AttainProcess.run(args + ["--format", "csv", "--quiet"])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == one.standardOutput)
    }

    @Test func mergeWritesTheSameChartsAsTheOneRun() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "scenarios/baseline.yaml", "--by", "unit", "--units", "all", "--paths", "300", "--seed", "5"]
        let files = try shards(args, count: 2, tag: "chart")
        let (oneDir, mergedDir) = (path("one-charts"), path("merged-charts"))
        let one = try AttainProcess.run(args + ["--format", "csv", "--chart", oneDir, "--quiet"])
        let merged = try AttainProcess.run(["merge"] + files + ["--format", "csv", "--chart", mergedDir, "--quiet"])
        #expect(one.status == 0 && merged.status == 0, "\(one.standardError)\(merged.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: oneDir).sorted()
        #expect(names.count >= 8 && names.allSatisfy { $0.hasSuffix(".svg") }, "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mergedDir).sorted() == names)
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: oneDir).appendingPathComponent(name))
            let b = try Data(contentsOf: URL(fileURLWithPath: mergedDir).appendingPathComponent(name))
            #expect(a == b && a.count > 500, "\(name)")
        }
    }

    @Test func theSecondPlansProvinceShardsMergeToItsOneRunToo() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "scenarios/r28/baseline.yaml", "--by", "unit", "--paths", "500", "--seed", "7", "--threads", "1"]
        let files = try shards(args, count: 3, tag: "r28")
        for format in ["json", "table"] {
            let one = try AttainProcess.run(args + ["--format", format, "--quiet"])
            let merged = try AttainProcess.run(["merge"] + files + ["--format", format])
            #expect(one.status == 0 && merged.status == 0 && merged.standardOutput == one.standardOutput, "\(format)")
        }
    }

    @Test func badSetsOfShardsExitOneNamingTheFilesAndLeaveOutputUntouched() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "scenarios/baseline.yaml", "--by", "unit", "--paths", "200"]
        let files = try shards(args, count: 3, tag: "s")
        let out = path("keep.txt")
        try "previous\n".write(toFile: out, atomically: true, encoding: .utf8)
        let missing = try AttainProcess.run(["merge", files[0], files[2], "--out", out])
        #expect(missing.status == 1 && missing.standardError.contains("missing shard 2/3") && missing.standardError.contains(files[0]))
        let twice = try AttainProcess.run(["merge", files[0], files[1], files[1], files[2], "--out", out])
        #expect(twice.status == 1 && twice.standardError.contains("given twice"))
        let other = try shards(args.dropLast() + ["300"], count: 3, tag: "other")
        let mixed = try AttainProcess.run(["merge", files[0], other[1], files[2], "--out", out])
        #expect(mixed.status == 1 && mixed.standardError.contains(other[1]) && mixed.standardError.contains("paths"))
        let notShard = try AttainProcess.run(["merge", files[0], files[1], "scenarios/baseline.yaml"])
        #expect(notShard.status == 1 && notShard.standardError.contains("scenarios/baseline.yaml: not a shard file"))
        try "{\"format\": \"attain-league-shard\", \"shard\": 1}".write(toFile: path("broken.json"), atomically: true, encoding: .utf8)
        let broken = try AttainProcess.run(["merge", path("broken.json")])
        #expect(broken.status == 1 && broken.standardError.contains("broken.json: a damaged shard file"))
        let absent = try AttainProcess.run(["merge", path("nowhere.json")])
        #expect(absent.status == 1 && absent.standardError.contains("nowhere.json: cannot be read"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous\n")
        for bad in [["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "two"], ["--shard", "1/3", "--format", "csv"],
                    ["--shard", "1/3", "--chart", path("c")]] {
            let r = try AttainProcess.run(args + bad)
            #expect(r.status == 2, "\(bad)")
        }
        #expect(try AttainProcess.run(["run", "scenarios/baseline.yaml", "--shard", "1/2"]).status == 2)
        #expect(try AttainProcess.run(["merge"]).status == 2)
    }
}
