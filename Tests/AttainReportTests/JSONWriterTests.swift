import Testing
@testable import AttainReport

/// The streaming writer prints exactly what ``JSONValue/rendered(pretty:)`` prints for the same document.
struct JSONWriterTests {
    /// Writes `value` through a ``JSONWriter``, keys in JSONValue's sorted order.
    static func write(_ value: JSONValue, into w: inout JSONWriter) {
        switch value {
        case .null: w.null()
        case .bool(let b): w.value(b)
        case .int(let i): w.value(i)
        case .double(let d): w.value(d)
        case .string(let s): w.value(s)
        case .array(let items):
            w.beginArray()
            for item in items { write(item, into: &w) }
            w.endArray()
        case .object(let members):
            w.beginObject()
            for key in members.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
                w.key(key)
                write(members[key]!, into: &w)
            }
            w.endObject()
        }
    }

    static let document: JSONValue = [
        "paths": 10000,
        "seed": .int(-3),
        "numbers": [.double(0), .double(-0.0), .double(1e15), .double(123456789012345), .double(-2.5), .double(1e-05),
                    .double(0.41), .double(12000.5), .double(6.02e23), .double(-1.7976931348623157e308), .double(.nan),
                    .double(.infinity), .double(5e-324), .double(0.1 + 0.2)],
        "text": ["Huyện Hiệp Hòa", "quote \" backslash \\ slash /", "tab\tnew\nline\rcr", "\u{01}\u{1f}\u{7f}", "", "Zürich 😀"],
        "empty": ["array": [], "object": [:]],
        "nested": [[[1, 2], []], [["a": nil, "B": true, "b": false]]],
        "Upper": "sorted before lower case",
    ]

    @Test func writesTheSameBytesAsTheValueTree() {
        var w = JSONWriter()
        Self.write(Self.document, into: &w)
        w.finish()
        #expect(String(decoding: w.bytes, as: UTF8.self) == Self.document.rendered())
    }

    @Test func scalarsAndEmptyContainersAtTheTop() {
        for value: JSONValue in [.null, 7, 0.25, "x", [], [:], [[:]]] {
            var w = JSONWriter()
            Self.write(value, into: &w)
            w.finish()
            #expect(String(decoding: w.bytes, as: UTF8.self) == value.rendered(), "\(value)")
        }
    }

    @Test func takingBytesInPiecesKeepsTheText() {
        var w = JSONWriter()
        var pieces: [UInt8] = []
        w.beginArray()
        for i in 0..<100 {
            w.beginObject(); w.key("i"); w.value(i); w.key("x"); w.value(Double(i) / 7); w.endObject()
            if i % 9 == 0 { pieces += w.takeBytes() }
        }
        w.endArray()
        w.finish()
        pieces += w.takeBytes()
        let tree = JSONValue.array((0..<100).map { ["i": .int($0), "x": .double(Double($0) / 7)] })
        #expect(String(decoding: pieces, as: UTF8.self) == tree.rendered())
    }
}
