import AttainSimulation
import AttainTargets
import Foundation
import Testing
@testable import AttainReport
import AttainTestSupport

/// The adapters from simulation results, on results written by hand in the JSON the `run` command prints.
@Suite("Briefing from simulation results")
struct RunResultAdapterTests {
    static let json = #"""
    {
      "paths": 1000, "seed": 7, "scenario": "baseline", "file": "scenarios/baseline.yaml",
      "title": { "en": "Baseline", "vi": "Kịch bản cơ sở" },
      "plan": { "en": "The plan", "vi": "Kế hoạch" },
      "cutoff": "2026-06-30", "firstYear": 2023, "horizon": 2030,
      "assumptions": [ { "en": "Turnover 20%", "vi": "Nghỉ việc 20%" } ],
      "interventions": [], "warnings": [],
      "indicators": [
        { "name": "enterprises_with_union", "kind": "share", "model": "stock-flow",
          "history": [ { "period": "2023", "value": 0.757, "partial": false }, { "period": "2024", "value": 0.789, "partial": false },
                       { "period": "2025", "value": 0.817, "partial": false } ],
          "fan": [ { "period": "2026", "q05": 0.78, "q25": 0.81, "q50": 0.83, "q75": 0.85, "q95": 0.88 },
                   { "period": "2027", "q05": 0.77, "q25": 0.81, "q50": 0.84, "q75": 0.87, "q95": 0.91 } ] },
        { "name": "party_introductions", "kind": "count", "model": "Poisson",
          "history": [ { "period": "2023", "value": 15, "partial": false }, { "period": "2026", "value": 11, "partial": true } ],
          "fan": [ { "period": "2026", "q05": 40, "q25": 50, "q50": 60, "q75": 70, "q95": 80 } ] }
      ],
      "targets": [
        { "id": "P1-1a", "indicator": "enterprises_with_union", "kind": "level-at-deadline", "comparison": ">=",
          "threshold": 0.9, "from": 2026, "to": 2026,
          "wording": { "en": "90% of enterprises have a union", "vi": "90% doanh nghiệp thành lập công đoàn" },
          "probability": 0.05, "mcse": 0.0069, "status": "off-track", "statusVi": "Khó đạt",
          "years": [ { "period": "2026", "probability": 0.05, "mcse": 0.0069, "observed": false } ],
          "median": 0.83, "lower90": 0.78, "upper90": 0.88,
          "history": [ { "period": "2025", "value": 0.817, "partial": false } ],
          "fan": [ { "period": "2026", "q05": 0.78, "q25": 0.81, "q50": 0.83, "q75": 0.85, "q95": 0.88 } ] },
        { "id": "P1-5", "indicator": "party_introductions", "kind": "every-year", "comparison": ">=",
          "threshold": 9, "from": 2023, "to": 2026, "unit": { "en": "people", "vi": "người" },
          "wording": { "en": "At least 9 a year", "vi": "Hằng năm ít nhất 09" },
          "probability": 0.97, "mcse": 0.0054, "status": "likely", "statusVi": "Có khả năng đạt",
          "years": [ { "period": "2023", "probability": 1, "mcse": 0, "observed": true },
                     { "period": "2026", "probability": 0.97, "mcse": 0.0054, "observed": false } ],
          "jointProbability": 0.97, "median": 15, "lower90": 14, "upper90": 15,
          "history": [ { "period": "2023", "value": 15, "partial": false } ],
          "fan": [ { "period": "2026", "q05": 14, "q25": 18, "q50": 21, "q75": 24, "q95": 28 } ] },
        { "id": "P1-7", "indicator": "party_introductions", "kind": "cumulative-flow", "comparison": ">",
          "threshold": 100, "from": 2023, "to": 2026, "settled": "missed",
          "wording": { "en": "More than 100 in all", "vi": "Trên 100" },
          "probability": 0, "mcse": 0, "status": "off-track", "statusVi": "Khó đạt",
          "years": [], "median": 60, "lower90": 40, "upper90": 80,
          "history": [ { "period": "2023", "value": 15, "partial": false } ],
          "fan": [ { "period": "2026", "q05": 40, "q25": 50, "q50": 60, "q75": 70, "q95": 80 } ] }
      ]
    }
    """#

    static func run() throws -> RunResult {
        try JSONDecoder().decode(RunResult.self, from: Data(json.utf8))
    }

    /// Targets on an indicator the unit schedules itself are marked † in the summary, with the plan note under the
    /// target, in both languages; the others are not.
    @Test func targetsRestingOnAPlanAreMarked() throws {
        var run = try Self.run()
        run.indicators[1].restsOnPlan = true                       // party_introductions: P1-5 and P1-7
        let input = BriefingInput(run: run, illustrative: false)
        #expect(input.targets.map(\.restsOnPlan) == [false, true, true])
        for language in [ReportLanguage.vi, .en] {
            let md = BriefingMarkdownRenderer(language: language).render(input)
            #expect(md.contains("| P1-5 † |") && md.contains("| P1-7 † |") && !md.contains("P1-1a †"))
            #expect(md.contains("(†)"))
            let note = BriefingTarget.planNote.text(language)
            #expect(md.components(separatedBy: note).count - 1 == 2)
        }
        let plain = BriefingMarkdownRenderer(language: .en).render(BriefingInput(run: try Self.run(), illustrative: false))
        #expect(!plain.contains("†"))
    }

    /// What to read with care about an indicator's fit reaches the targets that still rest on its projection (‡ and a
    /// note), in both languages, and the method table; a target the data have settled is not marked.
    @Test func caveatsOfAFitReachTheTargetsOnIt() throws {
        var run = try Self.run()
        run.indicators[1].caveats = [LocalizedText(en: "only 3 years of data: the trend is very uncertain",
                                                   vi: "chỉ có 3 năm số liệu: xu hướng rất không chắc chắn")]
        run.indicators[1].modelVi = "Poisson (tiếng Việt)"
        let input = BriefingInput(run: run, illustrative: false)
        #expect(input.targets.map { !$0.caveats.isEmpty } == [false, true, false])   // P1-7 is settled (missed)
        #expect(input.indicators[1].model.text("vi") == "Poisson (tiếng Việt)" && input.indicators[1].model.text("en") == "Poisson")
        let vi = BriefingMarkdownRenderer(language: .vi).render(input)
        #expect(vi.contains("| P1-5 ‡ |") && vi.contains("| P1-7 |") && vi.contains("(‡)"))
        #expect(vi.contains("Đọc thận trọng: chỉ có 3 năm số liệu: xu hướng rất không chắc chắn."))
        let en = BriefingMarkdownRenderer(language: .en).render(input)
        #expect(en.contains("Read with care: only 3 years of data: the trend is very uncertain."))
        #expect(en.contains("| Poisson | only 3 years of data: the trend is very uncertain |"))
        // Written to JSON and read back, the caveats and the Vietnamese model survive (a merged or saved result).
        let again = try JSONDecoder().decode(RunResult.self, from: JSONEncoder().encode(run))
        #expect(again.indicators[1].caveats == run.indicators[1].caveats && again.indicators[1].modelVi == "Poisson (tiếng Việt)")
    }

    @Test func targetsCarryTheirEvidence() throws {
        let input = BriefingInput(run: try Self.run(), illustrative: true)
        #expect(input.cutoff == CutoffDate(year: 2026, month: 6, day: 30))
        #expect(input.paths == 1000 && input.seed == 7)
        #expect(input.scenario.vi == "Kịch bản cơ sở")
        #expect(input.summaryYears == [2023, 2024, 2025])
        let share = input.targets[0]
        #expect(share.scale == .share && share.kind == .levelAtDeadline)
        #expect(share.unit.vi == "%")
        // A level target shows the indicator's whole history and its fan up to the deadline only.
        #expect(share.history.map(\.year) == [2023, 2024, 2025])
        #expect(share.fan.map(\.year) == [2026])
        #expect(share.estimate == 0.83)
        #expect(share.status == .offTrack && share.needsEffort)
        #expect(abs(share.shareOfTarget! - 0.83 / 0.9) < 1e-12)
    }

    @Test func everyYearCountTargetsKeepTheirOwnFanAndPerYearProbabilities() throws {
        let target = BriefingInput(run: try Self.run(), illustrative: false).targets[1]
        #expect(target.scale == .count)
        // The indicator's fan of a count is a running total: the target's own yearly fan is used instead.
        #expect(target.fan.first?.median == 21)
        #expect(target.history.map(\.year) == [2023, 2026])
        #expect(target.history.last?.partial == true)
        #expect(target.yearProbabilities.map(\.year) == [2023, 2026])
        #expect(target.yearProbabilities.first?.observed == true)
        #expect(!target.needsEffort)
    }

    @Test func settledMissesAndStrictThresholds() throws {
        let target = BriefingInput(run: try Self.run(), illustrative: false).targets[2]
        #expect(target.missed && !target.needsEffort)
        #expect(target.statusWord(.vi) == "Không đạt")
        #expect(target.comparison == .above)
        #expect(target.yearProbabilities.isEmpty)
        let words = BriefingWords(language: .vi)
        #expect(words.targetLabel(target, NumberFormatting(language: .vi)) == "Chỉ tiêu > 100")
    }

    @Test func leversAreDescribedInWords() {
        let title = LocalizedText(en: "Share of workers who are union members", vi: "Tỷ lệ công nhân là đoàn viên")
        let (lever, unit) = GoalSeekEffort.words(for: .rateMultiplier, indicatorTitle: title, description: nil, isCount: false)
        #expect(lever.vi == "tốc độ thành lập, kết nạp (tỷ lệ công nhân là đoàn viên)")
        #expect(unit.en == "times the present rate")
        let (events, _) = GoalSeekEffort.words(for: .rateMultiplier, indicatorTitle: nil, description: nil, isCount: true)
        #expect(events.en == "how often they happen")
        let effort = GoalSeekEffort(lever: lever, unit: unit, current: 1, required: 2.5, probability: 0.8)
        #expect(BriefingWords(language: .vi).effortSentence(effort, NumberFormatting(language: .vi))
            == "Để xác suất đạt 80%, cần nâng tốc độ thành lập, kết nạp (tỷ lệ công nhân là đoàn viên) từ 1 lên 2,5 lần tốc độ hiện nay.")
    }

    @Test func theReadmeTitleMarksIllustrativeData() {
        #expect(IllustrativeData.titleMarksIllustrative("# Example data: Huyện Hiệp Hòa (ILLUSTRATIVE)\n\ntext"))
        #expect(IllustrativeData.titleMarksIllustrative("# Số liệu minh họa\n"))
        #expect(!IllustrativeData.titleMarksIllustrative("# Survey 2025\n\nNot illustrative at all."))
        let repository = RepositoryFiles.root
        #expect(IllustrativeData.isMarked(dataFiles: [repository.appendingPathComponent("notebooks-data/district.csv").path]))
    }
}
