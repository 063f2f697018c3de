import Foundation
import Testing
@testable import AttainReport

@Suite("Atomic file writing")
struct AtomicFileWriterTests {
    struct Interrupted: Error {}

    /// A fresh empty directory under the system temporary directory.
    func makeDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "attain-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func writesTheWholeFileAndLeavesNoTemporaryBehind() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/báo cáo.html"
        try AtomicFileWriter.write("<p>Đạt</p>\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>Đạt</p>\n")
        #expect(try entries(directory) == ["báo cáo.html"])
        try AtomicFileWriter.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o600 } == 0o600)
    }

    @Test func aThrowMidWriteKeepsTheExistingFileAndLeavesNothingElse() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.txt"
        try AtomicFileWriter.write("old contents\n", to: path)
        #expect(throws: FileWriteError.self) {
            try AtomicFileWriter.write(to: path) { sink in
                try sink.write("half of the new ")
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
        #expect(try entries(directory) == ["out.txt"])
    }

    @Test func aThrowMidWriteCreatesNoFile() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            try AtomicFileWriter.write(to: directory + "/new.txt") { sink in
                try sink.write("partial")
                throw Interrupted()
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .aborted(String(describing: Interrupted())))
            #expect(error.description.contains("left as it was"))
        }
        #expect(try entries(directory).isEmpty)
    }

    @Test func anUnwritableDirectoryFailsWithAdviceAndKeepsTheOldFile() throws {
        let directory = try makeDirectory()
        defer {
            chmod(directory, 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        let path = directory + "/kept.txt"
        try AtomicFileWriter.write("kept\n", to: path)
        chmod(directory, 0o555)
        // root ignores directory permissions; the check is meaningful only for other users.
        if geteuid() != 0 {
            do {
                try AtomicFileWriter.write("new\n", to: path)
                Issue.record("expected an error")
            } catch {
                #expect(error.description.contains("Nothing was changed"))
                #expect(error.description.contains("permissions"))
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
        chmod(directory, 0o755)
        #expect(try entries(directory) == ["kept.txt"])
    }

    @Test func aMissingDirectoryIsReportedWithThePath() {
        do {
            try AtomicFileWriter.write("x", to: "/nonexistent-attain-dir/briefing.html")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "/nonexistent-attain-dir/briefing.html")
            #expect(error.description.contains("create the directory first"))
        }
    }

    @Test func theEarlyCheckCatchesMissingDirectoriesAndDirectoryTargets() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: Never.self) { try AtomicFileWriter.checkWritable(directory + "/new.html") }
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.checkWritable("/nonexistent-attain-dir/x.html") }
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.checkWritable(directory) }
        #expect(try entries(directory).isEmpty)
    }

    @Test func renamingOntoADirectoryFailsAndRemovesTheTemporaryFile() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/taken", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: directory + "/taken/inside", withIntermediateDirectories: false)
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write("x", to: directory + "/taken") }
        #expect(try entries(directory) == ["taken"])
    }
}
