import Foundation
import Testing

/// One bad-input case: files to create in a fresh directory, the command line, and what a user must see.
///
/// In `arguments` and in text files, `@/` stands for the case's directory and `@repo/` for the repository, so cases
/// use absolute paths (``AttainProcess`` runs `attain` in the repository directory).
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// Where a case's message is printed: failures of a command on standard error; `validate`'s table of problems is
    /// its result, on standard output.
    enum Stream: Sendable { case standardError, standardOutput }

    var name: String
    var files: [String: FileContent]
    var arguments: [String]
    var status: Int32
    /// Substrings the message must contain (file, line, key, suggestion...).
    var messages: [String]
    var stream: Stream = .standardError
    /// Substrings standard output must contain (for inputs that must be read correctly).
    var output: [String] = []

    var testDescription: String { name }
}

/// The contents of a file a case creates.
enum FileContent: Sendable {
    case text(String)
    case bytes([UInt8])

    func data(directory: String) -> Data {
        switch self {
        case .text(let s): return Data(BadInputDirectory.substitute(s, directory: directory).utf8)
        case .bytes(let b): return Data(b)
        }
    }
}

/// A fresh temporary directory per case, removed afterwards.
struct BadInputDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("attain-badinput-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ files: [String: FileContent]) throws {
        for (name, content) in files {
            let url = URL(fileURLWithPath: file(name))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.data(directory: path).write(to: url)
        }
    }

    /// The names in the directory, sorted (hidden files included, so left-over temporary files show).
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    static func substitute(_ text: String, directory: String) -> String {
        text.replacingOccurrences(of: "@repo/", with: AttainProcess.repository.path + "/")
            .replacingOccurrences(of: "@/", with: directory + "/")
    }
}

/// Byte patterns generated in code (binary garbage, huge fields) rather than committed.
enum GeneratedBytes {
    /// `count` pseudo-random bytes from a fixed seed (SplitMix64), the same on every run.
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { out += $0.prefix(count - out.count) }
        }
        return out
    }

    /// `text` as UTF-16 with a byte-order mark.
    static func utf16(_ text: String, littleEndian: Bool, bom: Bool = true) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let lo = UInt8(unit & 0xFF), hi = UInt8(unit >> 8)
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return out
    }

    /// Vietnamese text in Windows-1258 (a legacy code page): "Hiệp Hòa" with its combining tone marks as single bytes.
    static let windows1258HiepHoa: [UInt8] = [0x48, 0x69, 0xEA, 0xF2, 0x70, 0x20, 0x48, 0xF2, 0x61]
}

/// Looks for numbers a JSON or CSV output must never contain.
enum NonFinite {
    /// The first `nan`, `inf` or `infinity` (any case, as a whole word) outside double-quoted strings in `text`, or nil.
    ///
    /// Quoted text (JSON strings, quoted CSV fields) is skipped, so a message that mentions "infinity" is not a finding.
    static func find(in text: String) -> String? {
        var outside = ""
        outside.reserveCapacity(text.utf8.count)
        var inString = false, escaped = false
        for c in text {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false; outside.append(" ") }
            } else if c == "\"" {
                inString = true
                outside.append(" ")
            } else {
                outside.append(c)
            }
        }
        let words = outside.lowercased().split { !($0.isLetter || $0 == "_") }
        return words.first { ["nan", "inf", "infinity"].contains($0) }.map(String.init)
    }
}
