import Foundation
import _AttainXML2

/// Reads a worksheet part (or the shared strings) with libxml2's SAX2 push parser directly: the parser Foundation's
/// `XMLParser` runs on Linux, driven the same way (options `RECOVER | NOENT`, no external entities, 128 KiB chunks,
/// never terminated), with the same ``SheetReader`` (``SharedStrings``) events; only the per-event Strings and
/// attribute Dictionaries XMLParser builds (about two thirds of a large sheet's parsing time) are left out. A name's or
/// attribute's bytes are compared as they are, and only the text kept (inside `<v>`, `<t>`, `<f>`) becomes a String.
///
/// Used for parts without `<!` (no DOCTYPE, comment or CDATA section: entities other than the predefined ones and
/// character references are not declared, so libxml2 resolves them all itself). Any error libxml2 reports makes
/// `parse(_:into:)` return false; the caller then reads the part through XMLParser, whose rows and message stand.
enum SheetSAX {
    /// libxml2's global set-up, once, before parsers run on several threads.
    static let ready: Void = { xmlInitParser() }()

    /// Feeds `data` to `reader`; false when libxml2 reported an error (the reader's rows are then incomplete).
    static func parse(_ data: Data, into reader: SheetReader) -> Bool {
        var handler = xmlSAXHandler()
        handler.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let context, let name else { return }
            Unmanaged<SheetReader>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.saxStart(name, attributes: attributes, count: Int(count))
            }
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            Unmanaged<SheetReader>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(SheetReader.tag(cString: name)) }
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            Unmanaged<SheetReader>.fromOpaque(context)._withUnsafeGuaranteedRef { reader in
                if reader.capturing { reader.found(String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)) }
            }
        }
        return run(data, context: Unmanaged.passUnretained(reader).toOpaque(), handler: &handler)
    }

    /// Feeds the shared-strings part `data` to `strings`; false when libxml2 reported an error.
    static func parse(_ data: Data, into strings: SharedStrings) -> Bool {
        var handler = xmlSAXHandler()
        handler.startElementNs = { context, name, _, _, _, _, _, _, _ in
            guard let context, let name else { return }
            Unmanaged<SharedStrings>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.start(SharedStrings.tag(cString: name)) }
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            Unmanaged<SharedStrings>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(SharedStrings.tag(cString: name)) }
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            Unmanaged<SharedStrings>.fromOpaque(context)._withUnsafeGuaranteedRef { strings in
                if strings.capturing { strings.found(String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)) }
            }
        }
        return run(data, context: Unmanaged.passUnretained(strings).toOpaque(), handler: &handler)
    }

    /// Runs libxml2 over `data` as XMLParser does, with `handler`'s element and text callbacks (`context` their first
    /// argument); true when it reported no error.
    private static func run(_ data: Data, context: UnsafeMutableRawPointer, handler: inout xmlSAXHandler) -> Bool {
        guard data.count >= 4 else { return false }
        _ = ready
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.ignorableWhitespace = handler.characters  // the same callback: libxml2 then never sets white space apart
        handler.serror = { _, _ in }  // errors are told by the result (and nothing is printed)
        return data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let parser = xmlCreatePushParserCtxt(&handler, context, base, 4, nil) else { return false }
            defer { xmlFreeParserCtxt(parser) }
            xmlCtxtUseOptions(parser, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOENT.rawValue))
            // As XMLParser feeds a stream: the first 128 KiB chunk (its first 4 bytes already given), then the next.
            let chunk = 128 << 10
            var offset = 4, end = min(chunk, raw.count), result: Int32 = 0
            repeat {
                result = xmlParseChunk(parser, base + offset, Int32(end - offset), 0)
                offset = end
                end = min(offset + chunk, raw.count)
            } while offset < raw.count
            return result == 0
        }
    }
}

extension SheetReader {
    /// The tag of a NUL-terminated element name.
    static func tag(cString name: UnsafePointer<UInt8>) -> Tag {
        tag(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// An element's start as libxml2 reports it: `attributes` holds `count` groups of five pointers (local name,
    /// prefix, URI, value, value's end). As XMLParser names them, an attribute with a prefix is `prefix:name`, so
    /// only unprefixed ones are read.
    func saxStart(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        let tag = Self.tag(cString: name)
        switch tag {
        case .row, .c, .mergeCell: break
        default: start(tag); return
        }
        var r: UnsafeBufferPointer<UInt8>?, t: UnsafeBufferPointer<UInt8>?, s: UnsafeBufferPointer<UInt8>?
        var ref: UnsafeBufferPointer<UInt8>?
        if let attributes {
            for k in 0..<count {
                guard let local = attributes[5 * k], let value = attributes[5 * k + 3], let valueEnd = attributes[5 * k + 4] else { continue }
                if let prefix = attributes[5 * k + 1], prefix[0] != 0 { continue }
                let bytes = UnsafeBufferPointer(start: value, count: max(0, valueEnd - value))
                guard local[0] != 0 else { continue }
                if local[1] == 0 {
                    switch local[0] {
                    case UInt8(ascii: "r"): r = bytes
                    case UInt8(ascii: "t"): t = bytes
                    case UInt8(ascii: "s"): s = bytes
                    default: break
                    }
                } else if local[0] == UInt8(ascii: "r"), local[1] == UInt8(ascii: "e"), local[2] == UInt8(ascii: "f"), local[3] == 0 {
                    ref = bytes
                }
            }
        }
        func string(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        switch tag {
        case .row: startRow(r.flatMap { Int(string($0)) })
        case .c: startCell(r.flatMap { CellReference(utf8: $0) }, type: t.map(Self.cellType) ?? .number, style: s.flatMap { Int(string($0)) } ?? -1)
        default: mergeCell(ref.map(string))
        }
    }
}
