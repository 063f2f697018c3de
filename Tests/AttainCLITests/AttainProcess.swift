import Foundation
import AttainTestSupport

/// Runs the built `attain` executable as a user would, capturing its output and exit code.
enum AttainProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The repository root.
    static var repository: URL { RepositoryFiles.root }

    /// The `attain` binary in the products directory that holds this test bundle.
    static var executable: URL? {
        var candidates: [URL] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argv0.deletingLastPathComponent())
        let bundle = Bundle.main.bundleURL
        candidates += [bundle, bundle.deletingLastPathComponent()]
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in candidates {
            let binary = directory.appendingPathComponent("attain")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return nil
    }

    /// Runs `attain` with `arguments` in the repository directory; standard input is empty.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        guard let executable else { throw NotBuilt() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                       standardError: String(decoding: errData, as: UTF8.self))
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the attain executable was not found next to the test bundle; run `swift build` first" }
    }
}

/// Compares `text` with the snapshot file `name` in `Tests/AttainCLITests/Snapshots/`.
///
/// Set `ATTAIN_UPDATE_SNAPSHOTS=1` to rewrite the snapshot after an intended change of help text.
enum Snapshot {
    static func matches(_ text: String, named name: String) throws -> (Bool, expected: String) {
        let url = AttainProcess.repository.appendingPathComponent("Tests/AttainCLITests/Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["ATTAIN_UPDATE_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        return (expected == text, expected)
    }
}
