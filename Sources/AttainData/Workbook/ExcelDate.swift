/// Spreadsheet date serials as calendar days.
enum ExcelDate {
    /// The day of serial `value` (its time of day dropped): days since 1899-12-30, or since 1904-01-01 for a
    /// workbook in the 1904 system. Serials before 61 in the 1900 system count from 1899-12-31, as Excel's do (it
    /// takes 1900 for a leap year). Nil for a serial outside years 1–9999.
    static func day(serial value: Double, uses1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard value.isFinite, value >= 0, value < 3_000_000 else { return nil }
        var days = Int(value.rounded(.down))
        if uses1904 { days += 1462 } else if days < 61 { days += 1 }
        // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        guard (1...9999).contains(y) else { return nil }
        return (y, m, d)
    }
}
