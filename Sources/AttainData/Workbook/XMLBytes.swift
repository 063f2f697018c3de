import Foundation

/// What every workbook part must be before Foundation's XML parser sees it.
enum XMLBytes {
    /// Throws unless `data` is valid UTF-8 (or starts with a UTF-16 byte-order mark).
    ///
    /// FoundationXML (swift-corelibs-foundation 6.3.1) traps, rather than reporting an error, when an element name
    /// holds bytes that are not UTF-8 (found by fuzz-xlsx); Excel and LibreOffice write their parts in UTF-8.
    static func check(_ data: Data, part: String) throws(XLSXArchive.Failure) {
        if !hasUTF16Mark(data) && !isUTF8(data) { throw notUTF8(part: part) }
    }

    /// Whether `data` starts with a UTF-16 byte-order mark (its parts are not checked as UTF-8).
    static func hasUTF16Mark(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    /// Whether `data` is valid UTF-8.
    static func isUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
    }

    /// The failure for a part that is not UTF-8.
    static func notUTF8(part: String) -> XLSXArchive.Failure { .badXML(part: part, detail: "it is not UTF-8 text") }
}
