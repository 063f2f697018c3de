/// The data cut-off date of a scenario: data describing anything after it are ignored, and the part of its year not yet
/// observed is nowcast.
///
/// Written `2026-06-30` in YAML and output (ISO 8601); a mid-term review in Q3/2026 typically uses the end of June.
public struct CutoffDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CutoffDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last day of `year`.
    public static func endOfYear(_ year: Int) -> CutoffDate { CutoffDate(year: year, month: 12, day: 31)! }

    /// Parses `YYYY-MM-DD` (also `DD/MM/YYYY`, as in Vietnamese reports).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let dash = t.split(separator: "-", omittingEmptySubsequences: false)
        let slash = t.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            self.init(year: y, month: m, day: d)
        } else if slash.count == 3, slash[2].count == 4, let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]) {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the year, 1-based.
    public var dayOfYear: Int { (1..<month).reduce(0) { $0 + CutoffDate.daysIn(month: $1, year: year) } + day }

    /// Fraction of its year observed by the end of this day (1 on 31 December).
    public var fractionOfYear: Double { Double(dayOfYear) / Double(CutoffDate.isLeap(year) ? 366 : 365) }

    /// Decimal-year time at the end of this day (2026-06-30 → ≈ 2026.496).
    public var time: Double { Double(year) + fractionOfYear }

    /// Whether the whole of `year` lies on or before this date.
    public func covers(year y: Int) -> Bool { y < year || (y == year && month == 12 && day == 31) }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: CutoffDate, b: CutoffDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = CutoffDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

import Foundation
