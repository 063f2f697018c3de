/// Writes JSON text straight into a byte buffer, byte for byte as ``JSONValue/rendered(pretty:)`` would print the same
/// document (two-space indentation, `": "` after keys, one number form, the same string escapes), without building a
/// value tree or a `String` first: for large outputs such as `attain fit --format json` on thousands of series.
///
/// The caller states the structure in order and **gives object keys in sorted order** (by Unicode scalar values, as
/// ``JSONValue`` sorts them); the writer does not reorder. Take the bytes in pieces with ``takeBytes()`` to stream a
/// long document to a file or pipe.
///
/// ```swift
/// var w = JSONWriter()
/// w.beginObject()
/// w.key("paths"); w.value(10000)
/// w.key("targets"); w.beginArray(); w.value("P1-1a"); w.endArray()
/// w.endObject()
/// w.finish()                       // the final newline
/// let text = String(decoding: w.bytes, as: UTF8.self)
/// ```
public struct JSONWriter: Sendable {
    /// The text written and not yet taken.
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var empty = true
    /// Whether a key was just written (its value follows with no separator).
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Returns the bytes written so far and empties the buffer (keeping its capacity).
    public mutating func takeBytes() -> [UInt8] {
        let out = bytes
        bytes.removeAll(keepingCapacity: true)
        return out
    }

    /// Ends the document with a newline, as ``JSONValue/rendered(pretty:)`` does.
    public mutating func finish() { bytes.append(UInt8(ascii: "\n")) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member's key; keys of one object must come in sorted order.
    public mutating func key(_ key: String) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    public mutating func null() { beforeValue(); append("null") }
    public mutating func value(_ flag: Bool) { beforeValue(); append(flag ? "true" : "false") }
    public mutating func value(_ number: Int) { beforeValue(); append(String(number)) }
    public mutating func value(_ text: String) { beforeValue(); writeString(text) }

    /// A double in ``JSONValue/numberText(_:)``'s form (`null` when not finite), as `JSONValue.double` prints it.
    public mutating func value(_ number: Double) {
        beforeValue()
        guard number.isFinite else { append("null"); return }
        if number == 0 { bytes.append(UInt8(ascii: "0")); return }
        if number == number.rounded(), abs(number) < 1e15 { append(String(Int64(number))); return }
        var text = number.description
        text.withUTF8 { utf8 in
            for byte in utf8 where byte != UInt8(ascii: "+") { bytes.append(byte) }
        }
    }

    /// A double or `null` when absent.
    public mutating func value(_ number: Double?) {
        if let number { value(number) } else { null() }
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        beforeValue()
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty { newline() }
        bytes.append(bracket)
        empty = false  // the enclosing container now has this member
    }

    /// Before a member: a comma after the previous one, then a new line at the member's indentation.
    private mutating func separate() {
        if depth > 0 {
            if !empty { bytes.append(UInt8(ascii: ",")) }
            newline()
        }
        empty = false
    }

    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        separate()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// RFC 8259 escapes as ``JSONValue`` writes them: `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00xx`;
    /// everything else (Vietnamese included) as its UTF-8 bytes.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
