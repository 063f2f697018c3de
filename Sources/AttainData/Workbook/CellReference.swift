/// A cell's address on a sheet, as spreadsheets write it: column letters then the 1-based row (`D7`, `AB12`).
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0-based column (`A` is 0, `Z` 25, `AA` 26).
    public var column: Int
    /// 1-based row.
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Reads `D7` or `$AB$12`; nil for anything else (no letters, no row, a column past `XFD`).
    public init?(_ text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// Reads a reference from its UTF-8 bytes (see ``init(_:)``).
    init?(utf8 bytes: some Sequence<UInt8>) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in bytes where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row > 0, column <= 16_384 else { return nil }
        self.init(column: column - 1, row: row)
    }

    /// The column's letters (`0` → `A`, `27` → `AB`).
    public static func letters(_ column: Int) -> String {
        var n = column + 1, scalars = [Character]()
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    /// `D7`.
    public var description: String { Self.letters(column) + String(row) }

    public static func < (a: CellReference, b: CellReference) -> Bool { (a.row, a.column) < (b.row, b.column) }
}
