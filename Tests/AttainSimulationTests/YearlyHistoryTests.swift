import AttainData
import Testing
@testable import AttainSimulation

@Suite struct YearlyHistoryTests {
    func obs(_ period: String, _ value: Double, numerator: Double? = nil, denominator: Double? = nil) -> Observation {
        Observation(unit: "A", indicator: "x", period: Period(parsing: period)!, value: value, numerator: numerator, denominator: denominator)
    }

    @Test func quarterlyFlowsFoldIntoYearsWithASeasonalPartialYear() {
        let rows = [obs("2023-Q3", 30), obs("2023-Q4", 40),
                    obs("2024-Q1", 10), obs("2024-Q2", 20), obs("2024-Q3", 30), obs("2024-Q4", 40),
                    obs("2025-Q1", 20), obs("2025-Q2", 20), obs("2025-Q3", 40), obs("2025-Q4", 40),
                    obs("2026-Q1", 15), obs("2026-Q2", 25), obs("2026-Q3", 99)]     // Q3 2026 is after the cut-off
        let h = YearlyHistory(observations: rows, kind: .count, cutoff: CutoffDate(year: 2026, month: 6, day: 30)!)
        #expect(h.years == [2023, 2024, 2025])
        #expect(h.values == [70, 100, 120])
        #expect(h.exposures == [0.5, 1, 1])               // the series starts in July 2023
        #expect(h.annualisedValues == [140, 100, 120])
        let p = try! #require(h.partial)
        #expect(p.year == 2026 && p.value == 40 && p.fraction == 0.5)
        #expect(abs(p.expectedShare - 70.0 / 220.0) < 1e-12)   // Q1+Q2 of 2024 and 2025 over their totals
        #expect(h.firstUnobservedYear == 2026)
    }

    @Test func sharesTakeYearEndValuesAndTheLatestSnapshot() {
        let rows = [obs("2024", 0.5, numerator: 50, denominator: 100), obs("2025", 0.6, numerator: 66, denominator: 110),
                    obs("2026-Q2", 0.0, numerator: 70, denominator: 112)]
        let h = YearlyHistory(observations: rows, kind: .share, cutoff: CutoffDate(year: 2026, month: 6, day: 30)!)
        #expect(h.years == [2024, 2025] && h.values == [0.5, 0.6])
        #expect(h.numerators == [50, 66] && h.denominators == [100, 110])
        let p = try! #require(h.partial)
        #expect(p.value == 70.0 / 112 && p.numerator == 70 && p.fraction == 0.5)
    }

    @Test func cumulativeTotalsBecomeIncrements() {
        let rows = [obs("2024", 100), obs("2025", 250), obs("2026-Q1", 280)]
        let h = YearlyHistory(observations: rows, kind: .cumulative, cutoff: CutoffDate(year: 2026, month: 3, day: 31)!)
        #expect(h.values == [100, 150])
        #expect(h.partial?.value == 30)
    }

    @Test func unitsAreSummed() {
        let rows = [obs("2025", 0.5, numerator: 5, denominator: 10),
                    Observation(unit: "B", indicator: "x", period: .year(2025), value: 0.9, numerator: 27, denominator: 30)]
        let h = YearlyHistory(observations: rows, kind: .share, cutoff: .endOfYear(2025))
        #expect(h.values == [0.8])      // 32 / 40, not the mean of the shares
    }
}
