/// Builds SVG markup: coordinates written with one decimal, text and attributes escaped.
struct SVGWriter {
    private(set) var markup = ""

    /// A coordinate or length: at most one decimal, `.` as separator, no grouping, no `-0`.
    static func number(_ value: Double) -> String {
        let (negative, integer, fraction) = DecimalDigits.rounded(value, fractionDigits: 1)
        return (negative ? "-" : "") + integer + (fraction == "0" ? "" : "." + fraction)
    }

    /// Appends raw markup.
    mutating func raw(_ text: String) {
        markup += text
    }

    /// Appends `<name attr="value" …/>`, or with content when `content` is given (content is escaped).
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, content: String? = nil) {
        markup += "<" + name
        for (key, value) in attributes { markup += " \(key)=\"\(HTMLEscaping.text(value))\"" }
        if let content {
            markup += ">" + HTMLEscaping.text(content) + "</\(name)>\n"
        } else {
            markup += "/>\n"
        }
    }

    /// The approximate width of `text` in DejaVu Sans at `fontSize` (advance widths by character class), for layout.
    static func estimatedWidth(_ text: String, fontSize: Double = 12) -> Double {
        var ems = 0.0
        for character in text {
            if character == " " { ems += 0.32 } else if character == "%" { ems += 0.95 } else if character.isNumber || character.isUppercase {
                ems += 0.68
            } else if DisplayWidth.of(character) == 2 { ems += 1.0 } else { ems += 0.58 }
        }
        return ems * fontSize
    }

    /// A polyline or polygon `points` attribute.
    static func points(_ points: [(Double, Double)]) -> String {
        points.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    }
}
