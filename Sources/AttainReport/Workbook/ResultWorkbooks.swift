import AttainData
import AttainSimulation
import AttainTargets

/// Workbooks of Attain's results, ready to paste into a report: typed numbers (probabilities as percentages, counts
/// with thousands separated), status words and headers in Vietnamese or English, the cut-off date above each table,
/// and the illustrative-data warning when it applies.
///
/// ```swift
/// let book = Workbook.run(result, language: .vi, illustrative: false)
/// try XLSXWriter.write(book, to: "ket-qua.xlsx")
/// ```
extension Workbook {
    /// `attain run`: a results sheet (one row per target: rule, median and 90% band, probability, its Monte Carlo error,
    /// status and the per-year probabilities) and an information sheet (scenario, paths, seed, cut-off, horizon, input
    /// files, assumptions, warnings).
    public static func run(_ result: RunResult, language: ReportLanguage, illustrative: Bool) -> Workbook {
        let words = WorkbookWords(language: language)
        let shares = Set(result.indicators.filter { $0.kind == "share" }.map(\.name))
        var sheet = WorkbookSheet(name: words.resultsSheet)
        sheet.append([.text(result.title?.text(language) ?? words.scenarioLine(result.scenario), style: .title)])
        sheet.append([.text(words.cutoffLine(result.cutoff) + " · " + words.pathsLine(paths: result.paths, seed: result.seed)
            + " · " + words.horizonLine(result.horizon), style: .caption)])
        if illustrative { sheet.append([.text(words.illustrativeLine, style: .warning)]) }
        sheet.appendBlankRow()
        let years = orderedPeriods(result.targets.filter { !$0.kind.judgesDeadlineOnly }.flatMap { $0.years.map(\.period) })
        sheet.appendHeader([words.id, words.target, words.indicator, words.form, words.comparison, words.threshold, words.stretch,
                            words.fromYear, words.toYear, words.median, words.lower90, words.upper90, words.probability, words.mcse,
                            words.status, words.settled] + years.map(words.yearProbability))
        for t in result.targets {
            let share = shares.contains(t.indicator)
            var row: [WorkbookCell] = [
                .text(t.milestoneOf.map { "\($0) (\(t.to))" } ?? t.id), .text(t.wording.text(language), style: .wrapped),
                .text(t.indicator), .text(t.kind.rawValue), .text(t.comparison.symbol),
                valueCell(t.threshold, kind: t.kind, share: share), t.stretch.map { valueCell($0, kind: t.kind, share: share) } ?? .empty,
                .integer(t.from), .integer(t.to),
                valueCell(t.median, kind: t.kind, share: share), valueCell(t.lower90, kind: t.kind, share: share),
                valueCell(t.upper90, kind: t.kind, share: share),
                .number(t.probability, format: .percent(1)), .number(t.mcse, format: .percent(1)),
                .text(BriefingTarget.statusWord(t.status, missed: t.settled == "missed", language: language), style: .indented),
                t.settled.map { .text(words.settledWord($0)) } ?? .empty,
            ]
            for year in years {
                let p = t.kind.judgesDeadlineOnly ? nil : t.years.first { $0.period == year }?.probability
                row.append(.number(p, format: .percent(1)))
            }
            sheet.append(row)
        }
        sheet.columnWidths = [nil, 44]
        sheet.spanLoneText(columns: sheet.rows[sheet.frozenRows - 1].count)
        let about = words.aboutSheet(file: result.file, version: result.version, inputs: result.inputs ?? [])
        var lines: [[WorkbookCell]] = [
            [.text(words.scenarioLabel), .text(result.title?.text(language) ?? result.scenario)],
        ]
        if let plan = result.plan { lines.append([.text(words.planLabel), .text(plan.text(language))]) }
        lines += [
            [.text(words.cutoffLabel), .text(NumberFormatting(language: language).date(result.cutoff, style: .long))],
            [.text(words.firstYearLabel), .integer(result.firstYear)],
            [.text(words.horizonLabel), .integer(result.horizon)],
            [.text(words.pathsLabel), .number(Double(result.paths), format: .thousands(digits: 0))],
            [.text(words.seedLabel), .text(String(result.seed))],
        ]
        return Workbook(sheets: [sheet, words.infoSheet(lines: lines, illustrative: illustrative, about: about,
                                                         assumptions: result.assumptions.map { $0.text(language) }
                                                             + result.interventions.compactMap { $0.description?.text(language) },
                                                         warnings: result.warnings)],
                        title: result.title?.text(language) ?? result.scenario)
    }

    /// `attain compare`: one sheet with the scenarios side by side (probability and status under each, then each
    /// scenario's difference from the first with its paired and independent standard errors), and an information sheet.
    public static func comparison(_ result: ComparisonResult, language: ReportLanguage, illustrative: Bool,
                                  cutoff: CutoffDate? = nil) -> Workbook {
        let words = WorkbookWords(language: language)
        let names = result.scenarios.map(\.name)
        var sheet = WorkbookSheet(name: words.comparisonSheet)
        sheet.append([.text(words.comparisonCaption(names: names), style: .title)])
        var caption = words.pathsLine(paths: result.paths, seed: result.seed) + " · " + words.commonPaths
        if let cutoff { caption = words.cutoffLine(cutoff) + " · " + caption }
        sheet.append([.text(caption, style: .caption)])
        if illustrative { sheet.append([.text(words.illustrativeLine, style: .warning)]) }
        sheet.appendBlankRow()
        var headers = [words.id, words.target]
        headers += names.map { "\(words.probability): \($0)" }
        headers += names.map { "\(words.status): \($0)" }
        for name in names.dropFirst() {
            headers += ["\(name) − \(names[0])", "\(words.standardError) (\(name))", "\(words.independentSE) (\(name))"]
        }
        sheet.appendHeader(headers)
        for t in result.targets {
            var row: [WorkbookCell] = [.text(t.milestoneOf.map { "\($0) (\(t.id.split(separator: "@").last ?? ""))" } ?? t.id),
                                       .text(t.wording.text(language), style: .wrapped)]
            row += t.results.map { .number($0.probability, format: .percent(1)) }
            row += t.results.map { .text(BriefingTarget.statusWord($0.status, missed: false, language: language), style: .indented) }
            for d in t.differences {
                row += [.number(d.difference, format: .signedPercent(1)), .number(d.se, format: .percent(2)),
                        .number(d.independentSE, format: .percent(2))]
            }
            sheet.append(row)
        }
        sheet.columnWidths = [nil, 44]
        sheet.spanLoneText(columns: headers.count)
        var lines: [[WorkbookCell]] = []
        for s in result.scenarios {
            lines.append([.text(words.scenarioLabel), .text(s.name), .text(s.title?.text(language) ?? ""), .text(s.file)])
        }
        if let cutoff { lines.append([.text(words.cutoffLabel), .text(NumberFormatting(language: language).date(cutoff, style: .long))]) }
        lines += [
            [.text(words.pathsLabel), .number(Double(result.paths), format: .thousands(digits: 0))],
            [.text(words.seedLabel), .text(String(result.seed))],
        ]
        let about = words.aboutSheet(file: nil, version: result.version, inputs: result.inputs ?? [])
        return Workbook(sheets: [sheet, words.infoSheet(lines: lines, illustrative: illustrative, about: about, assumptions: [], warnings: [])],
                        title: words.comparisonCaption(names: names))
    }

    /// `attain run --by unit`: one long sheet with a row per target and unit (the columns of the league CSV: rank, unit,
    /// the unit's own threshold with `--thresholds`, seed, probability, error, status, quantiles, shortfall and its share;
    /// skipped units with the reason; the total's `Σ` row with `--total`; with `--units-meeting`, a `≥` row whose
    /// quantiles are those of the number of units meeting the target) and an information sheet.
    public static func league(_ result: LeagueResult, language: ReportLanguage, illustrative: Bool) -> Workbook {
        let words = WorkbookWords(language: language)
        var sheet = WorkbookSheet(name: words.leagueSheet)
        sheet.append([.text(words.leagueCaption(scenario: result.scenario, units: result.units.count), style: .title)])
        sheet.append([.text(words.cutoffLine(result.cutoff) + " · " + words.pathsLine(paths: result.paths, seed: result.seed)
            + " · " + words.horizonLine(result.horizon), style: .caption)])
        if illustrative { sheet.append([.text(words.illustrativeLine, style: .warning)]) }
        sheet.appendBlankRow()
        // With per-unit thresholds, each row's own bar after the unit (the plan's where the table sets none).
        let own = result.thresholdsFile != nil
        sheet.appendHeader([words.id, words.indicator, words.rank, words.unit] + (own ? [words.threshold] : [])
                           + [words.seed, words.probability, words.mcse, words.status,
                              "5%", "25%", words.median, "75%", "95%", words.shortfall, words.shortfallShare, words.skipped])
        let seeds = Dictionary(result.units.map { ($0.unit, $0.seed) }, uniquingKeysWith: { a, _ in a })
        for t in result.targets {
            let value = { (v: Double) in valueCell(v, kind: t.kind, share: t.isShare) }
            func line(_ rank: WorkbookCell, _ unit: String, _ bar: Double?, seed: String, _ r: LeagueResult.Row) -> [WorkbookCell] {
                [.text(t.id), .text(t.indicator), rank, .text(unit)] + (own ? [value(bar ?? t.threshold)] : []) + [.text(seed),
                 .number(r.probability, format: .percent(1)), .number(r.mcse, format: .percent(1)),
                 .text(BriefingTarget.statusWord(r.status, missed: r.settled == "missed", language: language), style: .indented),
                 value(r.lower90), value(r.lower50), value(r.median), value(r.upper50), value(r.upper90),
                 shortfallCell(r.shortfall, t), .number(r.shortfallShare, format: .percent(1)), .empty]
            }
            for r in t.rows {
                sheet.append(line(.integer(r.rank), r.unit, r.threshold, seed: seeds[r.unit].map { String($0) } ?? "", r))
            }
            for s in t.skipped {
                sheet.append([.text(t.id), .text(t.indicator), .empty, .text(s.unit)] + (own ? [.empty] : [])
                             + [.text(seeds[s.unit].map { String($0) } ?? ""),
                                .empty, .empty, .text(words.skippedWord, style: .indented), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .text(s.reason)])
            }
            if let total = t.total {
                let name = words.totalName(total.name, units: total.units.count)
                if let r = total.row {
                    sheet.append(line(.text("Σ"), name, r.threshold, seed: String(result.seed), r))
                } else {
                    sheet.append([.text(t.id), .text(t.indicator), .text("Σ"), .text(name)] + (own ? [.empty] : [])
                                 + [.empty, .empty, .empty, .text(words.skippedWord, style: .indented), .empty, .empty, .empty, .empty, .empty,
                                    .empty, .empty, .text(total.reason ?? "")])
                }
            }
            if let m = t.unitsMeeting {
                sheet.append([.text(t.id), .text(t.indicator), .text("≥"), .text(words.unitsMeeting(needed: m.needed, of: m.units))]
                             + (own ? [.empty] : []) + [.empty, .number(m.probability, format: .percent(1)), .number(m.mcse, format: .percent(1)),
                                .empty, .integer(m.lower90), .empty, .integer(m.median), .empty, .integer(m.upper90), .empty, .empty, .empty])
            }
        }
        sheet.spanLoneText(columns: sheet.rows[sheet.frozenRows - 1].count)
        var lines: [[WorkbookCell]] = [
            [.text(words.scenarioLabel), .text(result.scenario)],
            [.text(words.cutoffLabel), .text(NumberFormatting(language: language).date(result.cutoff, style: .long))],
            [.text(words.horizonLabel), .integer(result.horizon)],
            [.text(words.pathsLabel), .number(Double(result.paths), format: .thousands(digits: 0))],
            [.text(words.seedLabel), .text(String(result.seed))],
            [.text(words.seedRuleLabel), .text(result.seedRule)],
        ]
        for t in result.targets {
            let years = t.from == t.to ? "\(t.to)" : "\(t.from)–\(t.to)"
            lines.append([.text(t.id), .text(t.wording.text(language)), .text("\(t.indicator) \(t.symbol) \(years) (\(t.kind.rawValue))")])
        }
        let about = words.aboutSheet(file: result.file, version: result.version, inputs: result.inputs ?? [])
        return Workbook(sheets: [sheet, words.infoSheet(lines: lines, illustrative: illustrative, about: about, assumptions: [],
                                                         warnings: result.warnings)],
                        title: words.leagueCaption(scenario: result.scenario, units: result.units.count))
    }

    /// `attain brief`: the summary table of the review (sơ kết) as the briefing shows it (target, unit, recent years,
    /// estimate at the deadline, % of target, status and probability), the comparison of scenarios when there are
    /// several, and the method and provenance; in the briefing's words.
    public static func briefing(_ input: BriefingInput, language: ReportLanguage) -> Workbook {
        let words = BriefingWords(language: language)
        let labels = WorkbookWords(language: language)
        let format = NumberFormatting(language: language)
        let title = input.title.text(language).isEmpty ? words.defaultTitle : input.title.text(language)
        var sheet = WorkbookSheet(name: labels.summarySheet)
        sheet.append([.text(title, style: .title)])
        if let plan = input.plan { sheet.append([.text(plan.text(language), style: .caption)]) }
        sheet.append([.text(words.cutoffLine(input.cutoff) + " · " + words.scenarioLabel + ": " + input.scenario.text(language), style: .caption)])
        if input.illustrative {
            var warning = words.illustrativeHeading + ": " + words.illustrativeText
            if let note = input.dataNote { warning += " " + note.text(language) }
            sheet.append([.text(warning, style: .warning)])
        }
        sheet.appendBlankRow()
        let years = input.summaryYears
        sheet.appendHeader([words.columnID, words.columnTarget, words.columnUnit] + years.map(String.init)
            + [words.columnEstimate, labels.deadline, words.columnShareOfTarget, labels.status, words.columnProbability])
        var currentGroup: String?
        for group in BriefingHTMLRenderer.rowGroups(input.targets) {
            for target in group {
                if let name = target.group?.text(language), name != currentGroup {
                    sheet.append([.text(name, style: .title)])
                    currentGroup = name
                }
                // Milestones of one target share their wording, unit and observed years: shown on the first row only.
                let first = group.first == target
                var wording = target.wording.vi ?? target.wording.en ?? ""
                if language == .en, let english = target.wording.en, english != wording { wording = english + " (" + wording + ")" }
                var row: [WorkbookCell] = [.text(target.markedLabel)]
                row += first ? [.text(wording, style: .wrapped), .text(target.unit.text(language), style: .wrapped)] : [.empty, .empty]
                for year in years {
                    let point = first ? (group.last ?? target).history.first { $0.year == year } : nil
                    row.append(point.map { summaryValue($0.value, target, partial: $0.partial) } ?? .empty)
                }
                if let estimate = target.estimate {
                    row.append(target.form == .level ? summaryValue(estimate, target, partial: false)
                                                     : statisticCell(estimate, target, words: words, format: format))
                } else {
                    row.append(.empty)
                }
                row.append(.integer(target.deadline))
                row.append(.number(target.shareOfTarget, format: .percent(1)))
                row.append(.text(target.statusWord(language), style: .indented))
                // Whole percentages as the briefing writes them, one decimal near 0 and 1 so that nothing reads 0% or 100%
                // unless it is.
                let p = target.probability
                row.append(.number(p, format: .percent((p > 0 && p < 0.005) || (p < 1 && p > 0.995) ? 1 : 0)))
                sheet.append(row)
            }
        }
        sheet.appendBlankRow()
        let note = words.summaryNote(for: input.targets)
        sheet.append([.text(note, style: .note)])
        sheet.columnWidths = [nil, 48, 12]
        sheet.spanLoneText(columns: sheet.rows[sheet.frozenRows - 1].count)
        var sheets = [sheet]

        if let comparison = input.comparison, comparison.scenarios.count > 1 {
            let names = comparison.scenarios.map { $0.text(language) }
            var table = WorkbookSheet(name: labels.comparisonSheet)
            table.append([.text(words.sectionComparison, style: .title)])
            table.append([.text(words.cutoffLine(input.cutoff), style: .caption)])
            table.appendBlankRow()
            table.appendHeader([words.columnID, words.columnTarget] + names.map { "\(words.columnProbability): \($0)" }
                + names.dropFirst().map { "\($0) − \(names[0])" } + names.dropFirst().map { "± (\($0))" })
            for row in comparison.rows {
                let target = input.targets.first { $0.id == row.targetID }
                var cells: [WorkbookCell] = [.text(target?.label ?? row.targetID), .text(target?.wording.text(language) ?? "", style: .wrapped)]
                cells += row.probabilities.map { .number($0, format: .percent(0)) }
                cells += row.differences.map { .number($0.value, format: .signedPercent(1)) }
                cells += row.differences.map { .number($0.standardError, format: .percent(1)) }
                table.append(cells)
            }
            table.appendBlankRow()
            table.append([.text(words.comparisonNote(reference: names.first ?? ""), style: .note)])
            table.columnWidths = [nil, 48]
            table.spanLoneText(columns: table.rows[table.frozenRows - 1].count)
            sheets.append(table)
        }

        var method = WorkbookSheet(name: labels.infoSheetName)
        method.append([.text(words.sectionMethod, style: .title)])
        if input.illustrative {
            var warning = words.illustrativeHeading + ": " + words.illustrativeText
            if let note = input.dataNote { warning += " " + note.text(language) }
            method.append([.text(warning, style: .warning)])
        }
        method.appendBlankRow()
        method.append([.text(words.cutoffLine(input.cutoff), style: .wrapped)])
        method.append([.text(words.scenarioLabel + ": " + input.scenario.text(language), style: .wrapped)])
        if !input.assumptions.isEmpty {
            method.appendBlankRow()
            method.append([.text(words.assumptionsHeading, style: .title)])
            for assumption in input.assumptions { method.append([.text("• " + assumption.text(language), style: .wrapped)]) }
        }
        method.appendBlankRow()
        method.append([.text(words.methodHeading, style: .title)])
        method.append([.text(words.methodText(paths: input.paths, seed: input.seed, format: format), style: .wrapped)])
        method.append([.text(words.provenanceText(version: input.version, seed: input.seed, inputs: input.inputs), style: .wrapped)])
        let (headers, rows) = input.indicatorTable(language, words: words)
        if !input.indicators.isEmpty {
            method.appendBlankRow()
            method.append(headers.map { .text($0, style: .header) })
            for row in rows { method.append(row.map { .text($0, style: .wrapped) }) }
        }
        if let note = input.dataNote, !input.illustrative { method.append([.text(note.text(language), style: .wrapped)]) }
        method.columnWidths = Array([90, 60, 60].prefix(headers.count))
        method.spanLoneText(columns: headers.count)
        sheets.append(method)
        return Workbook(sheets: sheets, title: title)
    }

    // MARK: Cells on a target's scale

    /// A value on its target's scale: shares and growth as percentages, changes in a share in points (`pp`), counts
    /// and levels with thousands separated (one decimal unless whole).
    static func valueCell(_ v: Double, kind: TargetKind, share: Bool) -> WorkbookCell {
        switch kind {
        case .growthFromBase, .averageGrowth: return .number(v, format: .percent(1))
        case .changeFromBase, .averageChange:
            return share ? .number(100 * v, format: .suffixed(digits: 1, suffix: " pp")) : plainValue(v)
        default: return share ? .number(v, format: .percent(1)) : plainValue(v)
        }
    }

    /// A league's expected shortfall as `attain run --by unit` prints it: growth in percent, shares in points, counts
    /// and levels with two decimals.
    static func shortfallCell(_ v: Double, _ t: LeagueResult.TargetLeague) -> WorkbookCell {
        switch t.kind {
        case .growthFromBase, .averageGrowth: return .number(v, format: .percent(2))
        default: return t.isShare ? .number(100 * v, format: .suffixed(digits: 2, suffix: " pp")) : .number(v, format: .thousands(digits: 2))
        }
    }

    private static func plainValue(_ v: Double) -> WorkbookCell {
        .number(v, format: .thousands(digits: v == v.rounded() ? 0 : 1))
    }

    /// A value of the summary table as the briefing writes it: shares in percent points without the sign (the unit
    /// column says %), counts whole, levels with one decimal below 1,000; year-to-date values marked `*`.
    static func summaryValue(_ v: Double, _ target: BriefingTarget, partial: Bool) -> WorkbookCell {
        let (value, digits): (Double, Int)
        switch target.scale {
        case .share: (value, digits) = (v * 100, 1)
        case .count: (value, digits) = (v, 0)
        case .level: (value, digits) = (v, abs(v) >= 1000 || v == v.rounded() ? 0 : 1)
        }
        return .number(value, format: partial ? .suffixed(digits: digits, suffix: "*") : .thousands(digits: digits))
    }

    /// A growth or change estimate: growth as a signed percentage, other statistics in the briefing's words.
    static func statisticCell(_ v: Double, _ target: BriefingTarget, words: BriefingWords, format: NumberFormatting) -> WorkbookCell {
        if target.form.isGrowth && !target.form.isAverage { return .number(v, format: .signedPercent(1)) }
        return .text(words.statisticValue(v, target, format))
    }

    /// Periods in calendar order (years as numbers, then anything else as text), each once.
    static func orderedPeriods(_ periods: [String]) -> [String] {
        Array(Set(periods)).sorted { a, b in
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
    }
}

/// The fixed wording of result workbooks in one language.
struct WorkbookWords {
    let language: ReportLanguage
    private var vi: Bool { language == .vi }
    private var briefing: BriefingWords { BriefingWords(language: language) }

    var resultsSheet: String { vi ? "Kết quả" : "Results" }
    var comparisonSheet: String { vi ? "So sánh" : "Comparison" }
    var leagueSheet: String { vi ? "Theo đơn vị" : "By unit" }
    var summarySheet: String { vi ? "Sơ kết" : "Summary" }
    var infoSheetName: String { vi ? "Thông tin" : "About" }

    var id: String { briefing.columnID }
    var target: String { briefing.columnTarget }
    var indicator: String { briefing.columnIndicator }
    var form: String { vi ? "Cách đánh giá" : "Form" }
    var comparison: String { vi ? "So sánh" : "Comparison" }
    var threshold: String { vi ? "Ngưỡng" : "Threshold" }
    var stretch: String { vi ? "Mức phấn đấu" : "Stretch" }
    var fromYear: String { vi ? "Từ năm" : "From" }
    var toYear: String { vi ? "Đến năm" : "To" }
    var median: String { vi ? "Trung vị dự báo" : "Median" }
    var lower90: String { vi ? "Cận dưới 90% (5%)" : "90% band low (5%)" }
    var upper90: String { vi ? "Cận trên 90% (95%)" : "90% band high (95%)" }
    var probability: String { briefing.columnProbability }
    var mcse: String { vi ? "Sai số Monte Carlo" : "± Monte Carlo error" }
    var status: String { vi ? "Đánh giá" : "Status" }
    var settled: String { vi ? "Đã rõ theo số liệu" : "Settled by the data" }
    func settledWord(_ settled: String) -> String {
        switch settled {
        case "met": return vi ? "đã đạt" : "met"
        case "missed": return vi ? "đã không đạt" : "missed"
        default: return settled
        }
    }
    func yearProbability(_ year: String) -> String { vi ? "Xác suất năm \(year)" : "P(\(year))" }
    var standardError: String { vi ? "Sai số chuẩn" : "se" }
    var independentSE: String { vi ? "Sai số nếu chạy độc lập" : "indep. se" }
    var rank: String { vi ? "Hạng" : "Rank" }
    var unit: String { vi ? "Đơn vị" : "Unit" }
    var seed: String { vi ? "Hạt giống" : "Seed" }
    var shortfall: String { vi ? "Thiếu hụt kỳ vọng" : "Expected shortfall" }
    var shortfallShare: String { vi ? "Tỷ trọng thiếu hụt" : "Share of gap" }
    var skipped: String { vi ? "Lý do bỏ qua" : "Skipped because" }
    var skippedWord: String { vi ? "bỏ qua" : "skipped" }
    var deadline: String { vi ? "Năm đến hạn" : "Deadline" }
    func totalName(_ name: String, units: Int) -> String { vi ? "\(name) (tổng \(units) đơn vị)" : "\(name) (sum of \(units) unit\(units == 1 ? "" : "s"))" }
    func unitsMeeting(needed: Int, of units: Int) -> String {
        needed == units ? (vi ? "cả \(units) đơn vị cùng đạt" : "all \(units) units meet it")
                        : (vi ? "ít nhất \(needed)/\(units) đơn vị đạt" : "at least \(needed) of \(units) units meet it")
    }

    var scenarioLabel: String { briefing.scenarioLabel }
    var planLabel: String { vi ? "Kế hoạch" : "Plan" }
    var cutoffLabel: String { vi ? "Số liệu tính đến" : "Data as of" }
    var firstYearLabel: String { vi ? "Năm đầu mô phỏng" : "First simulated year" }
    var horizonLabel: String { vi ? "Năm cuối dự báo" : "Horizon" }
    var pathsLabel: String { vi ? "Số đường mô phỏng" : "Simulated paths" }
    var seedLabel: String { vi ? "Hạt giống ngẫu nhiên" : "Random seed" }
    var seedRuleLabel: String { vi ? "Hạt giống từng đơn vị" : "Each unit's seed" }
    var fileLabel: String { vi ? "Tệp kịch bản" : "Scenario file" }
    var versionLabel: String { vi ? "Phiên bản Attain" : "Attain version" }
    var inputsLabel: String { vi ? "Tệp đầu vào (SHA-256, 12 chữ số đầu)" : "Input files (SHA-256, first 12 digits)" }
    var assumptionsLabel: String { briefing.assumptionsHeading }
    var warningsLabel: String { vi ? "Lưu ý khi chạy" : "Warnings" }
    var commonPaths: String { vi ? "các kịch bản dùng chung các số ngẫu nhiên" : "scenarios share their random numbers" }

    func cutoffLine(_ date: CutoffDate) -> String { briefing.cutoffLine(date) }
    func scenarioLine(_ name: String) -> String { "\(scenarioLabel): \(name)" }
    func pathsLine(paths: Int, seed: UInt64) -> String {
        let count = NumberFormatting(language: language).integer(paths)
        return vi ? "\(count) đường mô phỏng, hạt giống \(seed)" : "\(count) simulated paths, seed \(seed)"
    }
    func horizonLine(_ horizon: Int) -> String { vi ? "dự báo đến năm \(horizon)" : "horizon \(horizon)" }
    func comparisonCaption(names: [String]) -> String {
        (vi ? "So sánh các kịch bản: " : "Scenarios compared: ") + names.joined(separator: ", ")
    }
    func leagueCaption(scenario: String, units: Int) -> String {
        vi ? "Kịch bản \(scenario) theo từng đơn vị (\(units) đơn vị)" : "Scenario \(scenario) by unit (\(units) unit\(units == 1 ? "" : "s"))"
    }
    var illustrativeLine: String { briefing.illustrativeHeading.uppercased() + ": " + briefing.illustrativeText }

    func role(_ role: InputDigest.Role) -> String {
        switch role {
        case .scenario: return vi ? "kịch bản" : "scenario"
        case .targets: return vi ? "chỉ tiêu" : "targets"
        case .data: return vi ? "số liệu" : "data"
        }
    }

    /// The provenance rows of an information sheet: scenario file, version and input files.
    func aboutSheet(file: String?, version: String?, inputs: [InputDigest]) -> [[WorkbookCell]] {
        var rows: [[WorkbookCell]] = []
        if let file { rows.append([.text(fileLabel), .text(file)]) }
        if let version { rows.append([.text(versionLabel), .text(version)]) }
        if !inputs.isEmpty {
            rows.append([.text(inputsLabel)])
            for input in inputs { rows.append([.text(role(input.role)), .text(input.file), .text(input.sha256)]) }
        }
        return rows
    }

    /// An information sheet: the warning when the data are illustrative, the run's settings, provenance, assumptions
    /// and warnings, as label and value rows.
    func infoSheet(lines: [[WorkbookCell]], illustrative: Bool, about: [[WorkbookCell]], assumptions: [String], warnings: [String]) -> WorkbookSheet {
        var sheet = WorkbookSheet(name: infoSheetName)
        if illustrative {
            sheet.append([.text(illustrativeLine, style: .warning)])
            sheet.appendBlankRow()
        }
        sheet.rows += lines
        sheet.rows += about
        if !assumptions.isEmpty {
            sheet.appendBlankRow()
            sheet.append([.text(assumptionsLabel, style: .title)])
            for assumption in assumptions { sheet.append([.text("• " + assumption, style: .caption)]) }
        }
        if !warnings.isEmpty {
            sheet.appendBlankRow()
            sheet.append([.text(warningsLabel, style: .title)])
            for warning in warnings { sheet.append([.text(warning, style: .caption)]) }
        }
        sheet.columnWidths = [28, 50]
        sheet.spanLoneText(columns: 3)
        return sheet
    }
}

extension WorkbookSheet {
    /// Makes each row that holds a single running-on cell (a caption, a warning, a note, a group title) span the first
    /// `columns` columns, its text wrapped within them, so that it stays as wide as the table and prints on its page.
    mutating func spanLoneText(columns: Int) {
        for (index, row) in rows.enumerated() where row.count == 1 && row[0].style.overflows {
            rows[index][0].style.wrap = true
            if columns > 1 { merges.append(RowSpan(row: index, firstColumn: 0, lastColumn: columns - 1)) }
        }
    }
}
