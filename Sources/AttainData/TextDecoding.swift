import Foundation

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or detected from its zero bytes).
///
/// Anything else (a legacy code page such as Windows-1258) is refused with an issue naming the first bad line,
/// because guessing a code page silently corrupts Vietnamese names. Cost: one pass over the bytes.
enum TextDecoding {
    static func decode(_ data: Data, file: String) -> Result<String, DataIssue> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(bytes[3...], file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes[2...], littleEndian: true, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes[2...], littleEndian: false, file: file) }
        if let littleEndian = looksLikeBOMlessUTF16(bytes) { return utf16(bytes[...], littleEndian: littleEndian, file: file) }
        return utf8(bytes[...], file: file)
    }

    /// The file's text as UTF-8 bytes, checked (the same files accepted and refused as by ``decode(_:file:)``): a UTF-8
    /// file's own bytes without its BOM, so that a large file is not held as both bytes and a `String`.
    static func utf8Bytes(_ data: Data, file: String) -> Result<[UInt8], DataIssue> {
        var bytes = [UInt8](data)
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeBOMlessUTF16(bytes) != nil
        if isUTF16 && !bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(data, file: file).map { Array($0.utf8) } }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) != nil { return .success(bytes) }
        return utf8(bytes[...], file: file).map { Array($0.utf8) }
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, file: String) -> Result<String, DataIssue> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        // Find the first invalid sequence to name its line.
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return .failure(DataIssue(.error, .encoding, file: file, line: line,
                                  message: "the file is not UTF-8 text (it looks like a legacy code page such as Windows-1258 or TCVN3)",
                                  hint: "re-save it as UTF-8: in Excel use File › Save As › \"CSV UTF-8 (Comma delimited)\"; "
                                      + "in LibreOffice tick \"Edit filter settings\" and choose Unicode (UTF-8)"))
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, file: String) -> Result<String, DataIssue> {
        guard bytes.count % 2 == 0 else {
            return .failure(DataIssue(.error, .encoding, file: file, line: 0,
                                      message: "the file looks like UTF-16 but has an odd number of bytes (truncated?)",
                                      hint: "re-save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")"))
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        if let text = String(validating: units, as: UTF16.self) { return .success(text) }
        return .failure(DataIssue(.error, .encoding, file: file, line: 0,
                                  message: "the file is UTF-16 with broken surrogate pairs",
                                  hint: "re-save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")"))
    }

    /// UTF-16 without a BOM shows as ASCII letters alternating with zero bytes; nil when the text is not like that.
    static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 256) & ~1
        guard n >= 8 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { zeroEven += 1 }
            if bytes[i + 1] == 0 { zeroOdd += 1 }
        }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven == 0 { return true }
        if zeroEven * 10 >= pairs * 7 && zeroOdd == 0 { return false }
        return nil
    }
}
