import Foundation

/// Reads the numbers of one file, whichever decimal mark it uses.
///
/// Accepted: `1234`, `1234.5`, `-3`, `1.5e3`, `85%` (→ 0.85), decimal commas (`"90,5"`), thousands separators in
/// valid groups of three (`1.234.567`, `1,234.5`, `1.234,5`, `18 000`). A value with one separator followed by
/// exactly three digits (`18.000`, `"1,500"`) is ambiguous on its own; it is read with the file's decimal mark:
/// the one its other values use unambiguously (`0,85`, `1234.5`), else the delimiter's convention (a semicolon file
/// comes from a locale with decimal commas, such as Excel in vi-VN; a comma file uses decimal dots). When the file's
/// values use both marks, such a value is reported as ambiguous rather than guessed.
struct NumberReader {
    enum Mark: Character { case dot = ".", comma = "," }

    enum Problem: Error, Equatable {
        case notANumber
        case notFinite
        case spreadsheetError
        /// Could be read with the separator as a thousands mark (`asThousands`) or as a decimal mark (`asDecimal`).
        case ambiguous(asThousands: Double, asDecimal: Double)
        /// Ambiguous, and the file's decimal mark is not known yet (a ``provisional()`` reader).
        case undecided
    }

    /// Which decimal marks a file's values have shown unambiguously (`0,85`, `1234.5`).
    struct Evidence: Equatable {
        var comma = false, dot = false
    }

    /// The decimal mark assumed for ambiguous values; nil when the file mixes both.
    let decimalMark: Mark?
    /// Whether the decimal mark is still to be decided from the whole file (ambiguous values are then `undecided`).
    let isProvisional: Bool

    /// The reader for a file whose values showed `evidence`: the mark they show, else the delimiter's convention.
    init(delimiter: Character, evidence: Evidence) {
        switch (evidence.comma, evidence.dot) {
        case (true, true): decimalMark = nil
        case (true, false): decimalMark = .comma
        case (false, true): decimalMark = .dot
        case (false, false): decimalMark = delimiter == ";" ? .comma : .dot
        }
        isProvisional = false
    }

    private init(provisional: Void) {
        decimalMark = nil
        isProvisional = true
    }

    /// A reader for a first pass over a file: it reads every unambiguous value and notes the evidence; ambiguous ones
    /// are ``Problem/undecided`` until the whole file has been seen (then use ``init(delimiter:evidence:)``).
    static func provisional() -> NumberReader { NumberReader(provisional: ()) }

    /// The number written in `text` (not empty after trimming), or why it is not one.
    func read(_ text: String) -> Result<Double, Problem> {
        var ignored = Evidence()
        return read(text, noting: &ignored)
    }

    /// ``read(_:)``, adding to `evidence` the decimal mark `text` shows unambiguously.
    func read(_ text: String, noting evidence: inout Evidence) -> Result<Double, Problem> {
        let value: Double?
        switch Self.shape(of: text) {
        case .invalid(let problem): return .failure(problem)
        case .number(let normalized, let mark):
            if let mark { if mark == .comma { evidence.comma = true } else { evidence.dot = true } }
            value = Double(normalized)
        case .ambiguous(let asThousands, let asDecimal, let mark):
            if isProvisional { return .failure(.undecided) }
            guard let decimalMark else {
                return .failure(.ambiguous(asThousands: Double(asThousands) ?? .nan, asDecimal: Double(asDecimal) ?? .nan))
            }
            value = Double(decimalMark == mark ? asDecimal : asThousands)
        }
        guard let v = value else { return .failure(.notANumber) }
        return v.isFinite ? .success(v) : .failure(.notFinite)
    }

    private enum Shape {
        /// A number in Swift's syntax, and which decimal mark it showed unambiguously (if any).
        case number(String, evidence: Mark?)
        /// One separator followed by three digits: the two possible readings.
        case ambiguous(asThousands: String, asDecimal: String, mark: Mark)
        case invalid(Problem)
    }

    private static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    private static func shape(of raw: String) -> Shape {
        if let plain = plainDecimal(raw) { return plain }
        var s = Substring(raw.trimmed)
        if s.hasPrefix("#") { return .invalid(.spreadsheetError) }
        if ["nan", "inf", "infinity", "∞"].contains(s.drop(while: { "+-−".contains($0) }).lowercased()) {
            return .invalid(.notFinite)
        }
        let percent = s.hasSuffix("%")
        if percent { s = Substring(s.dropLast().trimmed) }
        var sign = ""
        if let f = s.first, f == "-" || f == "+" || f == "−" {
            sign = f == "+" ? "" : "-"
            s = s.dropFirst()
        }
        var exponent = ""
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = String(s[e...])
            s = s[..<e]
            let digits = exponent.dropFirst().drop { $0 == "+" || $0 == "-" }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return .invalid(.notANumber) }
        }
        if percent {  // shift the exponent rather than divide, so "69,79%" reads as exactly 0.6979
            let shifted = (Int(exponent.dropFirst()) ?? 0) - 2
            exponent = "e\(shifted)"
        }
        if s.contains(where: spaces.contains) {
            guard let joined = joinSpaceGroups(s) else { return .invalid(.notANumber) }
            s = Substring(joined)
        }
        guard s.contains(where: \.isASCIIDigit), s.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else {
            return .invalid(.notANumber)
        }
        let dots = s.filter { $0 == "." }.count, commas = s.filter { $0 == "," }.count
        if !exponent.isEmpty && !percent && (commas > 0 || dots > 1) { return .invalid(.notANumber) }
        let build = { (int: Substring, frac: Substring) in sign + (int.isEmpty ? "0" : String(int)) + (frac.isEmpty ? "" : "." + frac) + exponent }

        if dots > 0 && commas > 0 {
            let decimal: Mark = s.lastIndex(of: ".")! > s.lastIndex(of: ",")! ? .dot : .comma
            let thousands: Character = decimal == .dot ? "," : "."
            let parts = s.split(separator: decimal.rawValue, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit),
                  let int = ungroup(parts[0], by: thousands) else { return .invalid(.notANumber) }
            return .number(build(Substring(int), parts[1]), evidence: decimal)
        }
        if dots + commas == 0 { return .number(build(s, ""), evidence: nil) }
        let mark: Mark = dots > 0 ? .dot : .comma
        let parts = s.split(separator: mark.rawValue, omittingEmptySubsequences: false)
        if parts.count > 2 {
            guard let int = ungroup(s, by: mark.rawValue) else { return .invalid(.notANumber) }
            return .number(build(Substring(int), ""), evidence: mark == .dot ? .comma : .dot)
        }
        let (int, frac) = (parts[0], parts[1])
        guard !frac.isEmpty else { return .invalid(.notANumber) }
        let clearlyDecimal = frac.count != 3 || int.isEmpty || int.count > 3 || int.hasPrefix("0") || (!exponent.isEmpty && !percent)
        if clearlyDecimal { return .number(build(int, frac), evidence: mark) }
        return .ambiguous(asThousands: build(Substring(int + frac), ""), asDecimal: build(int, frac), mark: mark)
    }

    /// The shape of a plain decimal (`-?digits`, optionally one `.` or `,` and more digits), read off the UTF-8
    /// bytes without building substrings; nil for anything else (spaces, signs other than `-`, exponents, percent
    /// signs, grouping, and the ambiguous `1.234` form), which the general path handles. Most machine-written files
    /// hold only plain decimals, so this is what a million-row file costs.
    private static func plainDecimal(_ raw: String) -> Shape? {
        var text = raw
        return text.withUTF8 { bytes -> Shape? in
            let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
            var i = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            let intStart = i
            while i < bytes.count, bytes[i] >= zero, bytes[i] <= nine { i += 1 }
            let intDigits = i - intStart
            guard intDigits > 0 else { return nil }
            if i == bytes.count { return .number(raw, evidence: nil) }
            let separator = bytes[i]
            guard separator == UInt8(ascii: ".") || separator == UInt8(ascii: ",") else { return nil }
            let separatorIndex = i
            i += 1
            let fracStart = i
            while i < bytes.count, bytes[i] >= zero, bytes[i] <= nine { i += 1 }
            let fracDigits = i - fracStart
            guard i == bytes.count, fracDigits > 0 else { return nil }
            // `18.000` / `1,500`: one group of three after 1–3 digits not starting with 0 could be thousands.
            if fracDigits == 3 && intDigits <= 3 && bytes[intStart] != zero { return nil }
            if separator == UInt8(ascii: ".") { return .number(raw, evidence: .dot) }
            let withDot = String(decoding: bytes[..<separatorIndex], as: UTF8.self) + "."
                + String(decoding: bytes[fracStart...], as: UTF8.self)
            return .number(withDot, evidence: .comma)
        }
    }

    /// `1.234.567` → `1234567` when the groups are valid (first 1–3 digits, then exactly 3), else nil.
    private static func ungroup(_ s: Substring, by separator: Character) -> String? {
        let groups = s.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), !(first.hasPrefix("0") && groups.count > 1),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined()
    }

    /// `18 000,5` → `18000,5` when the space-separated groups are valid thousands groups, else nil.
    private static func joinSpaceGroups(_ s: Substring) -> String? {
        let groups = s.split(omittingEmptySubsequences: false, whereSeparator: spaces.contains)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit) else { return nil }
        for (k, g) in groups.enumerated().dropFirst() {
            let head = g.prefix { $0.isASCIIDigit }
            guard head.count == 3 else { return nil }
            let tail = g.dropFirst(3)
            if k < groups.count - 1 { guard tail.isEmpty else { return nil } }
            else if !tail.isEmpty {
                guard tail.count >= 2, tail.first == "." || tail.first == ",", tail.dropFirst().allSatisfy(\.isASCIIDigit) else { return nil }
            }
        }
        return groups.joined()
    }
}
