import Crypto
import Foundation

/// The version of Attain, printed by `attain --version` and recorded in every JSON result and briefing.
///
/// Semantic versioning: 0.x while the command line and the JSON fields may still change between minor versions;
/// 1.0.0 will mark them stable.
public enum AttainVersion {
    public static let current = "0.9.0"
}

/// A short fingerprint of one input file: the first 12 hexadecimal digits (48 bits) of the SHA-256 of its bytes.
///
/// Recorded with every result so that a reader can tell whether two results came from the same scenario, targets and
/// data files: any change to a file's bytes changes its digest (a chance collision needs about 2²⁴ files).
///
/// ```swift
/// let d = try InputDigest(file: "notebooks-data/district.csv", role: .data)   // d.sha256 == "3f2a…" (12 digits)
/// ```
public struct InputDigest: Sendable, Codable, Equatable, Hashable {
    /// What the file is to the run.
    public enum Role: String, Sendable, Codable, Hashable {
        /// A scenario file, or a scenario it `extends`.
        case scenario
        /// A targets file.
        case targets
        /// A data file (tidy CSV).
        case data
    }

    /// The number of hexadecimal digits kept.
    public static let digits = 12

    public var role: Role
    /// The path as the run resolved it.
    public var file: String
    /// The first ``digits`` hexadecimal digits of the SHA-256 of the file's bytes, lower case.
    public var sha256: String

    public init(role: Role, file: String, sha256: String) {
        self.role = role
        self.file = file
        self.sha256 = sha256
    }

    /// Reads `file` and digests its bytes.
    public init(file: String, role: Role) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: DataFilePath.split(file).file))  // a workbook's sheet: the workbook
        self.init(role: role, file: file, sha256: Self.shortDigest(of: bytes))
    }

    /// The full SHA-256 of `bytes` in lower-case hexadecimal (64 digits).
    public static func sha256Hex(of bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The first ``digits`` hexadecimal digits of the SHA-256 of `bytes`.
    public static func shortDigest(of bytes: some DataProtocol) -> String {
        String(sha256Hex(of: bytes).prefix(digits))
    }

    /// The digests of several lists in order, each file once (the first time it appears).
    public static func merged(_ lists: [[InputDigest]]) -> [InputDigest] {
        var seen = Set<String>()
        return lists.joined().filter { seen.insert(URL(fileURLWithPath: $0.file).standardizedFileURL.path).inserted }
    }

    /// The digests of `files` that can be read, in order and without repeats (a file named twice is listed once, with
    /// its first role); files that cannot be read (a scenario parsed from text) are left out.
    public static func of(_ files: [(file: String, role: Role)]) -> [InputDigest] {
        merged([files.compactMap { $0.file.isEmpty ? nil : try? InputDigest(file: $0.file, role: $0.role) }])
    }
}
