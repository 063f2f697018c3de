import AttainSimulation

/// Numbers, percentages and dates written the way Vietnamese or English reports write them.
///
/// Vietnamese: decimal comma, dot for thousands (`1.234.567,89`, `69,79%`), dates `30/9/2026` in text and
/// `ngày 30 tháng 9 năm 2026` in headings. English: `1,234,567.89`, `69.79%`, `30 Sep 2026` and `30 September 2026`.
/// Written out here rather than taken from the platform's locale data, which differ between systems.
/// Rounding is half away from zero applied to the shortest decimal form of the double, so `1.005` rounds to `1.01`
/// as a reader expects, and `-0.004` to `0` (never `-0`).
///
/// ```swift
/// let vi = NumberFormatting(language: .vi)
/// vi.decimal(1234.5, fractionDigits: 1)   // "1.234,5"
/// vi.percent(0.6979, fractionDigits: 2)   // "69,79%"
/// vi.date(CutoffDate(year: 2026, month: 9, day: 30)!, style: .long)  // "ngày 30 tháng 9 năm 2026"
/// ```
public struct NumberFormatting: Sendable, Equatable {
    /// How long a written date is.
    public enum DateStyle: Sendable { case short, long }

    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The decimal separator: `,` in Vietnamese, `.` in English.
    public var decimalSeparator: String { language == .vi ? "," : "." }
    /// The thousands separator: `.` in Vietnamese, `,` in English.
    public var groupingSeparator: String { language == .vi ? "." : "," }

    /// `value` with exactly `fractionDigits` digits after the separator and grouped thousands; "–" for NaN/infinity.
    public func decimal(_ value: Double, fractionDigits: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let (negative, integerDigits, fraction) = DecimalDigits.rounded(value, fractionDigits: max(0, fractionDigits))
        var text = negative ? "-" : ""
        text += group(integerDigits)
        if fractionDigits > 0 { text += decimalSeparator + fraction }
        return text
    }

    /// An integer with grouped thousands (`12.000` / `12,000`).
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + group(digits)
    }

    /// A share in [0, 1] written as a percentage (`0.6979` → `69,79%` / `69.79%`).
    public func percent(_ share: Double, fractionDigits: Int = 1) -> String {
        guard share.isFinite else { return "–" }
        return decimal(share * 100, fractionDigits: fractionDigits) + "%"
    }

    /// A number with as many fraction digits as needed up to `maximumFractionDigits`, trailing zeros dropped.
    public func compact(_ value: Double, maximumFractionDigits: Int = 2) -> String {
        var text = decimal(value, fractionDigits: maximumFractionDigits)
        guard maximumFractionDigits > 0, text.contains(Character(decimalSeparator)) else { return text }
        while text.last == "0" { text.removeLast() }
        if text.hasSuffix(decimalSeparator) { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A date: short `30/9/2026` (vi) or `30 Sep 2026` (en); long `ngày 30 tháng 9 năm 2026` or `30 September 2026`.
    public func date(_ date: CutoffDate, style: DateStyle = .short) -> String {
        switch (language, style) {
        case (.vi, .short): return "\(date.day)/\(date.month)/\(date.year)"
        case (.vi, .long): return "ngày \(date.day) tháng \(date.month) năm \(date.year)"
        case (.en, .short): return "\(date.day) \(String(Self.englishMonths[date.month - 1].prefix(3))) \(date.year)"
        case (.en, .long): return "\(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)"
        }
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December"]

    private func group(_ digits: String) -> String {
        let characters = Array(digits)
        var out = ""
        for (index, digit) in characters.enumerated() {
            if index > 0 && (characters.count - index) % 3 == 0 { out += groupingSeparator }
            out.append(digit)
        }
        return out
    }
}

/// Decimal rounding on the shortest round-trip digits of a double.
enum DecimalDigits {
    /// Sign, integer digits (no leading zeros, at least "0") and exactly `fractionDigits` fraction digits.
    static func rounded(_ value: Double, fractionDigits: Int) -> (negative: Bool, integer: String, fraction: String) {
        // Digits d1d2…dn with the decimal point after `point` digits (point may be ≤ 0 or > n).
        let (digits, point) = shortestDigits(value.magnitude)
        var roundUp = false
        // Build the full digit string aligned to the point, then cut.
        var aligned: [UInt8]
        var alignedPoint = point
        if point <= 0 {
            aligned = Array(repeating: 0, count: 1 - point) + digits
            alignedPoint = 1
        } else {
            aligned = digits + Array(repeating: 0, count: max(0, point - digits.count))
        }
        let keep = alignedPoint + fractionDigits
        var kept = Array(aligned.prefix(keep)) + Array(repeating: 0, count: max(0, keep - aligned.count))
        if keep < aligned.count { roundUp = aligned[keep] >= 5 }
        var integerCount = alignedPoint
        if roundUp {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 { kept[index] = 0; index -= 1 } else { kept[index] += 1; break }
            }
            if index < 0 { kept.insert(1, at: 0); integerCount += 1 }
        }
        var integer = kept.prefix(integerCount).map { String($0) }.joined()
        let fraction = kept.dropFirst(integerCount).map { String($0) }.joined()
        while integer.count > 1 && integer.first == "0" { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        let isZero = kept.allSatisfy { $0 == 0 }
        return (value < 0 && !isZero, integer, fraction)
    }

    /// The shortest round-trip decimal digits of a non-negative finite double and the position of its decimal point.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        if value == 0 { return ([0], 1) }
        let text = value.description  // e.g. "1234.5", "1e-05", "1.2345e+16"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(String(text[text.index(after: e)...]).replacingAll("+", with: "")) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { seenPoint = true; continue }
            guard let digit = character.wholeNumberValue else { continue }
            digits.append(UInt8(digit))
            if !seenPoint { point += 1 }
        }
        point += exponent
        while digits.count > 1 && digits.first == 0 { digits.removeFirst(); point -= 1 }
        return (digits, point)
    }
}
