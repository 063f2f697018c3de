import AttainSimulation
import AttainTargets
import Foundation
import Testing
@testable import AttainReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The briefing's wording and charts for the target forms of targets schema 2 (issue #15): growth and change from a
/// base year, averages over a window, upper bounds, milestones.
@Suite("Briefing: targets stated from a base year, averages and milestones")
struct TargetFormsRenderingTests {
    let cutoff = CutoffDate(year: 2026, month: 6, day: 30)!

    static let provincial = LocalizedText(en: "The province's targets", vi: "Chỉ tiêu của tỉnh")

    /// Lump-sum withdrawals: "giảm ít nhất 30% so với năm 2024" — growth from 2024, at most −30%.
    static func lumpSums(comparison: Comparison) -> BriefingTarget {
        var target = BriefingTarget(
            id: "R28-5",
            wording: LocalizedText(en: "By 2030, lump-sum withdrawals fall by at least 30% from 2024",
                                   vi: "Đến năm 2030, số người hưởng bảo hiểm xã hội một lần giảm ít nhất 30% so với năm 2024"),
            group: provincial, unit: LocalizedText(en: "people", vi: "người"), kind: .levelAtDeadline, scale: .count,
            comparison: comparison, threshold: -0.3, window: 2024...2030,
            history: [HistoryPoint(year: 2023, value: 24786), HistoryPoint(year: 2024, value: 22710),
                      HistoryPoint(year: 2025, value: 22841), HistoryPoint(year: 2026, value: 12373, partial: true)],
            fan: (2026...2030).map { (y: Int) -> FanPoint in
                FanPoint(year: y, lower90: 15000, lower50: 19000, median: 21000, upper50: 23000, upper90: 27000)
            },
            estimate: -0.075, probability: 0.11, mcse: 0.003, status: TargetStatus(probability: 0.11))
        target.form = .growthFromBase(base: 2024)
        target.baseValue = 22710
        target.estimateInterval = -0.34 ... 0.19
        return target
    }

    /// Voluntary members: "tăng bình quân 18%/năm giai đoạn 2026–2030" — average growth over 2025–2030, at least 18%.
    static var voluntaryGrowth: BriefingTarget {
        var target = BriefingTarget(
            id: "R28-6",
            wording: LocalizedText(en: "Voluntary social-insurance members grow by 18% a year on average over 2026–2030",
                                   vi: "Số người tham gia bảo hiểm xã hội tự nguyện tăng bình quân 18%/năm giai đoạn 2026–2030"),
            group: provincial, unit: LocalizedText(en: "people", vi: "người"), kind: .levelAtDeadline, scale: .level,
            threshold: 0.18, window: 2025...2030,
            history: [HistoryPoint(year: 2024, value: 20927), HistoryPoint(year: 2025, value: 25708)],
            fan: (2026...2030).map { (y: Int) -> FanPoint in
                let m: Double = 25708 * pow(1.12, Double(y - 2025))
                return FanPoint(year: y, lower90: m * 0.8, lower50: m * 0.92, median: m, upper50: m * 1.08, upper90: m * 1.25)
            },
            estimate: 0.12, probability: 0.2, mcse: 0.004, status: TargetStatus(probability: 0.2))
        target.form = .averageGrowth(first: 2025)
        target.baseValue = 25708
        target.estimateInterval = 0.05 ... 0.19
        return target
    }

    /// Coverage: "tăng thêm 10 điểm % so với năm 2020" — change from 2020, at least 10 points.
    static var coverageChange: BriefingTarget {
        var target = BriefingTarget(
            id: "C-1",
            wording: LocalizedText(en: "Coverage up 10 percentage points from 2020 by 2030",
                                   vi: "Tỷ lệ bao phủ tăng thêm 10 điểm % so với năm 2020"),
            unit: LocalizedText(en: "%", vi: "%"), kind: .levelAtDeadline, scale: .share,
            threshold: 0.10, window: 2020...2030,
            history: (2020...2025).map { (y: Int) -> HistoryPoint in HistoryPoint(year: y, value: 0.32 + 0.02 * Double(y - 2020)) },
            fan: (2026...2030).map { (y: Int) -> FanPoint in FanPoint(year: y, value: 0.42 + 0.02 * Double(y - 2025)) },
            estimate: 0.2, probability: 0.97, mcse: 0.002, status: TargetStatus(probability: 0.97))
        target.form = .changeFromBase(base: 2020)
        target.baseValue = 0.32
        return target
    }

    /// Resolution 28's social-insurance line: 35% by 2021, 45% by 2025, 60% by 2030, as three milestones.
    static var milestones: [BriefingTarget] {
        let history = (2016...2025).map { (y: Int) -> HistoryPoint in HistoryPoint(year: y, value: 0.235 + 0.024 * Double(y - 2016)) }
        let fan = (2026...2030).map { (y: Int) -> FanPoint in
            let t = Double(y - 2025)
            let low90: Double = 0.44 + 0.01 * t, low50: Double = 0.46 + 0.018 * t, mid: Double = 0.47 + 0.021 * t
            let high50: Double = 0.48 + 0.024 * t, high90: Double = 0.49 + 0.03 * t
            return FanPoint(year: y, lower90: low90, lower50: low50, median: mid, upper50: high50, upper90: high90)
        }
        return [(2021, 0.35, 0.0), (2025, 0.45, 0.0), (2030, 0.60, 0.04)].map { year, threshold, p in
            var target = BriefingTarget(
                id: "R28-1@\(year)",
                wording: LocalizedText(en: "About 35% of the working-age labour force in social insurance by 2021, 45% by 2025, 60% by 2030",
                                       vi: "Khoảng 35% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội vào năm 2021, 45% vào năm 2025 và 60% vào năm 2030"),
                unit: LocalizedText(en: "%", vi: "%"), kind: .levelAtDeadline, scale: .share,
                threshold: threshold, window: year...year,
                history: history.filter { $0.year <= year }, fan: fan.filter { $0.year <= year },
                estimate: year < 2026 ? history.first { $0.year == year }!.value : 0.575,
                probability: p, mcse: p == 0 ? 0 : 0.002, status: TargetStatus(probability: p), missed: year < 2026)
            target.milestoneOf = "R28-1"
            return target
        }
    }

    static func input(_ targets: [BriefingTarget]) -> BriefingInput {
        BriefingInput(title: LocalizedText(en: "Review", vi: "Sơ kết"), cutoff: CutoffDate(year: 2026, month: 6, day: 30)!,
                      scenario: LocalizedText(en: "Baseline", vi: "Cơ sở"), targets: targets, illustrative: true,
                      dataNote: LocalizedText(en: "Generated by generate.py.", vi: "Sinh bởi generate.py."), paths: 1000, seed: 1)
    }

    /// The points of the first element of `name` with `class` in the chart, as (x, y) pairs.
    func points(_ svg: String, _ name: String, class className: String) throws -> [(Double, Double)] {
        let xml = XMLCollector.parse(svg)
        #expect(xml.error == nil)
        let attributes = try #require(xml.all(name, class: className).first)
        return try #require(attributes["points"]).split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return (xy[0], xy[1])
        }
    }

    // MARK: Charts

    @Test func anAverageGrowthThresholdIsACompoundingPathFromTheMarkedBaseValue() throws {
        let target = Self.voluntaryGrowth
        let svg = FanChart(target: target, language: .vi, cutoff: cutoff).svg(standalone: true)
        let path = try points(svg, "polyline", class: "target-path")
        #expect(path.count == 6)  // 2025 … 2030
        #expect(path.last!.1 < path.first!.1)  // rising (SVG y grows downwards)
        // Compounding: each year's rise is larger than the one before.
        let rises = zip(path, path.dropFirst()).map { $0.0.1 - $0.1.1 }
        #expect(zip(rises, rises.dropFirst()).allSatisfy { $0.1 > $0.0 })
        let xml = XMLCollector.parse(svg)
        let base = try #require(xml.all("rect", class: "base").first)
        #expect(abs(Double(base["x"]!)! + 5 - path[0].0) < 0.01)
        #expect(abs(Double(base["y"]!)! + 5 - path[0].1) < 0.01)
        #expect(base["fill"] == "#c0392b")  // observed base: filled
        #expect(svg.contains("Gốc 2025: 25.708"))
        #expect(svg.contains("(18%/năm)"))
        #expect(xml.all("line", class: "target").isEmpty)  // no flat threshold line
        // The implied 2030 value, 25,708 × 1.18⁵ = 58,814, is in the label and the plot.
        #expect(svg.contains("Chỉ tiêu ≥ 58.814"))
    }

    @Test func aReductionFromABaseYearIsAFallingLineFromTheMarkedBase() throws {
        let target = Self.lumpSums(comparison: .atMost)
        let svg = FanChart(target: target, language: .vi, cutoff: cutoff).svg(standalone: true)
        let path = try points(svg, "polyline", class: "target-path")
        #expect(path.count == 2)
        #expect(path[1].1 > path[0].1)  // falling (SVG y grows downwards)
        let base = try #require(XMLCollector.parse(svg).all("rect", class: "base").first)
        #expect(abs(Double(base["x"]!)! + 5 - path[0].0) < 0.01)
        #expect(svg.contains("Gốc 2024: 22.710"))
        #expect(svg.contains("Chỉ tiêu ≤ 15.897"))  // 22,710 × 0.7
        #expect(svg.contains("(−30% so với 2024)"))
        let en = FanChart(target: target, language: .en, cutoff: cutoff).svg(standalone: true)
        #expect(en.contains("Target ≤ 15,897"))
        #expect(en.contains("(−30% vs 2024)"))
        #expect(en.contains("Base 2024: 22,710"))
    }

    @Test func reductionWordingReadsAsThePlanWritesIt() {
        let vi = BriefingWords(language: .vi), en = BriefingWords(language: .en)
        let fvi = NumberFormatting(language: .vi), fen = NumberFormatting(language: .en)
        let atMost = Self.lumpSums(comparison: .atMost)
        #expect(vi.thresholdSentence(atMost, fvi)
                == "Chỉ tiêu: đến năm 2030 giảm ít nhất 30% so với năm 2024 (22.710), tức không quá 15.897 năm 2030.")
        #expect(en.thresholdSentence(atMost, fen)
                == "Target: by 2030, fall by at least 30% from 2024 (22,710), that is at most 15,897 in 2030.")
        #expect(vi.statisticSentence(atMost, fvi) == "Ước đến năm 2030: −7,5% so với năm 2024 (khoảng 90%: −34,0% đến +19,0%).")
        #expect(vi.targetLabel(atMost, fvi) == "Chỉ tiêu ≤ −30% so với 2024")
        let below = Self.lumpSums(comparison: .below)
        #expect(vi.thresholdSentence(below, fvi)?.contains("giảm hơn 30% so với năm 2024") == true)
        #expect(vi.thresholdSentence(below, fvi)?.hasSuffix("tức dưới 15.897 năm 2030.") == true)
        #expect(en.targetLabel(below, fen) == "Target < −30% vs 2024")
        // "Giảm không quá 5%": at least −5%.
        var mild = Self.lumpSums(comparison: .atLeast)
        mild.threshold = -0.05
        #expect(vi.thresholdSentence(mild, fvi)?.contains("giảm không quá 5% so với năm 2024") == true)
        // A level with an upper bound: "không quá 6%", "dưới 6%"; ≤ in the chart label.
        var arrears = SampleBriefing.unionShare
        arrears.comparison = .atMost
        arrears.threshold = 0.06
        #expect(vi.thresholdSentence(arrears, fvi) == "Chỉ tiêu: không quá 6% vào năm 2026.")
        #expect(en.thresholdSentence(arrears, fen) == "Target: at most 6% in 2026.")
        arrears.comparison = .below
        #expect(vi.thresholdSentence(arrears, fvi) == "Chỉ tiêu: dưới 6% vào năm 2026.")
        #expect(vi.targetLabel(arrears, fvi) == "Chỉ tiêu < 6%")
        #expect(arrears.shareOfTarget == nil)  // "% of target" would read the wrong way for a reduction
        // Targets of schema 1 say nothing new.
        #expect(vi.thresholdSentence(SampleBriefing.unionShare, fvi) == nil)
    }

    @Test func anUpperBoundLevelIsAFlatLineWithTheRightSymbol() throws {
        var arrears = SampleBriefing.unionShare
        arrears.comparison = .atMost
        arrears.threshold = 0.06
        let svg = FanChart(target: arrears, language: .vi, cutoff: cutoff).svg(standalone: true)
        let xml = XMLCollector.parse(svg)
        let line = try #require(xml.all("line", class: "target").first)
        #expect(line["y1"] == line["y2"])
        #expect(svg.contains("Chỉ tiêu ≤ 6%"))
        #expect(xml.all("rect", class: "base").isEmpty)
    }

    @Test func aChangeFromBaseIsAStraightLineInPoints() throws {
        let svg = FanChart(target: Self.coverageChange, language: .en, cutoff: cutoff).svg(standalone: true)
        let path = try points(svg, "polyline", class: "target-path")
        #expect(path.count == 2)
        #expect(path[1].1 < path[0].1)
        #expect(svg.contains("(+10 points vs 2020)"))
        #expect(svg.contains("Target ≥ 42.0%"))
        #expect(svg.contains("Base 2020: 32.0%"))
    }

    @Test func milestonesAreSeveralMarksOnOneChart() throws {
        let svg = FanChart(milestones: Self.milestones, language: .vi, cutoff: cutoff).svg(standalone: true)
        let xml = XMLCollector.parse(svg)
        #expect(xml.error == nil)
        #expect(xml.all("circle", class: "target-point").count == 3)
        #expect(xml.all("line", class: "target milestone").count == 3)
        #expect(svg.contains("≥ 35% (2021)"))
        #expect(svg.contains("≥ 45% (2025)"))
        #expect(svg.contains("Chỉ tiêu ≥ 60%"))
        #expect(xml.text["title"]?.hasPrefix("R28-1:") == true)
        // The whole history is drawn, from the last milestone's window.
        #expect(xml.all("circle", class: "observed").count == 10)
    }

    // MARK: Wording

    @Test func averageAndChangeWordingInBothLanguages() {
        let vi = BriefingWords(language: .vi), en = BriefingWords(language: .en)
        let fvi = NumberFormatting(language: .vi), fen = NumberFormatting(language: .en)
        let growth = Self.voluntaryGrowth
        #expect(vi.thresholdSentence(growth, fvi)
                == "Chỉ tiêu: tăng bình quân ít nhất 18%/năm giai đoạn 2026–2030 (từ 25.708 năm 2025), tức ít nhất 58.814 năm 2030.")
        #expect(en.thresholdSentence(growth, fen)
                == "Target: rise by at least 18% a year on average over 2026–2030 (from 25,708 in 2025), that is at least 58,814 in 2030.")
        #expect(vi.statisticSentence(growth, fvi) == "Ước bình quân giai đoạn 2026–2030: +12,0%/năm (khoảng 90%: +5,0%/năm đến +19,0%/năm).")
        #expect(vi.targetLabel(growth, fvi) == "Chỉ tiêu ≥ 18%/năm")
        #expect(en.targetLabel(growth, fen) == "Target ≥ 18% a year")
        let change = Self.coverageChange
        #expect(vi.thresholdSentence(change, fvi)
                == "Chỉ tiêu: đến năm 2030 tăng ít nhất 10 điểm % so với năm 2020 (32,0%), tức ít nhất 42,0% năm 2030.")
        #expect(en.statisticValue(0.2, change, fen) == "+20.0 points")
        #expect(vi.targetLabel(change, fvi) == "Chỉ tiêu ≥ +10 điểm % so với 2020")
    }

    @Test func aBaseYearStillToComeIsMarkedAsAnEstimate() {
        var target = Self.voluntaryGrowth
        target.baseObserved = false
        let svg = FanChart(target: target, language: .vi, cutoff: cutoff).svg(standalone: true)
        let base = XMLCollector.parse(svg).all("rect", class: "base").first
        #expect(base?["fill"] == "#fff")
        #expect(BriefingWords(language: .vi).thresholdSentence(target, NumberFormatting(language: .vi))?.contains("(từ 25.708, ước năm 2025)") == true)
    }

    // MARK: The briefing

    @Test(arguments: ReportLanguage.allCases)
    func milestonesAreOneRowGroupAndOneSection(language: ReportLanguage) {
        let html = BriefingHTMLRenderer(language: language).render(Self.input(Self.milestones + [Self.voluntaryGrowth]))
        #expect(html.components(separatedBy: "<td class=\"wording\" rowspan=\"3\">").count - 1 == 1)
        for year in [2021, 2025, 2030] { #expect(html.contains("<td class=\"id\">R28-1 (\(year))</td>")) }
        // One chart for the three milestones, one for the average-growth target.
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("<section class=\"target milestones\" id=\"target-R28-1\">"))
        // The summary's estimate of a growth target is the statistic, and "% of target" is not given for it.
        #expect(html.contains(language == .vi ? "+12,0%/năm" : "+12.0% a year"))
        // The data note rides with the illustrative warning.
        #expect(html.contains(language == .vi ? "Sinh bởi generate.py." : "Generated by generate.py."))
    }

    @Test func shareOfTargetIsNotGivenForGrowthForms() {
        #expect(Self.voluntaryGrowth.shareOfTarget == nil)
        #expect(Self.coverageChange.shareOfTarget == nil)
        #expect(Self.milestones[2].shareOfTarget != nil)
    }
}

@Suite("Briefing: milestones of a growth from a base year")
struct GrowthMilestoneRenderingTests {
    /// "Tăng 10% so với năm 2024 vào năm 2027 và 25% vào năm 2030": two milestones of one growth-from-base target.
    static var milestones: [BriefingTarget] {
        [(2027, 0.10), (2030, 0.25)].map { year, growth in
            var target = BriefingTarget(
                id: "G-1@\(year)", wording: LocalizedText(en: "Members up 10% from 2024 by 2027 and 25% by 2030",
                                                          vi: "Số đoàn viên tăng 10% so với năm 2024 vào năm 2027 và 25% vào năm 2030"),
                unit: LocalizedText(en: "people", vi: "người"), kind: .growthFromBase, scale: .level, threshold: growth,
                window: 2024...year,
                history: [HistoryPoint(year: 2024, value: 20000), HistoryPoint(year: 2025, value: 21000)],
                fan: (2026...year).map { (y: Int) -> FanPoint in FanPoint(year: y, value: 21000 + 700 * Double(y - 2025)) },
                estimate: 0.08, probability: 0.4, mcse: 0.005, status: TargetStatus(probability: 0.4))
            target.form = .growthFromBase(base: 2024)
            target.baseValue = 20000
            target.milestoneOf = "G-1"
            return target
        }
    }

    @Test func eachMilestoneIsALineFromTheOneMarkedBase() throws {
        let svg = FanChart(milestones: Self.milestones, language: .vi, cutoff: CutoffDate(year: 2026, month: 6, day: 30)!)
            .svg(standalone: true)
        let xml = XMLCollector.parse(svg)
        #expect(xml.error == nil)
        #expect(xml.all("polyline", class: "target-path").count == 2)
        #expect(xml.all("rect", class: "base").count == 1)
        #expect(svg.contains("≥ +10% so với 2024 (2027)"))
        #expect(svg.contains("Gốc 2024: 20.000"))
        // The 2027 mark sits at 20,000 × 1.1 = 22,000 on the indicator's scale, below the 2030 mark at 25,000.
        let marks = xml.all("circle", class: "target-point").compactMap { $0["cy"].flatMap(Double.init) }
        #expect(marks.count == 2 && marks[0] > marks[1])
        let html = BriefingHTMLRenderer(language: .en).render(TargetFormsRenderingTests.input(Self.milestones))
        #expect(html.contains("≥ +25% vs 2024"))
        #expect(html.contains("+8.0% (est.)"))
    }
}
