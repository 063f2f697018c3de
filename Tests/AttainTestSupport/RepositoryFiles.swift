import Foundation

/// Files of this repository and of the reference data beside it, located from this source file
/// (`Tests/AttainTestSupport/RepositoryFiles.swift`), so tests run from any working directory.
public enum RepositoryFiles {
    /// The repository root.
    public static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // file → Tests/AttainTestSupport → Tests → repo
        return url
    }

    /// `../shared/data` beside the repository: the real series (`real-series/`), which are not part of the repository.
    /// Tests that read it are skipped, with the reason printed, when it is absent (see `sharedDataAvailable`).
    public static var sharedData: URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// Whether `relative` exists under `../shared/data` beside the repository (a fresh clone has no such folder).
    public static func sharedDataAvailable(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: sharedData.appendingPathComponent(relative).path)
    }

    /// `Tests/Fixtures` in the repository: the NIST StRD reference data (`nist-strd/`, public domain), vendored.
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    /// The path of `relative` inside the repository.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A fresh temporary directory holding `files` (name → contents); returns its path.
    public static func temporaryDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }
}
