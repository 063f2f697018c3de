import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` file (a zip archive of XML parts), read with limits that stop a zip bomb.
///
/// Before anything is inflated, the bytes are told apart: an old binary `.xls` and a password-protected workbook
/// are both OLE compound files (`D0 CF 11 E0`) and are refused as such; anything else that is not a zip is refused
/// too. Each part is inflated at most once, and never past ``Limits``: its declared size is checked first, and the
/// bytes are counted while inflating (a part whose header lies about its size is stopped at the cap).
struct XLSXArchive {
    /// The most a workbook may inflate to.
    struct Limits: Sendable {
        /// Bytes one part (a sheet, the shared strings) may inflate to.
        var partBytes: UInt64 = 1 << 30
        /// Bytes all parts read may inflate to together.
        var totalBytes: UInt64 = 2 << 30
        static let standard = Limits()
    }

    /// Why a workbook could not be opened or read: each says what the file is and how to fix it.
    enum Failure: Error, Equatable {
        /// An OLE compound file: an old `.xls`, or an encrypted `.xlsx`.
        case compoundFile
        /// Not a zip archive at all (or a damaged one).
        case notZip
        /// A zip without the parts of a workbook (`xl/workbook.xml`).
        case notWorkbook
        /// A part is larger than the limit (declared or counted while inflating).
        case tooLarge(part: String, limit: UInt64)
        /// A part is damaged (bad compressed data, a bad entry).
        case damaged(part: String)
        /// A part's XML cannot be parsed.
        case badXML(part: String, detail: String)
    }

    private let archive: Archive
    private let limits: Limits
    private var inflated: UInt64 = 0

    /// Opens the workbook at `url`, refusing what is not an `.xlsx`.
    ///
    /// The archive is read from the file, not from memory: ZIPFoundation 0.9.20's in-memory archive traps on a
    /// damaged zip whose offsets point past the end (found by fuzz-xlsx), while the file-backed one reports it.
    /// (The file-backed one leaks its path's bytes on Linux at each open: a few dozen bytes a workbook.)
    init(url: URL, limits: Limits = .standard) throws(Failure) {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value ?? 0
        guard size <= limits.totalBytes else { throw .tooLarge(part: url.lastPathComponent, limit: limits.totalBytes) }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch { throw .notZip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else { throw .notZip }
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw .notZip }
        self.limits = limits
        guard archive["xl/workbook.xml"] != nil else { throw .notWorkbook }
    }

    /// Whether the archive has a part at `path` (no leading slash).
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of the part at `path`; nil when there is no such part.
    mutating func read(_ path: String) throws(Failure) -> Data? {
        guard let entry = archive[path] else { return nil }
        let cap = min(limits.partBytes, limits.totalBytes - min(inflated, limits.totalBytes))
        guard entry.uncompressedSize <= cap else { throw .tooLarge(part: path, limit: cap) }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        var count: UInt64 = 0
        struct Overflow: Error {}
        do {
            // ZIPFoundation's extract returns the part's CRC-32 without comparing it with the archive's, and on Linux
            // computes it a byte at a time in Swift (0.1 s on a 45 MB sheet): it is not computed. A damaged part is
            // found by zlib (bad compressed data) or by the XML parser.
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: true) { chunk in
                count += UInt64(chunk.count)
                if count > cap { throw Overflow() }
                data.append(chunk)
            }
        } catch is Overflow {
            throw .tooLarge(part: path, limit: cap)
        } catch {
            throw .damaged(part: path)
        }
        inflated += count
        return data
    }
}
