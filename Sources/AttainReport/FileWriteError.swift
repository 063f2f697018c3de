#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written, with the path and advice on how to fix it.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The output path was empty.
        case emptyPath
        /// A system call failed; `operation` says which step, `errno` the system's code.
        case system(operation: String, errno: Int32)
        /// The content producer stopped with this error before the file was complete.
        case aborted(String)
    }

    /// The destination that was not written.
    public let path: String
    /// The cause.
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .emptyPath:
            return "cannot write output: the file name is empty. Give a path such as --output briefing.html."
        case .system(let operation, let code):
            let cause = String(cString: strerror(code))
            let advice: String
            switch code {
            case EACCES, EPERM, EROFS:
                advice = "choose a directory you can write to, or fix its permissions"
            case ENOENT, ENOTDIR:
                advice = "create the directory first, or check the spelling of the path"
            case ENOSPC, EDQUOT:
                advice = "free some disk space and try again"
            default:
                advice = "check the path and try again"
            }
            return "cannot write '\(path)': could not \(operation): \(cause). Nothing was changed; \(advice)."
        case .aborted(let why):
            return "stopped writing '\(path)' before it was complete (\(why)); the file was left as it was."
        }
    }
}
