import AttainData
import AttainSimulation
import AttainTargets

/// The fixed wording of a briefing in one language, and the sentences built from numbers.
struct BriefingWords {
    let language: ReportLanguage
    private var vi: Bool { language == .vi }

    init(language: ReportLanguage) {
        self.language = language
    }

    // MARK: Headings and labels

    var defaultTitle: String { vi ? "Khả năng đạt các chỉ tiêu của kế hoạch" : "How likely the plan's targets are to be met" }
    func cutoffLine(_ date: CutoffDate) -> String {
        let format = NumberFormatting(language: language)
        return vi ? "Số liệu tính đến \(format.date(date, style: .long))" : "Data as of \(format.date(date, style: .long))"
    }
    var scenarioLabel: String { vi ? "Kịch bản" : "Scenario" }
    var illustrativeHeading: String { vi ? "Số liệu minh họa" : "Illustrative data" }
    var illustrativeText: String {
        vi ? "Đây không phải số liệu thống kê chính thức. Các con số chỉ minh họa cách đọc báo cáo; không dùng để đánh giá thực tế."
            : "These are not official statistics. The numbers only illustrate how to read the briefing; do not use them to judge real results."
    }
    var sectionSummary: String { vi ? "Tổng hợp kết quả thực hiện các chỉ tiêu" : "Summary of the targets" }
    var sectionTargets: String { vi ? "Đánh giá từng chỉ tiêu" : "Each target in detail" }
    var sectionComparison: String { vi ? "So sánh các kịch bản" : "Scenario comparison" }
    var sectionEffort: String { vi ? "Nỗ lực cần thiết đối với các chỉ tiêu khó đạt" : "Effort needed for targets at risk" }
    var sectionMethod: String { vi ? "Giả định và phương pháp" : "Assumptions and method" }
    /// Roman numeral for section `number` (1-based), as Vietnamese reports number their parts.
    static func roman(_ number: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][max(0, min(9, number - 1))]
    }
    var assumptionsHeading: String { vi ? "Giả định" : "Assumptions" }
    var methodHeading: String { vi ? "Phương pháp" : "Method" }
    var columnIndicator: String { vi ? "Chỉ số" : "Indicator" }
    var columnModel: String { vi ? "Mô hình dự báo" : "Projection model" }
    var planMark: String {
        vi ? "(†) Phụ thuộc vào kế hoạch tự tổ chức của đơn vị, không phải xu hướng ước lượng từ số liệu."
            : "(†) Rests on the unit's own plan, not on a trend estimated from the data."
    }

    var columnID: String { vi ? "Mã" : "ID" }
    var columnTarget: String { vi ? "Chỉ tiêu" : "Target" }
    var columnUnit: String { vi ? "Đơn vị tính" : "Unit" }
    var columnEstimate: String { vi ? "Ước đến hạn" : "Estimate at deadline" }
    var columnShareOfTarget: String { vi ? "% so với chỉ tiêu" : "% of target" }
    var columnStatus: String { vi ? "Đánh giá (xác suất đạt)" : "Status (probability)" }
    var columnYear: String { vi ? "Năm" : "Year" }
    var columnProbability: String { vi ? "Xác suất đạt" : "Probability" }
    var allYears: String { vi ? "Tất cả các năm" : "Every year" }
    var perYearHeading: String { vi ? "Xác suất đạt từng năm" : "Probability for each year" }
    var observedMark: String { vi ? "đã có số liệu" : "observed" }
    var originalWording: String { vi ? "Nguyên văn" : "Original wording (Vietnamese)" }
    var englishWording: String { "English" }
    var summaryNote: String {
        vi ? "Ước đến hạn: trung vị dự báo tại thời hạn (chỉ tiêu lũy kế: tổng cả giai đoạn; chỉ tiêu hằng năm: năm thấp nhất của giai đoạn). Xác suất đạt là tỷ lệ các đường mô phỏng đạt chỉ tiêu; sai số Monte Carlo ghi ở phần II."
            : "Estimate at deadline: the median projection at the deadline (cumulative targets: the total over the period; every-year targets: the period's weakest year). A probability is the share of simulated paths that meet the target; Monte Carlo errors are in part II."
    }

    var fanTitle: String { vi ? "Số liệu thực tế và dự báo" : "Observed values and projection" }
    var projection: String { vi ? "Dự báo" : "Projection" }
    var legendObserved: String { vi ? "Thực tế" : "Observed" }
    var legendPartial: String { vi ? "Đến ngày chốt số liệu" : "Year to date" }
    var legendMedian: String { vi ? "Trung vị dự báo" : "Median projection" }
    var legendBand50: String { vi ? "Khoảng 50%" : "50% band" }
    var legendBand90: String { vi ? "Khoảng 90%" : "90% band" }
    var legendTarget: String { vi ? "Chỉ tiêu" : "Target" }
    func deadlineLabel(_ year: Int) -> String { vi ? "Hạn \(year)" : "Deadline \(year)" }
    var generatedBy: String { vi ? "Lập bằng Attain" : "Made with Attain" }

    // MARK: Numbers in words

    /// A probability for display: whole percentages, "< 1%" and "> 99%" near the ends unless exactly 0 or 1.
    func probability(_ p: Double, _ format: NumberFormatting) -> String {
        if p > 0 && p < 0.005 { return "< 1%" }
        if p < 1 && p > 0.995 { return "> 99%" }
        return format.percent(p, fractionDigits: 0)
    }

    /// A value of `target` on its display scale, without unit (shares as percentages with a % sign when `withPercent`).
    func value(_ v: Double, _ target: BriefingTarget, _ format: NumberFormatting, withPercent: Bool = true) -> String {
        switch target.scale {
        case .share: return withPercent ? format.percent(v, fractionDigits: 1) : format.decimal(v * 100, fractionDigits: 1)
        case .count: return format.decimal(v, fractionDigits: 0)
        case .level: return format.compact(v, maximumFractionDigits: 1)
        }
    }

    /// A threshold as the plan writes it: no needless decimals ("90%", "13.000").
    func thresholdValue(_ v: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        switch target.scale {
        case .share: return format.compact(v * 100, maximumFractionDigits: 1) + "%"
        case .count, .level: return format.compact(v, maximumFractionDigits: 1)
        }
    }

    func comparator(_ target: BriefingTarget) -> String { target.comparison.symbol }

    /// "Chỉ tiêu ≥ 90%", "Target ≥ 9 a year".
    func targetLabel(_ target: BriefingTarget, _ format: NumberFormatting) -> String {
        let amount = thresholdValue(target.threshold, target, format)
        let perYear = target.kind.isEveryYear ? (vi ? "/năm" : " a year") : ""
        return "\(legendTarget) \(comparator(target)) \(amount)\(perYear)"
    }

    func stretchLabel(_ stretch: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        (vi ? "Phấn đấu " : "Stretch ") + thresholdValue(stretch, target, format)
    }

    /// "Thực tế: 2023: 75,7%; 2024: 78,9%; 2025: 81,7%; 2026 (đến ngày chốt số liệu): 11."
    func observedSentence(_ target: BriefingTarget, _ format: NumberFormatting) -> String? {
        let points = target.history.sorted { $0.year < $1.year }
        guard !points.isEmpty else { return nil }
        let shown = points.count > 6 ? Array(points.suffix(6)) : points
        let items = shown.map { point -> String in
            let label = point.partial ? "\(point.year) (\(legendPartial.lowercased()))" : String(point.year)
            return "\(label): \(value(point.value, target, format))"
        }
        return (vi ? "Thực tế: " : "Observed: ") + items.joined(separator: "; ") + "."
    }

    func projectionSentence(_ point: FanPoint, target: BriefingTarget, format: NumberFormatting) -> String {
        let median = value(point.median, target, format)
        let low = value(point.lower90, target, format)
        let high = value(point.upper90, target, format)
        return vi ? "Trung vị dự báo năm \(point.year): \(median) (khoảng 90%: \(low) – \(high))."
            : "Median projection for \(point.year): \(median) (90% band \(low) – \(high))."
    }

    func probabilitySentence(_ p: Double, format: NumberFormatting) -> String {
        vi ? "Xác suất đạt: \(probability(p, format))." : "Probability of meeting it: \(probability(p, format))."
    }

    /// "Xác suất đạt 23% (sai số Monte Carlo ± 0,4 điểm %)".
    func probabilityWithError(_ p: Double, mcse: Double, format: NumberFormatting) -> String {
        let error = format.decimal(mcse * 100, fractionDigits: 1)
        return vi ? "Xác suất đạt \(probability(p, format)) (sai số Monte Carlo ± \(error) điểm %)"
            : "Probability \(probability(p, format)) (Monte Carlo error ± \(error) points)"
    }

    func stretchProbability(_ p: Double, _ stretch: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        vi ? "Xác suất đạt mức phấn đấu \(value(stretch, target, format)): \(probability(p, format))."
            : "Probability of reaching the stretch value \(value(stretch, target, format)): \(probability(p, format))."
    }

    func effortSentence(_ effort: GoalSeekEffort, _ format: NumberFormatting) -> String {
        let lever = effort.lever.text(language)
        let unit = effort.unit.text(language)
        let goal = format.percent(effort.probability, fractionDigits: 0)
        let current = format.compact(effort.current, maximumFractionDigits: 2)
        let unitSuffix = unit.isEmpty ? "" : " " + unit
        guard let required = effort.required else {
            let limit = effort.searchedUpTo.map { format.compact($0, maximumFractionDigits: 2) + unitSuffix }
            return vi ? "Ngay cả khi nâng \(lever) lên \(limit ?? "mức cao nhất đã thử"), xác suất đạt vẫn chưa tới \(goal): cần thêm giải pháp khác."
                : "Even raising \(lever) to \(limit ?? "the highest value tried") does not bring the probability to \(goal): other measures are needed."
        }
        let needed = format.compact(required, maximumFractionDigits: 2)
        if required < effort.current {
            return vi ? "Để xác suất đạt \(goal), cần giảm \(lever) từ \(current) xuống \(needed)\(unitSuffix)."
                : "To reach a probability of \(goal), \(lever) must fall from \(current) to \(needed)\(unitSuffix)."
        }
        return vi ? "Để xác suất đạt \(goal), cần nâng \(lever) từ \(current) lên \(needed)\(unitSuffix)."
            : "To reach a probability of \(goal), \(lever) must rise from \(current) to \(needed)\(unitSuffix)."
    }

    var noEffort: String {
        vi ? "Chưa tính nỗ lực cần thiết (kịch bản không khai báo đòn bẩy cho chỉ tiêu này)."
            : "No effort computed (the scenario declares no lever for this target)."
    }

    /// "+20,0 ± 0,3 điểm" — a difference of probabilities in percentage points with its standard error.
    func difference(_ difference: ScenarioComparison.Difference, _ format: NumberFormatting) -> String {
        if difference.value == 0 && difference.standardError == 0 { return vi ? "không đổi" : "no change" }
        let points = format.decimal(difference.value * 100, fractionDigits: 1)
        let sign = difference.value > 0 && points != format.decimal(0, fractionDigits: 1) ? "+" : ""
        let error = format.decimal(difference.standardError * 100, fractionDigits: 1)
        return "\(sign)\(points) ± \(error) " + (vi ? "điểm" : "pts")
    }

    func comparisonNote(reference: String) -> String {
        vi ? "Dưới mỗi xác suất: chênh lệch so với kịch bản «\(reference)», tính bằng điểm phần trăm, ± sai số chuẩn. Các kịch bản dùng chung các số ngẫu nhiên nên chênh lệch có sai số nhỏ."
            : "Under each probability: the difference from the “\(reference)” scenario in percentage points, ± its standard error. Scenarios share random numbers, so differences have small errors."
    }

    /// The key figures listed under a target's chart: what was observed, what is projected, the probability.
    func evidenceSentences(_ target: BriefingTarget, _ format: NumberFormatting) -> [String] {
        var sentences: [String] = []
        if let observed = observedSentence(target, format) { sentences.append(observed) }
        if let end = target.fan.last(where: { $0.year == target.deadline }) ?? target.fan.last {
            sentences.append(projectionSentence(end, target: target, format: format))
        }
        sentences.append(probabilityWithError(target.probability, mcse: target.mcse, format: format) + ".")
        if let stretch = target.stretch, let p = target.stretchProbability {
            sentences.append(stretchProbability(p, stretch, target, format))
        }
        return sentences
    }

    /// The provenance sentence of the method note: Attain's version, the seed and each input file's short digest.
    func provenanceText(version: String?, seed: UInt64, inputs: [InputDigest]) -> String {
        let made = version.map { vi ? "Lập bằng Attain \($0), hạt giống ngẫu nhiên \(seed)." : "Made with Attain \($0), random seed \(seed)." }
            ?? (vi ? "Hạt giống ngẫu nhiên \(seed)." : "Random seed \(seed).")
        guard !inputs.isEmpty else { return made }
        let files = inputs.map { "\(role($0.role)) \($0.file) \($0.sha256)" }.joined(separator: "; ")
        return made + (vi ? " Tệp đầu vào (12 chữ số thập lục phân đầu của mã băm SHA-256): "
                          : " Input files (first 12 hexadecimal digits of their SHA-256): ") + files + "."
    }

    private func role(_ role: InputDigest.Role) -> String {
        switch role {
        case .scenario: return vi ? "kịch bản" : "scenario"
        case .targets: return vi ? "chỉ tiêu" : "targets"
        case .data: return vi ? "số liệu" : "data"
        }
    }

    func methodText(paths: Int, seed: UInt64, format: NumberFormatting) -> String {
        let count = format.integer(paths)
        return vi
            ? "Mỗi chỉ số được mô phỏng \(count) đường tương lai (hạt giống ngẫu nhiên \(seed)) theo mô hình nêu trong bảng dưới, ước lượng trên số liệu thực tế và có tính cả sai số của tham số lẫn biến động ngẫu nhiên từng năm; mọi đường đều nằm trong miền hợp lệ (tỷ lệ trong 0–100%, số đếm không âm). Xác suất đạt là tỷ lệ số đường mô phỏng đạt chỉ tiêu; sai số Monte Carlo là √(p(1−p)/số đường). Với chỉ tiêu hằng năm, xác suất chung là xác suất đạt ở tất cả các năm. Các kịch bản được so sánh trên cùng các số ngẫu nhiên. Nỗ lực cần thiết là mức nhỏ nhất của một đòn bẩy chính sách (tác động từ sau ngày chốt số liệu) cho xác suất đạt mong muốn, tìm bằng chia đôi trên cùng các số ngẫu nhiên."
            : "Each indicator is simulated along \(count) future paths (random seed \(seed)) with the model listed below, fitted to the observed data, drawing both parameter uncertainty and year-to-year noise; every path stays in range (shares within 0–100%, counts non-negative). A target's probability is the share of paths that meet it; its Monte Carlo error is √(p(1−p)/paths). For every-year targets the joint probability is that of meeting the threshold in all years. Scenarios are compared on common random numbers. The effort needed is the smallest value of a policy lever (acting after the cut-off) that gives the desired probability, found by bisection on common random numbers."
    }
}
