import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A failing or interrupted run never leaves a partial output file and never touches an existing one.
@Suite("Failed runs leave outputs alone", .serialized)
struct BadInputOutputSafetyTests {
    /// Bytes a user would hate to lose: not valid UTF-8, so any rewrite shows.
    static let precious: [UInt8] = Array("{\"kept\": true}\n".utf8) + [0xFF, 0x00, 0xC3, 0x28] + Array("\n".utf8)

    /// Failing commands, each writing to `@/existing.<ext>`.
    static let failing: [(name: String, files: [String: FileContent], arguments: [String])] = [
        ("run, bad scenario", ["s.yaml": .text("version: 1\nhorizn: 2030\n")],
         ["run", "@/s.yaml", "--paths", "20", "--format", "json", "--output", "@/existing.json"]),
        ("run, missing data file", ["s.yaml": .text(BadInputCorpus.scenario().replacingOccurrences(of: BadInputCorpus.district, with: "gone.csv")),
                                    "t.yaml": .text(BadInputCorpus.targets)],
         ["run", "@/s.yaml", "--paths", "20", "--output", "@/existing.json"]),
        ("brief, truncated scenario", ["s.yaml": .text("version: 1\nname: [unclosed\n")],
         ["brief", "@/s.yaml", "--paths", "20", "--output", "@/existing.html"]),
        ("fit, data with errors", ["d.csv": .text(BadInputCorpus.header + "A,x,2024,abc,,\nA,x,2025,2,,\n")],
         ["fit", "--data", "@/d.csv", "--indicator", "x", "--format", "json", "--output", "@/existing.json"]),
        ("fit, unknown indicator", ["d.csv": .text(BadInputCorpus.header + "A,x,2024,1,,\nA,x,2025,2,,\n")],
         ["fit", "--data", "@/d.csv", "--indicator", "y", "--output", "@/existing.json"]),
        ("backtest, binary data", ["d.csv": .bytes(GeneratedBytes.garbage(count: 4096, seed: 9))],
         ["backtest", "--data", "@/d.csv", "--indicator", "x", "--origin", "2020", "--horizon", "1", "--quantiles", "0.5",
          "--output", "@/existing.json"]),
        ("run, usage error", ["s.yaml": .text(BadInputCorpus.scenario()), "t.yaml": .text(BadInputCorpus.targets)],
         ["run", "@/s.yaml", "--paths", "-1", "--output", "@/existing.json"]),
    ]

    @Test(arguments: 0..<failing.count)
    func aFailingRunLeavesTheExistingOutputByteForByte(_ index: Int) throws {
        let (name, files, arguments) = Self.failing[index]
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(files)
        let target = arguments.last!.replacingOccurrences(of: "@/", with: "")
        try Data(Self.precious).write(to: URL(fileURLWithPath: directory.file(target)))
        let before = try directory.listing()
        let outcome = try AttainProcess.run(arguments.map { BadInputDirectory.substitute($0, directory: directory.path) })
        #expect([1, 2].contains(outcome.status), "\(name): exit \(outcome.status)\n\(outcome.standardError)")
        let kept = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.file(target)))) == Self.precious
        #expect(kept, "\(name): the existing output was changed")
        let after = try directory.listing()
        #expect(after == before, "\(name): files were added or removed: \(after)")
    }

    @Test func aSuccessfulRunReplacesTheOutputAndLeavesNoTemporaryFile() throws {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["d.csv": .text(BadInputCorpus.header + "A,x,2021,1,,\nA,x,2022,2,,\nA,x,2023,3,,\nA,x,2024,4,,\n"),
                             "existing.json": .bytes(Self.precious)])
        let outcome = try AttainProcess.run(["fit", "--data", directory.file("d.csv"), "--indicator", "x", "--kind", "level",
                                             "--model", "linear", "--format", "json", "--output", directory.file("existing.json")])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: directory.file("existing.json")))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])
        #expect(try directory.listing() == ["d.csv", "existing.json"])
    }

    /// Killed in the middle of its work, `brief` leaves the previous briefing and no temporary file.
    @Test func aKilledRunLeavesTheExistingOutput() throws {
        guard let executable = AttainProcess.executable else { throw AttainProcess.NotBuilt() }
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["existing.html": .bytes(Self.precious)])
        let process = Process()
        process.executableURL = executable
        process.arguments = ["brief", AttainProcess.repository.appendingPathComponent("scenarios/baseline.yaml").path,
                             "--paths", "5000000", "--threads", "1", "--output", directory.file("existing.html")]
        process.currentDirectoryURL = AttainProcess.repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        // SIGKILL, as a killed job or a power cut would: no handler runs. (SIGTERM would not do here: a child started
        // from a test-runner thread inherits that thread's blocked signal mask and ignores it.)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let kept = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.file("existing.html")))) == Self.precious
        #expect(kept, "the existing briefing was changed")
        #expect(try directory.listing() == ["existing.html"])
    }

    /// Interrupted while simulating, `run --sample-paths existing.csv` must leave the existing file as it was.
    @Test func aKilledRunLeavesAnExistingSamplePathsFile() throws {
        guard let executable = AttainProcess.executable else { throw AttainProcess.NotBuilt() }
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["paths.csv": .bytes(Self.precious)])
        let file = directory.file("paths.csv")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", AttainProcess.repository.appendingPathComponent("scenarios/baseline.yaml").path,
                             "--paths", "5000000", "--threads", "1", "--sample-paths", file, "--output", directory.file("r.json")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the simulation is under way (or the file has been touched), then kill it.
        let start = Date()
        while Date().timeIntervalSince(start) < 4,
              (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))) == Self.precious {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: directory.file("r.json")))
        // The rows stream into a temporary file that replaces the target only when the run finishes.
        let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let kept = after == Self.precious  // compared outside #expect: diffing megabytes of CSV would take minutes
        #expect(kept, "the existing file now has \(after.count) bytes")
    }

    /// `--sample-paths` names a second output; a run that then fails must leave an existing file there alone too.
    @Test func aFailingRunLeavesAnExistingSamplePathsFile() throws {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["s.yaml": .text(BadInputCorpus.scenario()), "t.yaml": .text(BadInputCorpus.targets),
                             "paths.csv": .bytes(Self.precious)])
        // The result cannot be written (its directory does not exist), so the run fails after simulating.
        let outcome = try AttainProcess.run(["run", directory.file("s.yaml"), "--paths", "20", "--sample-paths", directory.file("paths.csv"),
                                             "--output", directory.file("missing-dir/r.json")])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let kept = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.file("paths.csv")))) == Self.precious
        #expect(kept, "the existing --sample-paths file was changed")
        #expect(try directory.listing() == ["paths.csv", "s.yaml", "t.yaml"])
    }
}
