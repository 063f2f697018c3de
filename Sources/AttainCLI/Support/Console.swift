#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error for commands: results go to stdout, progress/warnings/errors to stderr.
enum Console {
    /// Writes `text` to standard output as is (no newline added).
    static func out(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes `bytes` to standard output as they are (after anything ``out(_:)`` left buffered), retrying short writes.
    static func outBytes(_ bytes: [UInt8]) throws {
        fflush(nil)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { throw OutputError(code: errno) }
            offset += written
        }
    }

    /// Standard output could not be written (a closed pipe, a full disk).
    struct OutputError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "could not write the output: \(String(cString: strerror(code)))" }
    }

    /// Writes one line to standard error (a newline is added unless `line` ends with one).
    static func error(_ line: String) {
        errorRaw(line.hasSuffix("\n") ? line : line + "\n")
    }

    /// Writes `text` to standard error as is, unbuffered.
    static func errorRaw(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// A warning on standard error, prefixed `warning:`.
    static func warning(_ message: String) {
        error("warning: " + message)
    }

    /// Whether standard error is a terminal (then progress bars are drawn).
    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }
}
