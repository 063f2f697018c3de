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
    var columnCaveats: String { vi ? "Lưu ý khi đọc kết quả" : "Read with care" }
    var caveatMark: String {
        vi ? "(‡) Dự báo dựa trên ít năm số liệu hoặc một giả định: đọc kèm lưu ý ở phần chỉ tiêu và phần phương pháp."
            : "(‡) The projection rests on few years of data or on an assumption: read it with the note in its section and in the method."
    }
    var planMark: String {
        vi ? "(†) Phụ thuộc vào kế hoạch tự tổ chức của đơn vị, không phải xu hướng ước lượng từ số liệu."
            : "(†) Rests on the unit's own plan, not on a trend estimated from the data."
    }

    var relativeNote: String {
        vi ? "Chỉ tiêu tăng, giảm so với năm gốc hoặc bình quân giai đoạn: các cột năm là giá trị của chỉ số, cột ước đến hạn là mức tăng (+) hoặc giảm (−) ước tính, cùng đơn vị với chỉ tiêu."
            : "Targets stated as a rise or fall from a base year or as an average over a period: the year columns are the indicator's values; the estimate is the estimated rise (+) or fall (−), in the target's own terms."
    }
    var upperBoundNote: String {
        vi ? "Chỉ tiêu «không quá» (≤) hoặc «dưới» (<): đạt khi giá trị thấp hơn ngưỡng; không tính % so với chỉ tiêu."
            : "Targets of “at most” (≤) or “below” (<): met when the value stays under the threshold; no % of target is given."
    }

    var sectionUnits: String { vi ? "Kết quả theo từng đơn vị" : "Unit by unit" }
    func unitsIntro(_ units: Int, shared: Double?) -> String {
        var text = vi
            ? "Các chỉ tiêu được chạy riêng cho từng đơn vị trong \(units) đơn vị, theo ngưỡng của kế hoạch (hoặc ngưỡng riêng của đơn vị khi có); xếp hạng theo xác suất đạt. Biểu đồ: trung vị dự báo (chấm), khoảng 50% (vạch đậm) và 90% (vạch mảnh), chỉ tiêu (đường đỏ)."
            : "The targets are run for each of the \(units) units, against the plan's thresholds (or a unit's own, when given), ranked by the probability of meeting them. Charts: median projection (dot), 50% band (thick bar) and 90% band (thin bar), the threshold (red line)."
        if let shared, shared > 0 {
            text += vi ? " Dòng Σ là tổng các đơn vị, tính trên cùng các đường mô phỏng; các đơn vị cùng chung xu hướng tiềm ẩn, mỗi đơn vị có dao động riêng."
                       : " The Σ line is the units' total, on the same simulated paths; units share their latent trends, each with its own noise."
        }
        return text
    }
    var columnRank: String { vi ? "Hạng" : "Rank" }
    var columnStatusOnly: String { vi ? "Đánh giá" : "Status" }
    var columnOwnTarget: String { vi ? "Chỉ tiêu" : "Target" }
    var columnUnitName: String { vi ? "Đơn vị" : "Unit" }
    var columnMedian: String { vi ? "Trung vị" : "Median" }
    var columnBand90: String { vi ? "Khoảng 90%" : "90% band" }
    func totalName(_ name: String, units: Int) -> String { vi ? "\(name) (tổng \(units) đơn vị)" : "\(name) (sum of \(units) units)" }
    func noTotal(_ name: String, reason: String) -> String { vi ? "Không tính tổng \(name): \(reason)" : "No total \(name): \(reason)" }
    func skippedUnits(_ units: [String]) -> String {
        vi ? "Không có số liệu: " + units.joined(separator: ", ") : "No data: " + units.joined(separator: ", ")
    }
    func unitsMeetingSentence(_ m: LeagueResult.UnitsMeeting, _ format: NumberFormatting) -> String {
        let p = probability(m.probability, format)
        if vi {
            let who = m.needed == m.units ? "cả \(m.units) đơn vị cùng đạt" : "ít nhất \(m.needed)/\(m.units) đơn vị đạt"
            return "Xác suất \(who): \(p). Số đơn vị đạt: trung vị \(m.median), khoảng 90% \(m.lower90)–\(m.upper90), kỳ vọng \(format.decimal(m.expected, fractionDigits: 1))."
        }
        let who = m.needed == m.units ? "all \(m.units) units meet it" : "at least \(m.needed) of the \(m.units) units meet it"
        return "Probability that \(who): \(p). Units meeting it: median \(m.median), 90% band \(m.lower90)–\(m.upper90), expected \(format.decimal(m.expected, fractionDigits: 1))."
    }

    var columnID: String { vi ? "Mã" : "ID" }
    var columnTarget: String { vi ? "Chỉ tiêu" : "Target" }
    var columnUnit: String { vi ? "Đơn vị tính" : "Unit" }
    var columnEstimate: String { vi ? "Ước đến hạn" : "Estimate at deadline" }
    var columnShareOfTarget: String { vi ? "% so với chỉ tiêu" : "% of target" }
    var columnStatus: String { vi ? "Đánh giá (xác suất đạt)" : "Status (probability)" }
    var columnYear: String { vi ? "Năm" : "Year" }
    var columnMilestone: String { vi ? "Mốc" : "Milestone" }
    var columnValue: String { vi ? "Thực tế / ước" : "Observed / estimate" }
    var milestonesHeading: String { vi ? "Các mốc của chỉ tiêu" : "The target's milestones" }
    var estimatedMark: String { vi ? "(ước)" : "(est.)" }
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

    /// The note under the summary table: what its columns mean, and the marks the targets use (year to date, resting
    /// on a plan, relative targets, upper bounds) when any target does.
    func summaryNote(for targets: [BriefingTarget]) -> String {
        var note = summaryNote
        if targets.contains(where: { $0.history.contains(where: \.partial) }) {
            note += vi ? " (*) Số liệu lũy kế đến ngày chốt số liệu." : " (*) Year to date at the cut-off."
        }
        if targets.contains(where: \.restsOnPlan) { note += " " + planMark }
        if targets.contains(where: { !$0.caveats.isEmpty }) { note += " " + caveatMark }
        if targets.contains(where: { $0.form != .level }) { note += " " + relativeNote }
        if targets.contains(where: { $0.comparison.isUpperBound }) { note += " " + upperBoundNote }
        return note
    }

    var fanTitle: String { vi ? "Số liệu thực tế và dự báo" : "Observed values and projection" }
    var projection: String { vi ? "Dự báo" : "Projection" }
    var legendObserved: String { vi ? "Thực tế" : "Observed" }
    var legendPartial: String { vi ? "Đến ngày chốt số liệu" : "Year to date" }
    var legendMedian: String { vi ? "Trung vị dự báo" : "Median projection" }
    var legendBand50: String { vi ? "Khoảng 50%" : "50% band" }
    var legendBand90: String { vi ? "Khoảng 90%" : "90% band" }
    var legendTarget: String { vi ? "Chỉ tiêu" : "Target" }
    var legendBase: String { vi ? "Năm gốc" : "Base year" }
    func baseLabel(_ year: Int) -> String { vi ? "Gốc \(year)" : "Base \(year)" }
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
        case .level: return abs(v) >= 1000 ? format.decimal(v, fractionDigits: 0) : format.compact(v, maximumFractionDigits: 1)
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

    /// "Chỉ tiêu ≥ 90%", "Target ≥ 9 a year", "Chỉ tiêu ≤ 5%", "Chỉ tiêu ≤ −30% so với 2024", "Target ≥ 18% a year".
    func targetLabel(_ target: BriefingTarget, _ format: NumberFormatting) -> String {
        if target.form != .level { return "\(legendTarget) \(comparator(target)) \(statisticThreshold(target.threshold, target, format))" }
        let amount = thresholdValue(target.threshold, target, format)
        let perYear = target.kind.isEveryYear ? (vi ? "/năm" : " a year") : ""
        return "\(legendTarget) \(comparator(target)) \(amount)\(perYear)"
    }

    // MARK: Growth, change and average forms (targets schema 2)

    /// A signed number with a true minus sign: "+18", "−30".
    private func signed(_ text: String, negative: Bool, zero: Bool) -> String {
        zero ? text : (negative ? "−" : "+") + text
    }

    /// Points of a share or units of a count/level: "3 điểm %" / "3 points", "1.200".
    private func changeAmount(_ magnitude: Double, _ target: BriefingTarget, _ format: NumberFormatting, digits: Int) -> String {
        switch target.scale {
        case .share: return format.compact(magnitude * 100, maximumFractionDigits: digits) + (vi ? " điểm %" : " points")
        case .count, .level: return format.compact(magnitude, maximumFractionDigits: digits)
        }
    }

    /// "/năm", " a year" after an average's amount.
    private func perYear(_ target: BriefingTarget) -> String { target.form.isAverage ? (vi ? "/năm" : " a year") : "" }

    /// A statistic's threshold as the plan writes it, signed, with its unit and base: "−30% so với 2024",
    /// "+10 điểm % so với 2020", "18%/năm", "3 points a year".
    func statisticThreshold(_ v: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        statisticText(v, target, format, digits: 1, signedAverages: false) + baseSuffix(target)
    }

    /// A statistic's value (an estimate): "−12,4%", "+2,1 điểm %/năm", "10,2%/năm".
    func statisticValue(_ v: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        statisticText(v, target, format, digits: 1, signedAverages: true, exact: true)
    }

    private func statisticText(_ v: Double, _ target: BriefingTarget, _ format: NumberFormatting, digits: Int,
                               signedAverages: Bool, exact: Bool = false) -> String {
        guard v.isFinite else { return "–" }
        let amount: String
        if target.form.isGrowth {
            amount = exact ? format.decimal(abs(v) * 100, fractionDigits: digits) + "%"
                           : format.compact(abs(v) * 100, maximumFractionDigits: digits) + "%"
        } else if exact {
            let scaled = target.scale == .share ? abs(v) * 100 : abs(v)
            let digitsHere = target.scale == .share ? digits : (target.scale == .count ? 0 : digits)
            amount = format.decimal(scaled, fractionDigits: digitsHere) + (target.scale == .share ? (vi ? " điểm %" : " points") : "")
        } else {
            amount = changeAmount(abs(v), target, format, digits: digits)
        }
        let zero = amount.allSatisfy { !"123456789".contains($0) }
        // An average written as the plan writes it ("18%/năm") keeps no sign when it is a rise.
        let text = (target.form.isAverage && !signedAverages && v >= 0) ? amount : signed(amount, negative: v < 0, zero: zero)
        return text + perYear(target)
    }

    private func baseSuffix(_ target: BriefingTarget) -> String {
        switch target.form {
        case .growthFromBase(let base), .changeFromBase(let base): return vi ? " so với \(base)" : " vs \(base)"
        default: return ""
        }
    }

    /// The comparison in words: "ít nhất", "trên", "không quá", "dưới" / "at least", "more than", "at most", "less than".
    func comparisonWords(_ comparison: Comparison) -> String {
        switch comparison.symbol {
        case "≥": return vi ? "ít nhất" : "at least"
        case ">": return vi ? "trên" : "more than"
        case "≤": return vi ? "không quá" : "at most"
        default: return vi ? "dưới" : "less than"
        }
    }

    /// The target in a sentence, as a plan states it, with the value it implies on the indicator's scale:
    /// "Chỉ tiêu: đến năm 2030 giảm ít nhất 30% so với năm 2024 (22.710), tức không quá 15.897."
    /// For a level with an upper bound: "Chỉ tiêu: không quá 5% vào năm 2030." Nil for the forms of targets schema 1
    /// with a lower bound (their label says it all).
    func thresholdSentence(_ target: BriefingTarget, _ format: NumberFormatting) -> String? {
        let lead = vi ? "Chỉ tiêu: " : "Target: "
        guard let base = target.form.baseYear else {
            guard target.comparison.isUpperBound, !target.kind.isEveryYear else { return nil }
            let amount = thresholdValue(target.threshold, target, format)
            return lead + (vi ? "\(comparisonWords(target.comparison)) \(amount) vào năm \(target.deadline)."
                              : "\(comparisonWords(target.comparison)) \(amount) in \(target.deadline).")
        }
        // Rise or fall, and how the bound reads on the size of the move (≤ −30%: a fall of at least 30%).
        let fall = target.threshold < 0
        let upper = target.comparison.isUpperBound
        let strict = target.comparison.symbol == ">" || target.comparison.symbol == "<"
        let sizeWords: String
        switch (fall == upper, strict) {
        case (true, false): sizeWords = vi ? "ít nhất" : "at least"
        case (true, true): sizeWords = vi ? "hơn" : "more than"
        case (false, false): sizeWords = vi ? "không quá" : "at most"
        case (false, true): sizeWords = vi ? "chưa tới" : "less than"
        }
        let verb = fall ? (vi ? "giảm" : "fall by") : (vi ? "tăng" : "rise by")
        let magnitude: String
        if target.form.isGrowth {
            magnitude = format.compact(abs(target.threshold) * 100, maximumFractionDigits: 1) + "%"
        } else {
            magnitude = changeAmount(abs(target.threshold), target, format, digits: 2)
        }
        let baseText = target.baseValue.map { value($0, target, format) + (target.baseObserved ? "" : (vi ? ", ước" : ", estimated")) }
        let implied = target.thresholdPath?.last.map { "\(comparisonWords(target.comparison)) \(value($0.value, target, format))" }
        var sentence = lead
        switch target.form {
        case .averageGrowth, .averageChange:
            let window = "\(base + 1)–\(target.deadline)"
            sentence += vi ? "\(verb) bình quân \(sizeWords) \(magnitude)/năm giai đoạn \(window)"
                           : "\(verb) \(sizeWords) \(magnitude) a year on average over \(window)"
            if let baseText { sentence += vi ? " (từ \(baseText) năm \(base))" : " (from \(baseText) in \(base))" }
        default:
            sentence += vi ? "đến năm \(target.deadline) \(verb) \(sizeWords) \(magnitude) so với năm \(base)"
                           : "by \(target.deadline), \(verb) \(sizeWords) \(magnitude) from \(base)"
            if let baseText { sentence += " (\(baseText))" }
        }
        if let implied { sentence += vi ? ", tức \(implied) năm \(target.deadline)" : ", that is \(implied) in \(target.deadline)" }
        return sentence + "."
    }

    /// The statistic's projection: "Ước đến năm 2030: −12,4% so với năm 2024 (khoảng 90%: −25,1% đến +3,0%)."
    func statisticSentence(_ target: BriefingTarget, _ format: NumberFormatting) -> String? {
        guard let base = target.form.baseYear, let estimate = target.estimate else { return nil }
        let median = statisticValue(estimate, target, format)
        let band = target.estimateInterval.map {
            vi ? " (khoảng 90%: \(statisticValue($0.lowerBound, target, format)) đến \(statisticValue($0.upperBound, target, format)))"
               : " (90% band \(statisticValue($0.lowerBound, target, format)) to \(statisticValue($0.upperBound, target, format)))"
        } ?? ""
        switch target.form {
        case .averageGrowth, .averageChange:
            let window = "\(base + 1)–\(target.deadline)"
            return vi ? "Ước bình quân giai đoạn \(window): \(median)\(band)." : "Estimated average over \(window): \(median)\(band)."
        default:
            return vi ? "Ước đến năm \(target.deadline): \(median) so với năm \(base)\(band)."
                      : "Estimate for \(target.deadline): \(median) from \(base)\(band)."
        }
    }

    func stretchLabel(_ stretch: Double, _ target: BriefingTarget, _ format: NumberFormatting) -> String {
        (vi ? "Phấn đấu " : "Stretch ")
            + (target.form == .level ? thresholdValue(stretch, target, format) : statisticThreshold(stretch, target, format))
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
        let amount = target.form == .level ? value(stretch, target, format) : statisticThreshold(stretch, target, format)
        return vi ? "Xác suất đạt mức phấn đấu \(amount): \(probability(p, format))."
            : "Probability of reaching the stretch value \(amount): \(probability(p, format))."
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
        if let stated = thresholdSentence(target, format) { sentences.append(stated) }
        if let statistic = statisticSentence(target, format) { sentences.append(statistic) }
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
