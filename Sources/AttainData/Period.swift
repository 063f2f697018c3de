/// A period of an indicator's series: a year (`2025`), a quarter (`2025-Q3`) or a month (`2025-07`).
///
/// Periods order by time. ``time`` maps a period to decimal years at its start (`2025-Q3` → 2025.5),
/// the time axis every model uses; ``endTime`` is the end of the period (`2025-Q3` → 2025.75).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How finely a period divides a year.
    public enum Frequency: Int, Sendable, Comparable, CaseIterable {
        case year = 1, quarter = 4, month = 12
        public static func < (a: Frequency, b: Frequency) -> Bool { a.rawValue < b.rawValue }
        /// The word used in messages.
        public var name: String { self == .year ? "annual" : self == .quarter ? "quarterly" : "monthly" }
    }

    // Stored compactly (8 bytes in all), as every row of a data set holds a period.
    private let storedYear: Int32
    private let storedPosition: UInt8
    /// The period's frequency.
    public let frequency: Frequency

    /// Calendar year.
    public var year: Int { Int(storedYear) }
    /// 1-based position within the year: always 1 for years, 1–4 for quarters, 1–12 for months.
    public var position: Int { Int(storedPosition) }

    /// A whole year.
    public static func year(_ y: Int) -> Period { Period(year: y, position: 1, frequency: .year) }
    /// Quarter `q` (1–4) of year `y`.
    public static func quarter(_ y: Int, _ q: Int) -> Period {
        precondition((1...4).contains(q), "quarter must be 1–4")
        return Period(year: y, position: q, frequency: .quarter)
    }
    /// Month `m` (1–12) of year `y`.
    public static func month(_ y: Int, _ m: Int) -> Period {
        precondition((1...12).contains(m), "month must be 1–12")
        return Period(year: y, position: m, frequency: .month)
    }

    private init(year: Int, position: Int, frequency: Frequency) {
        self.storedYear = Int32(clamping: year)  // years beyond ±2.1 billion are not dates any data hold
        self.storedPosition = UInt8(position)
        self.frequency = frequency
    }

    /// Parses `2025`, `2025-Q3` (also `2025Q3`, `2025-q3`) or `2025-07`; nil for anything else.
    public init?(parsing text: String) {
        if text.utf8.count == 4, let y = Self.fourDigits(text.utf8) { self = .year(y); return }  // most files: years
        let s = text.trimmed.uppercased()
        let digits = { (t: Substring) -> Int? in t.allSatisfy(\.isASCIIDigit) ? Int(t) : nil }
        if s.count == 4, let y = digits(Substring(s)) { self = .year(y); return }
        if let qIndex = s.firstIndex(of: "Q") {
            var yearPart = s[..<qIndex]
            if yearPart.hasSuffix("-") { yearPart = yearPart.dropLast() }
            let qPart = s[s.index(after: qIndex)...]
            guard yearPart.count == 4, let y = digits(yearPart), qPart.count == 1, let q = digits(qPart), (1...4).contains(q) else { return nil }
            self = .quarter(y, q)
            return
        }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
           let y = digits(parts[0]), let m = digits(parts[1]), (1...12).contains(m) {
            self = .month(y, m)
            return
        }
        return nil
    }

    /// `"2025"` read off four ASCII digits without building strings; nil otherwise.
    private static func fourDigits(_ bytes: String.UTF8View) -> Int? {
        var y = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            y = y * 10 + Int(b - UInt8(ascii: "0"))
        }
        return y
    }

    /// Start of the period in decimal years (`2025` → 2025.0, `2025-Q3` → 2025.5, `2025-07` → 2025.5).
    public var time: Double { Double(year) + Double(position - 1) / Double(frequency.rawValue) }
    /// End of the period in decimal years.
    public var endTime: Double { Double(year) + Double(position) / Double(frequency.rawValue) }

    /// The period `k` steps later at the same frequency (negative `k` goes back).
    public func advanced(by k: Int) -> Period {
        let f = frequency.rawValue
        let index = year * f + (position - 1) + k
        let y = index >= 0 ? index / f : (index - f + 1) / f
        return Period(year: y, position: index - y * f + 1, frequency: frequency)
    }

    /// Number of steps from `self` to `other` at the same frequency.
    public func distance(to other: Period) -> Int {
        precondition(frequency == other.frequency, "periods of different frequency")
        let f = frequency.rawValue
        return (other.year * f + other.position) - (year * f + position)
    }

    public var description: String {
        switch frequency {
        case .year: return String(year)
        case .quarter: return "\(year)-Q\(position)"
        case .month: return position < 10 ? "\(year)-0\(position)" : "\(year)-\(position)"
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        a.time != b.time ? a.time < b.time : a.frequency < b.frequency
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

import Foundation
