import Foundation

/// Reads a wide sheet's column headers as periods: `2024` (typed as a number or as text), `Năm 2024`, `2025-Q3`,
/// `Q3/2025`, `Q3 2025`, `Quý III/2025`, `Quý 3 năm 2025`, `2025-07`, `Tháng 7/2025`, `T7/2025`.
///
/// A header is a period only when every word in it belongs to the period, so a title such as
/// "Báo cáo năm 2024" or a "Ghi chú" column is not taken for one.
enum PeriodHeader {
    /// The period a header cell names, nil when it names none.
    static func period(of value: CellValue) -> Period? {
        switch value {
        case .number(let v):
            guard v == v.rounded(), (1900...2100).contains(v) else { return nil }
            return .year(Int(v))
        case .text(let s): return period(of: s)
        default: return nil
        }
    }

    /// The period `text` names, nil when it names none.
    static func period(of text: String) -> Period? {
        if let p = Period(parsing: text), (1900...2100).contains(p.year) { return p }
        let tokens = tokenize(text)
        guard !tokens.isEmpty, tokens.count <= 6 else { return nil }
        var year: Int?, quarter: Int?, month: Int?
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if ["nam", "year", "fy", "cy"].contains(t) { i += 1; continue }
            if let n = Int(t), t.count == 4 {
                guard year == nil, (1900...2100).contains(n) else { return nil }
                year = n
                i += 1
                continue
            }
            if ["q", "quy", "quarter"].contains(t), i + 1 < tokens.count, let q = smallNumber(tokens[i + 1]), (1...4).contains(q) {
                guard quarter == nil, month == nil else { return nil }
                quarter = q
                i += 2
                continue
            }
            if ["thang", "month", "t", "m"].contains(t), i + 1 < tokens.count, let m = smallNumber(tokens[i + 1]), (1...12).contains(m) {
                guard quarter == nil, month == nil else { return nil }
                month = m
                i += 2
                continue
            }
            return nil
        }
        guard let year else { return nil }
        if let quarter { return .quarter(year, quarter) }
        if let month { return .month(year, month) }
        return .year(year)
    }

    /// `3`, `03` or a Roman numeral up to XII.
    private static func smallNumber(_ t: String) -> Int? {
        if t.count <= 2, let n = Int(t) { return n }
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12]
        return roman[t]
    }

    /// Lower-cased words without diacritics, split at spaces, `/ - . _ ,` and between letters and digits.
    private static func tokenize(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "đ", with: "d")
        var tokens = [String](), current = "", currentIsDigit = false
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        for c in folded {
            if c.isWhitespace || "/-._,:".contains(c) { flush(); continue }
            let digit = c.isASCIIDigit
            if !current.isEmpty, digit != currentIsDigit { flush() }
            current.append(c)
            currentIsDigit = digit
        }
        flush()
        return tokens
    }
}
