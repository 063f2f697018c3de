/// Escaping of text for the XML parts of an Office Open XML file.
///
/// ``HTMLEscaping`` replaces the five markup characters but keeps characters that XML 1.0 does not allow at all
/// (C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF): a document holding one is not
/// well-formed and spreadsheet programs refuse the whole file. This escaper drops them.
enum XMLEscaping {
    /// `text` safe in element content and in double-quoted attributes: `&`, `<`, `>` and `"` as entities, a carriage
    /// return as `&#13;` (so that XML's line-end normalisation keeps it), characters XML 1.0 forbids removed.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Text for a cell's string item: as ``text(_:)``, and with the underscore of any `_xHHHH_` written as `_x005F_`,
    /// because spreadsheet programs read `_xHHHH_` in a string item as the character U+HHHH.
    static func cellText(_ text: String) -> String {
        Self.text(protectingEscapes(text))
    }

    /// Whether XML 1.0 allows `scalar` in a document (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `_x0041_` → `_x005F_x0041_`: the literal text survives the OOXML `ST_Xstring` escape.
    private static func protectingEscapes(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("_") else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
               scalars[index + 2...index + 5].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[index + 6] == "_" {
                out.append(contentsOf: "_x005F_".unicodeScalars)
                index += 1
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
