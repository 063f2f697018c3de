import AttainSimulation
import Testing
@testable import AttainReport

@Suite("Vietnamese and English number and date formatting")
struct NumberFormattingTests {
    let vi = NumberFormatting(language: .vi)
    let en = NumberFormatting(language: .en)

    @Test func groupsThousandsAndUsesTheDecimalSeparatorOfTheLanguage() {
        #expect(vi.decimal(1234.5, fractionDigits: 1) == "1.234,5")
        #expect(en.decimal(1234.5, fractionDigits: 1) == "1,234.5")
        #expect(vi.decimal(1_234_567.891, fractionDigits: 2) == "1.234.567,89")
        #expect(en.decimal(1_234_567.891, fractionDigits: 2) == "1,234,567.89")
        #expect(vi.integer(13000) == "13.000")
        #expect(en.integer(-13000) == "-13,000")
        #expect(vi.integer(999) == "999")
        #expect(vi.decimal(100_000, fractionDigits: 0) == "100.000")
    }

    @Test func roundsHalfAwayFromZeroOnTheShortestDecimalForm() {
        #expect(en.decimal(1.005, fractionDigits: 2) == "1.01")
        #expect(en.decimal(2.5, fractionDigits: 0) == "3")
        #expect(en.decimal(-2.5, fractionDigits: 0) == "-3")
        #expect(en.decimal(999.996, fractionDigits: 2) == "1,000.00")
        #expect(en.decimal(0.0449, fractionDigits: 1) == "0.0")
        #expect(en.decimal(-0.004, fractionDigits: 2) == "0.00")
        #expect(en.decimal(1e-5, fractionDigits: 6) == "0.000010")
        #expect(en.decimal(2.5e16, fractionDigits: 0) == "25,000,000,000,000,000")
        #expect(en.decimal(.nan) == "–")
    }

    @Test func percentagesFollowTheVietnameseConvention() {
        #expect(vi.percent(0.6979, fractionDigits: 2) == "69,79%")
        #expect(en.percent(0.6979, fractionDigits: 2) == "69.79%")
        #expect(vi.percent(0.9, fractionDigits: 0) == "90%")
        #expect(vi.percent(0.41234) == "41,2%")
        #expect(vi.percent(1) == "100,0%")
    }

    @Test func compactDropsTrailingZeros() {
        #expect(vi.compact(12.50) == "12,5")
        #expect(vi.compact(12.0) == "12")
        #expect(en.compact(0.125, maximumFractionDigits: 2) == "0.13")
        #expect(en.compact(-0.001) == "0")
    }

    @Test func datesInBodyTextAndHeadings() {
        let date = CutoffDate(year: 2026, month: 9, day: 30)!
        #expect(vi.date(date) == "30/9/2026")
        #expect(vi.date(date, style: .long) == "ngày 30 tháng 9 năm 2026")
        #expect(en.date(date) == "30 Sep 2026")
        #expect(en.date(date, style: .long) == "30 September 2026")
    }
}
