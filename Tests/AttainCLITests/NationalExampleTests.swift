import Foundation
import Testing
import AttainTestSupport

/// The national example's generator (notebooks-data/national/generate.py), at a small size: its files validate, and
/// its league run in shards merges to the one run's bytes.
@Suite("national example", .serialized)
struct NationalExampleTests {
    @Test func aSmallNationalFileValidatesAndItsShardsMergeToTheOneRun() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else {
            print("national example test skipped: no python3 to run notebooks-data/national/generate.py")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: python)
        generate.arguments = [AttainProcess.repository.appendingPathComponent("notebooks-data/national/generate.py").path, dir.path,
                              "--communes", "9", "--validate-rows", "5000"]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("national.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 9 * 70)
        let files = ["national.csv", "scenario.yaml", "targets.yaml", "validate-2m.csv"].map { dir.appendingPathComponent($0).path }
        let valid = try AttainProcess.run(["validate"] + files)
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        let scenario = files[1]
        let args = ["run", scenario, "--by", "unit", "--paths", "300", "--seed", "5", "--quiet"]
        var shards: [String] = []
        for i in 1...2 {
            let file = dir.appendingPathComponent("shard-\(i).json").path
            #expect(try AttainProcess.run(args + ["--shard", "\(i)/2", "--output", file]).status == 0)
            shards.append(file)
        }
        let one = try AttainProcess.run(args + ["--format", "csv"])
        let merged = try AttainProcess.run(["merge"] + shards + ["--format", "csv"])
        #expect(one.status == 0 && merged.status == 0)
        #expect(merged.standardOutput == one.standardOutput)
        // Every commune is ranked on the targets its data support: 18 targets x 9 communes, none skipped.
        let lines = one.standardOutput.split(separator: "\n").dropFirst()
        #expect(lines.count == 18 * 9 && !lines.contains { $0.contains(",skipped,") })
    }
}
