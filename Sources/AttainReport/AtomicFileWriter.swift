#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old contents or the complete new contents, never a part.
///
/// The bytes go to a temporary file in the destination's directory, which is flushed to disk (`fsync`) and then
/// renamed over the destination: a rename within one file system is atomic. If anything fails (the directory is
/// not writable, the disk is full, or the caller's body throws mid-write) the temporary file is removed, nothing new
/// is left behind and an existing destination keeps its old contents. A replaced file keeps its permission bits;
/// a new one gets `0666` less the process umask, like any file a shell redirection creates.
///
/// ```swift
/// try AtomicFileWriter.write("<html>…</html>", to: "briefing.html")
/// ```
/// Cost: one extra `fsync` of the file and one of its directory.
public enum AtomicFileWriter {
    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(to: path) { sink throws(FileWriteError) in try sink.write(text) }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        try write(to: path) { sink throws(FileWriteError) in try sink.write(bytes) }
    }

    /// Streams content into `path` atomically: `body` writes through the sink; if it throws, the destination is untouched.
    ///
    /// An error thrown by `body` that is not a ``FileWriteError`` is wrapped as ``FileWriteError/Reason/aborted(_:)``.
    public static func write(to path: String, _ body: (inout FileSink) throws -> Void) throws(FileWriteError) {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: .emptyPath) }
        let directory = directoryName(of: path)
        let base = baseName(of: path)
        var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileWriteError(path: path, reason: .system(operation: "create a temporary file in \(directory)", errno: errno)) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var sink = FileSink(descriptor: fd, path: path)
        var committed = false
        defer {
            if !committed {
                if sink.descriptor >= 0 { close(sink.descriptor) }
                unlink(tempPath)
            }
        }
        do {
            try body(&sink)
        } catch let error as FileWriteError {
            throw error
        } catch {
            throw FileWriteError(path: path, reason: .aborted(String(describing: error)))
        }
        if fchmod(fd, permissions(forReplacing: path)) != 0 {
            throw FileWriteError(path: path, reason: .system(operation: "set the file permissions", errno: errno))
        }
        if fsync(fd) != 0 { throw FileWriteError(path: path, reason: .system(operation: "flush it to disk", errno: errno)) }
        let closed = close(fd)
        sink.descriptor = -1
        if closed != 0 { throw FileWriteError(path: path, reason: .system(operation: "close it", errno: errno)) }
        if rename(tempPath, path) != 0 {
            throw FileWriteError(path: path, reason: .system(operation: "move it into place", errno: errno))
        }
        committed = true
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
    }

    /// Checks, without writing anything, that `path`'s directory exists and is writable and that `path` is not a directory.
    public static func checkWritable(_ path: String) throws(FileWriteError) {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: .emptyPath) }
        let directory = directoryName(of: path)
        if access(directory, W_OK) != 0 {
            throw FileWriteError(path: path, reason: .system(operation: "write in the directory \(directory)", errno: errno))
        }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileWriteError(path: path, reason: .system(operation: "replace it", errno: EISDIR))
        }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = path[..<slash]
        return head.isEmpty ? "/" : String(head)
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func permissions(forReplacing path: String) -> mode_t {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }
}

/// The write end handed to the body of ``AtomicFileWriter/write(to:_:)``.
public struct FileSink {
    fileprivate(set) var descriptor: Int32
    let path: String

    fileprivate init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Appends `text` as UTF-8.
    public mutating func write(_ text: String) throws(FileWriteError) {
        try write(Array(text.utf8))
    }

    /// Appends raw bytes, retrying short writes.
    public mutating func write(_ bytes: [UInt8]) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, reason: .system(operation: "write its contents", errno: errno))
            }
            offset += written
        }
    }
}

#if canImport(Darwin)
private let systemWrite = Darwin.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#else
private let systemWrite = Glibc.write
#endif
