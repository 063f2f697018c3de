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

    /// `../shared/data` beside the repository: NIST StRD and the real series.
    public static var sharedData: URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

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
