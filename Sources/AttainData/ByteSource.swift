#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes a ``CSVTable/Stream`` reads: a copy in memory, or a file mapped read-only.
///
/// A mapped file is read in one pass that checks it is UTF-8 and counts its lines, then tokenized; both passes give
/// back the pages they have read (``release(before:)``), so a large file costs a few megabytes of memory, not its size.
final class ByteSource {
    /// The first byte (after a UTF-8 byte-order mark, for a mapped file).
    let base: UnsafePointer<UInt8>
    /// The number of bytes from `base`.
    let count: Int
    /// How many bytes are read between two releases of the pages already read.
    static let releaseStep = 8 << 20
    private let storage: Storage
    private var knownLineCount: Int?

    private enum Storage {
        case owned(UnsafeMutableBufferPointer<UInt8>)
        case mapped(address: UnsafeMutableRawPointer, length: Int)
    }

    /// A copy of `bytes`.
    init(copying bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        storage = .owned(buffer)
        base = UnsafePointer(buffer.baseAddress!)
        count = bytes.count
    }

    private init(address: UnsafeMutableRawPointer, length: Int, skip: Int, lineCount: Int) {
        storage = .mapped(address: address, length: length)
        base = UnsafePointer(address.assumingMemoryBound(to: UInt8.self)) + skip
        count = length - skip
        knownLineCount = lineCount
    }

    deinit {
        switch storage {
        case .owned(let buffer): buffer.deallocate()
        case .mapped(let address, let length): munmap(address, length)
        }
    }

    /// The number of lines (line feeds + 1).
    var lineCount: Int {
        if let knownLineCount { return knownLineCount }
        var n = 1
        for i in 0..<count where base[i] == UInt8(ascii: "\n") { n += 1 }
        knownLineCount = n
        return n
    }

    /// Gives back the pages of a mapped file wholly before `index` (read again from the file if touched later).
    func release(before index: Int) {
        guard case .mapped(let address, _) = storage else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let offset = base - UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
        let length = (offset + min(index, count)) / page * page
        if length > 0 { _ = madvise(address, length, Int32(MADV_DONTNEED)) }
    }

    /// The regular file at `path` mapped, when it is non-empty UTF-8 (a BOM is skipped); nil for anything else (a
    /// missing or unreadable file, a directory, UTF-16, bytes that are not UTF-8), which the caller reads the plain way
    /// to report or decode it.
    static func mappingUTF8File(atPath path: String) -> ByteSource? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let length = Int(info.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        let all = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
        let hasBOM = all.starts(with: [0xEF, 0xBB, 0xBF])
        let head = Array(all.prefix(256))
        if !hasBOM && (head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || TextDecoding.looksLikeBOMlessUTF16(head) != nil) {
            munmap(address, length)
            return nil
        }
        let source = ByteSource(address: address, length: length, skip: hasBOM ? 3 : 0, lineCount: 0)
        guard let lines = source.checkUTF8CountingLines() else { return nil }  // deinit unmaps
        source.knownLineCount = lines
        return source
    }

    /// Checks the bytes are UTF-8, chunk by chunk (each cut before a byte that starts a character, so that the chunks
    /// are valid exactly when the whole is), giving back each chunk's pages; the number of lines, nil when not UTF-8.
    private func checkUTF8CountingLines() -> Int? {
        var lines = 1, start = 0
        while start < count {
            var stop = min(start + Self.releaseStep, count)
            var back = 0
            while stop < count, back < 4, base[stop] & 0xC0 == 0x80 { stop -= 1; back += 1 }
            let chunk = UnsafeBufferPointer(start: base + start, count: stop - start)
            guard String(validating: chunk, as: UTF8.self) != nil else { return nil }
            for b in chunk where b == UInt8(ascii: "\n") { lines += 1 }
            release(before: stop)
            start = stop
        }
        return lines
    }
}
