import AttainSimulation
@testable import AttainTargets
import Foundation
import Testing
@testable import AttainReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The ranked dot chart of a league table: well-formed XML, escaped text, one dot per unit in rank order.
@Suite struct LeagueChartTests {
    static func league(units: [String], share: Bool = true) -> LeagueResult.TargetLeague {
        let rows = units.enumerated().map { i, u in
            let m = share ? 0.95 - 0.1 * Double(i) : 10 - Double(i)
            let w = share ? 0.05 : 2
            return LeagueResult.Row(rank: i + 1, unit: u, probability: 0.9 - 0.2 * Double(i), mcse: 0.01, status: .likely, settled: nil,
                                    lower90: m - 2 * w, lower50: m - w, median: m, upper50: m + w / 2, upper90: m + w,
                                    shortfall: 0.01 * Double(i), shortfallShare: nil)
        }
        return .init(id: "P1-1a", indicator: "enterprises_with_union", kind: .levelAtDeadline, comparison: .atLeast, symbol: "≥",
                     threshold: share ? 0.9 : 8, from: 2026, to: 2026, wording: LocalizedText(en: "By 2026", vi: "Đến năm 2026"),
                     isShare: share, additive: !share, totalShortfall: nil, rows: rows, skipped: [])
    }

    @Test func parsesAsXMLWithOneDotPerUnitInRankOrder() throws {
        let units = ["KCN Hòa Phú", "CCN <Mai> & \"Đình\"", "CCN Đoan Bái"]
        for share in [true, false] {
            let svg = LeagueChart(league: Self.league(units: units, share: share)).svg(standalone: true)
            let xml = XMLCollector.parse(svg)
            #expect(xml.error == nil, "\(String(describing: xml.error))")
            let dots = xml.all("circle", class: "dot")
            #expect(dots.map { $0["data-unit"] } == units)
            #expect(dots.map { $0["data-rank"] } == ["1", "2", "3"])
            let ys = dots.compactMap { $0["cy"].flatMap(Double.init) }
            #expect(ys.count == 3 && ys == ys.sorted() && Set(ys).count == 3)
            #expect(svg.contains("CCN &lt;Mai&gt; &amp; &quot;Đình&quot;"))
            #expect(!svg.contains("<Mai>"))
            #expect(xml.all("line", class: "threshold").count == 1)
        }
    }

    @Test func anEmptyLeagueStillDraws() {
        let xml = XMLCollector.parse(LeagueChart(league: Self.league(units: [])).svg(standalone: true))
        #expect(xml.error == nil)
        #expect(xml.all("circle", class: "dot").isEmpty)
    }
}
