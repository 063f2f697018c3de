import AttainReport
import AttainSimulation
import AttainTargets

/// A hand-made briefing with one target of each kind, numbers in the magnitudes of the plan's district.
enum SampleBriefing {
    static let phase1 = LocalizedText(en: "Phase 1 (2023–2026)", vi: "Giai đoạn 1 (2023–2026)")

    static var unionShare: BriefingTarget {
        BriefingTarget(
            id: "P1-1a",
            wording: LocalizedText(en: "90% of enterprises regularly employing 20+ workers have a grassroots union",
                                   vi: "90% doanh nghiệp sử dụng thường xuyên 20 CNLĐ trở lên thành lập công đoàn"),
            group: phase1, unit: LocalizedText(en: "%", vi: "%"), kind: .levelAtDeadline, scale: .share,
            threshold: 0.9, window: 2023...2026,
            history: [HistoryPoint(year: 2023, value: 0.757), HistoryPoint(year: 2024, value: 0.789),
                      HistoryPoint(year: 2025, value: 0.817)],
            fan: [FanPoint(year: 2026, lower90: 0.781, lower50: 0.823, median: 0.846, upper50: 0.869, upper90: 0.902)],
            probability: 0.062, mcse: 0.0024, status: TargetStatus(probability: 0.062),
            effort: GoalSeekEffort(lever: LocalizedText(en: "new unions founded per year", vi: "số công đoàn cơ sở thành lập mới mỗi năm"),
                                   unit: LocalizedText(en: "unions a year", vi: "công đoàn/năm"), current: 7, required: 11.5, probability: 0.8))
    }

    static var introductions: BriefingTarget {
        BriefingTarget(
            id: "P1-5",
            wording: LocalizedText(en: "At least 9 outstanding members introduced to the Party every year",
                                   vi: "Hằng năm giới thiệu ít nhất 09 đoàn viên ưu tú cho Đảng xem xét kết nạp"),
            group: phase1, unit: LocalizedText(en: "people", vi: "người"), kind: .everyYear, scale: .count,
            threshold: 9, window: 2023...2026,
            history: [HistoryPoint(year: 2023, value: 15), HistoryPoint(year: 2024, value: 20),
                      HistoryPoint(year: 2025, value: 25), HistoryPoint(year: 2026, value: 11, partial: true)],
            fan: [FanPoint(year: 2026, lower90: 17, lower50: 22, median: 25, upper50: 29, upper90: 34)],
            probability: 0.97, mcse: 0.0017,
            yearProbabilities: [YearProbability(year: 2023, probability: 1, observed: true),
                                YearProbability(year: 2024, probability: 1, observed: true),
                                YearProbability(year: 2025, probability: 1, observed: true),
                                YearProbability(year: 2026, probability: 0.97)],
            status: TargetStatus(probability: 0.97))
    }

    static var appContacts: BriefingTarget {
        BriefingTarget(
            id: "P1-7",
            wording: LocalizedText(en: "By 2026, 13,000 worker-contacts through the “Công nhân Bắc Giang” app",
                                   vi: "Đến năm 2026 có 13.000 lượt CNLĐ được tuyên truyền, hỗ trợ từ phần mềm Công nhân Bắc Giang"),
            group: phase1, unit: LocalizedText(en: "contacts", vi: "lượt"), kind: .cumulativeFlow, scale: .count,
            threshold: 13000, window: 2023...2026,
            history: [HistoryPoint(year: 2024, value: 3500), HistoryPoint(year: 2025, value: 8000)],
            fan: [FanPoint(year: 2026, lower90: 10900, lower50: 12100, median: 12800, upper50: 13500, upper90: 14600)],
            probability: 0.43, mcse: 0.005, status: TargetStatus(probability: 0.43),
            effort: GoalSeekEffort(lever: LocalizedText(en: "app promotion multiplier", vi: "hệ số đẩy mạnh quảng bá phần mềm"),
                                   unit: LocalizedText(en: "×", vi: "lần"), current: 1, required: nil, probability: 0.8,
                                   searchedUpTo: 3))
    }

    static var events: BriefingTarget {
        BriefingTarget(
            id: "P2-7",
            wording: LocalizedText(en: "2–3 district cultural or sports events for workers every year",
                                   vi: "Hằng năm tổ chức ít nhất 2–3 hoạt động văn nghệ, thể thao cấp huyện"),
            group: LocalizedText(en: "Phase 2 (2027–2030)", vi: "Giai đoạn 2 (2027–2030)"),
            unit: LocalizedText(en: "events", vi: "hoạt động"), kind: .range, scale: .count,
            threshold: 2, stretch: 3, window: 2027...2030,
            history: [HistoryPoint(year: 2023, value: 2), HistoryPoint(year: 2024, value: 3), HistoryPoint(year: 2025, value: 2)],
            fan: (2026...2030).map { FanPoint(year: $0, lower90: 1, lower50: 2, median: 2, upper50: 3, upper90: 4) },
            probability: 0.58, mcse: 0.0049, stretchProbability: 0.21,
            yearProbabilities: (2027...2030).map { YearProbability(year: $0, probability: 0.87) },
            status: TargetStatus(probability: 0.58))
    }

    static func input(illustrative: Bool = true, comparison: Bool = false) -> BriefingInput {
        let targets = [unionShare, introductions, appContacts, events]
        return BriefingInput(
            title: LocalizedText(en: "Mid-term review: how likely the plan's targets are to be met",
                                 vi: "Sơ kết giữa kỳ: khả năng đạt các chỉ tiêu của Kế hoạch"),
            plan: LocalizedText(en: "Plan implementing Scheme 19-ĐA/TU (Bắc Giang), 2023–2030",
                                vi: "Kế hoạch thực hiện Đề án số 19-ĐA/TU của Tỉnh ủy Bắc Giang, giai đoạn 2023–2030"),
            cutoff: CutoffDate(year: 2026, month: 6, day: 30)!,
            scenario: LocalizedText(en: "Baseline", vi: "Cơ sở"),
            targets: targets,
            comparison: comparison ? ScenarioComparison(
                scenarios: [LocalizedText(en: "Baseline", vi: "Cơ sở"), LocalizedText(en: "Recruitment drive", vi: "Đẩy mạnh phát triển đoàn viên")],
                rows: targets.map { ScenarioComparison.Row(targetID: $0.id, probabilities: [$0.probability, min(1, $0.probability + 0.2)],
                                                           differences: [.init(value: 0.2, standardError: 0.003)]) }) : nil,
            assumptions: [LocalizedText(en: "Enterprises keep entering the zones at the 2023–2025 pace.",
                                        vi: "Doanh nghiệp tiếp tục vào khu, cụm công nghiệp với tốc độ như giai đoạn 2023–2025."),
                          LocalizedText(en: "Worker turnover stays near 20% a year.", vi: "Tỷ lệ biến động lao động khoảng 20%/năm.")],
            indicators: [IndicatorNote(title: LocalizedText(en: "Share of enterprises with a union", vi: "Tỷ lệ doanh nghiệp có công đoàn"),
                                       model: LocalizedText(en: "stock-flow: entries and closures, founding hazard",
                                                          vi: "tồn lượng – dòng chảy: thành lập và giải thể, tỷ lệ thu hút"))],
            illustrative: illustrative,
            dataNote: LocalizedText(en: "Example data made for the toolkit's documentation.",
                                    vi: "Số liệu ví dụ lập để minh họa cho tài liệu của công cụ."),
            paths: 10000, seed: 42)
    }
}
