import AttainSimulation
import AttainTargets

/// Lays out a ``BriefingInput`` as one self-contained HTML page: inline CSS and SVG, no scripts, no network resources.
///
/// Sections follow a Vietnamese mid-term review (sơ kết): a summary table (target | unit | years | estimate |
/// % of target | status with probability), each target with its fan chart, the scenario comparison, the effort
/// needed for targets at risk, then assumptions and method. Every target's original Vietnamese wording is shown in
/// both languages. Cost: O(targets × years).
public struct BriefingHTMLRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The complete HTML document.
    public func render(_ input: BriefingInput) -> String {
        let words = BriefingWords(language: language)
        let title = input.title.text(language).isEmpty ? words.defaultTitle : input.title.text(language)
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(BriefingStyle.css)
        </style>
        </head>
        <body>
        <main>

        """
        html += header(input, title: title, words: words)
        var sections = Sections()
        html += summary(input, words: words, heading: sections.next(words.sectionSummary))
        html += details(input, words: words, heading: sections.next(words.sectionTargets))
        if let league = input.units, !BriefingUnits.shown(league).isEmpty {
            html += unitsSection(league, words: words, heading: sections.next(words.sectionUnits))
        }
        if let comparison = input.comparison, comparison.scenarios.count > 1 {
            html += comparisonSection(comparison, input: input, words: words, heading: sections.next(words.sectionComparison))
        }
        if input.targets.contains(where: { $0.needsEffort }) {
            html += effortSection(input, words: words, heading: sections.next(words.sectionEffort))
        }
        html += methodSection(input, words: words, heading: sections.next(words.sectionMethod))
        html += "<footer>\(escape(words.generatedBy)) · \(escape(words.cutoffLine(input.cutoff)))</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private var format: NumberFormatting { NumberFormatting(language: language) }

    private func escape(_ text: String) -> String { HTMLEscaping.text(text) }

    /// Numbers the sections that are present I, II, III, …
    private struct Sections {
        private var count = 0
        mutating func next(_ title: String) -> String {
            count += 1
            return BriefingWords.roman(count) + ". " + title
        }
    }

    // MARK: Sections

    private func header(_ input: BriefingInput, title: String, words: BriefingWords) -> String {
        var html = "<header>\n<h1>\(escape(title))</h1>\n"
        if let plan = input.plan { html += "<p class=\"plan\">\(escape(plan.text(language)))</p>\n" }
        html += "<p class=\"meta\"><strong>\(escape(words.cutoffLine(input.cutoff)))</strong> · "
            + "\(escape(words.scenarioLabel)): \(escape(input.scenario.text(language)))</p>\n</header>\n"
        if input.illustrative {
            html += "<div class=\"illustrative\" role=\"note\"><strong>\(escape(words.illustrativeHeading))</strong>: "
                + escape(words.illustrativeText)
            if let note = input.dataNote { html += " " + escape(note.text(language)) }
            html += "</div>\n"
        }
        return html
    }

    private func summary(_ input: BriefingInput, words: BriefingWords, heading: String) -> String {
        let years = input.summaryYears
        var html = "<section class=\"summary\">\n<h2>\(escape(heading))</h2>\n<table>\n<thead><tr>"
        html += "<th scope=\"col\">\(escape(words.columnID))</th><th scope=\"col\">\(escape(words.columnTarget))</th>"
        html += "<th scope=\"col\">\(escape(words.columnUnit))</th>"
        for year in years { html += "<th scope=\"col\" class=\"num\">\(year)</th>" }
        html += "<th scope=\"col\" class=\"num\">\(escape(words.columnEstimate))</th>"
        html += "<th scope=\"col\" class=\"num\">\(escape(words.columnShareOfTarget))</th>"
        html += "<th scope=\"col\">\(escape(words.columnStatus))</th></tr></thead>\n<tbody>\n"
        var currentGroup: String?
        for (rowGroup, target) in Self.rowGroups(input.targets).flatMap({ group in group.map { (group, $0) } }) {
            if let group = target.group?.text(language), group != currentGroup {
                html += "<tr class=\"group\"><td colspan=\"\(6 + years.count)\">\(escape(group))</td></tr>\n"
                currentGroup = group
            }
            // Milestones of one target share one row group: the wording, unit and observed years span their rows.
            let first = rowGroup.first == target
            let span = rowGroup.count > 1 ? " rowspan=\"\(rowGroup.count)\"" : ""
            html += rowGroup.count > 1 ? "<tr class=\"milestone\">" : "<tr>"
            html += "<td class=\"id\">\(escape(target.markedLabel))</td>"
            if first {
                html += "<td class=\"wording\"\(span)>\(wordingCell(target))</td>"
                html += "<td class=\"unit\"\(span)>\(escape(target.unit.text(language)))</td>"
                for year in years {
                    let point = (rowGroup.last ?? target).history.first { $0.year == year }
                    let text = point.map { words.value($0.value, target, format, withPercent: false) + ($0.partial ? "*" : "") } ?? "–"
                    html += "<td class=\"num\"\(span)>\(escape(text))</td>"
                }
            }
            let estimate = target.estimate.map {
                target.form == .level ? words.value($0, target, format, withPercent: false) : words.statisticValue($0, target, format)
            } ?? "–"
            html += "<td class=\"num\">\(escape(estimate)) <span class=\"note\">(\(target.deadline))</span></td>"
            let share = target.shareOfTarget.map { format.percent($0, fractionDigits: 1) } ?? "–"
            html += "<td class=\"num\">\(escape(share))</td>"
            html += "<td class=\"state\">\(statusBadge(target, words: words))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let note = words.summaryNote(for: input.targets)
        html += "<p class=\"note\">\(escape(note))</p>\n</section>\n"
        return html
    }

    /// The targets in order, consecutive milestones of one target together (every other target alone).
    static func rowGroups(_ targets: [BriefingTarget]) -> [[BriefingTarget]] {
        var groups: [[BriefingTarget]] = []
        for target in targets {
            if let of = target.milestoneOf, let last = groups.last?.last, last.milestoneOf == of {
                groups[groups.count - 1].append(target)
            } else {
                groups.append([target])
            }
        }
        return groups
    }

    private func wordingCell(_ target: BriefingTarget) -> String {
        let vietnamese = target.wording.vi ?? target.wording.en ?? ""
        if language == .vi { return escape(vietnamese) }
        let english = target.wording.en ?? vietnamese
        return escape(english) + "<span class=\"original\" lang=\"vi\">\(escape(vietnamese))</span>"
    }

    private func statusBadge(_ target: BriefingTarget, words: BriefingWords) -> String {
        "<span class=\"status \(target.statusClass)\">\(escape(target.statusWord(language)))</span> "
            + escape(words.probability(target.probability, format))
    }

    private func details(_ input: BriefingInput, words: BriefingWords, heading: String) -> String {
        var html = "<h2>\(escape(heading))</h2>\n"
        for group in Self.rowGroups(input.targets) {
            if group.count > 1 {
                html += milestoneSection(group, input: input, words: words)
                continue
            }
            let target = group[0]
            html += "<section class=\"target\" id=\"target-\(escape(target.id))\">\n<div class=\"target-head\">"
            html += "<h3>\(escape(target.id)). \(escape(target.wording.text(language)))</h3>"
            html += "<span class=\"state\">\(statusBadge(target, words: words))</span></div>\n"
            html += otherWording(target.wording, words: words)
            html += FanChart(target: target, language: language, cutoff: input.cutoff).svg()
            html += "<ul class=\"keyfigures\">\n"
            for sentence in words.evidenceSentences(target, format) { html += "<li>\(escape(sentence))</li>\n" }
            if let note = target.note { html += "<li>\(escape(note.text(language)))</li>\n" }
            html += "</ul>\n"
            if !target.yearProbabilities.isEmpty { html += yearTable(target, words: words) }
            if target.needsEffort, let effort = target.effort {
                html += "<p class=\"effort\">\(escape(words.effortSentence(effort, format)))</p>\n"
            }
            html += "</section>\n"
        }
        return html
    }

    /// The target's wording in the other language (English under a Vietnamese briefing, the original Vietnamese
    /// under an English one), labelled.
    private func otherWording(_ wording: LocalizedText, words: BriefingWords) -> String {
        let (label, lang, text) = language == .vi ? (words.englishWording, "en", wording.en) : (words.originalWording, "vi", wording.vi)
        return "<p class=\"wording\"><span class=\"label\">\(escape(label)):</span> <span lang=\"\(lang)\">\(escape(text ?? ""))</span></p>\n"
    }

    /// One section for the milestones of one target: its wording, one chart with every milestone's threshold, and a
    /// table of the milestones (threshold, value or estimate, probability, status).
    private func milestoneSection(_ group: [BriefingTarget], input: BriefingInput, words: BriefingWords) -> String {
        let ordered = group.sorted { $0.deadline < $1.deadline }
        let main = ordered.last!
        let id = main.milestoneOf ?? main.id
        var html = "<section class=\"target milestones\" id=\"target-\(escape(id))\">\n<div class=\"target-head\">"
        html += "<h3>\(escape(id)). \(escape(main.wording.text(language)))</h3></div>\n"
        html += otherWording(main.wording, words: words)
        html += FanChart(milestones: ordered, language: language, cutoff: input.cutoff).svg()
        html += "<table class=\"small\">\n<caption>\(escape(words.milestonesHeading))</caption>\n<thead><tr>"
        html += "<th scope=\"col\">\(escape(words.columnMilestone))</th><th scope=\"col\" class=\"num\">\(escape(words.legendTarget))</th>"
        html += "<th scope=\"col\" class=\"num\">\(escape(words.columnValue))</th><th scope=\"col\">\(escape(words.columnStatus))</th></tr></thead>\n<tbody>\n"
        for milestone in ordered {
            let observed = milestone.history.first { $0.year == milestone.deadline && !$0.partial }
            let shown: String
            if milestone.form != .level {
                // The statistic (growth or change from the base), estimated unless the deadline year is observed.
                shown = milestone.estimate.map { words.statisticValue($0, milestone, format) + (observed == nil ? " " + words.estimatedMark : "") } ?? "–"
            } else {
                shown = observed.map { words.value($0.value, milestone, format) }
                    ?? milestone.estimate.map { words.value($0, milestone, format) + " " + words.estimatedMark } ?? "–"
            }
            let stated = milestone.form == .level ? words.thresholdValue(milestone.threshold, milestone, format)
                : words.statisticThreshold(milestone.threshold, milestone, format)
            html += "<tr id=\"target-\(escape(milestone.id))\"><td>\(milestone.deadline)</td>"
            html += "<td class=\"num\">\(escape(words.comparator(milestone) + " " + stated))</td>"
            html += "<td class=\"num\">\(escape(shown))</td><td class=\"state\">\(statusBadge(milestone, words: words))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n<ul class=\"keyfigures\">\n"
        var sentences = words.evidenceSentences(main, format)
        sentences.removeLast()  // the last milestone's probability: in the table, with the others
        for milestone in ordered where !milestone.history.contains(where: { $0.year == milestone.deadline && !$0.partial }) {
            sentences.append("\(milestone.deadline): " + words.probabilityWithError(milestone.probability, mcse: milestone.mcse, format: format) + ".")
        }
        for sentence in sentences { html += "<li>\(escape(sentence))</li>\n" }
        if let note = main.note { html += "<li>\(escape(note.text(language)))</li>\n" }
        html += "</ul>\n"
        for milestone in ordered where milestone.needsEffort {
            if let effort = milestone.effort { html += "<p class=\"effort\">\(milestone.deadline): \(escape(words.effortSentence(effort, format)))</p>\n" }
        }
        return html + "</section>\n"
    }

    private func yearTable(_ target: BriefingTarget, words: BriefingWords) -> String {
        var html = "<table class=\"small\">\n<caption>\(escape(words.perYearHeading))</caption>\n"
        html += "<thead><tr><th scope=\"col\">\(escape(words.columnYear))</th><th scope=\"col\" class=\"num\">\(escape(words.columnProbability))</th></tr></thead>\n<tbody>\n"
        for year in target.yearProbabilities.sorted(by: { $0.year < $1.year }) {
            let mark = year.observed ? " <span class=\"note\">(\(escape(words.observedMark)))</span>" : ""
            html += "<tr><td>\(year.year)\(mark)</td><td class=\"num\">\(escape(words.probability(year.probability, format)))</td></tr>\n"
        }
        html += "<tr><td><strong>\(escape(words.allYears)) \(target.window.lowerBound)–\(target.window.upperBound)</strong></td>"
        html += "<td class=\"num\"><strong>\(escape(words.probability(target.probability, format)))</strong></td></tr>\n"
        return html + "</tbody>\n</table>\n"
    }

    /// Unit by unit: per target, a ranked dot chart of the units and their table (the total's Σ line last).
    private func unitsSection(_ league: LeagueResult, words: BriefingWords, heading: String) -> String {
        let units = BriefingUnits(language: language)
        var html = "<section class=\"units\">\n<h2>\(escape(heading))</h2>\n"
        html += "<p class=\"note\">\(escape(words.unitsIntro(league.units.count, shared: league.sharedPaths)))</p>\n"
        for t in BriefingUnits.shown(league) {
            html += "<section class=\"target unit-league\" id=\"units-\(escape(t.id))\">\n<h3>\(escape(units.caption(t)))</h3>\n"
            html += LeagueChart(league: t, language: language).svg()
            html += "<table class=\"league\">\n<thead><tr>"
            let statusColumn = BriefingUnits.statusColumn(t)
            for (i, h) in units.headers(t).enumerated() { html += "<th\(i == 1 || i == statusColumn ? "" : " class=\"num\"")>\(escape(h))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in units.rows(t) {
                html += row.total ? "<tr class=\"total\">" : "<tr>"
                for (i, cell) in row.cells.enumerated() {
                    if i == statusColumn {
                        html += "<td><span class=\"status \(row.status)\">\(escape(cell))</span></td>"
                    } else {
                        html += "<td\(i == 1 ? "" : " class=\"num\"")>\(escape(cell))</td>"
                    }
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
            for note in units.notes(t) { html += "<p class=\"note\">\(escape(note))</p>\n" }
            html += "</section>\n"
        }
        return html + "</section>\n"
    }

    private func comparisonSection(_ comparison: ScenarioComparison, input: BriefingInput, words: BriefingWords,
                                   heading: String) -> String {
        let names = comparison.scenarios.map { $0.text(language) }
        var html = "<section class=\"comparison\">\n<h2>\(escape(heading))</h2>\n<table>\n<thead><tr>"
        html += "<th scope=\"col\">\(escape(words.columnID))</th><th scope=\"col\">\(escape(words.columnTarget))</th>"
        for name in names { html += "<th scope=\"col\" class=\"num\">\(escape(name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (index, row) in comparison.rows.enumerated() {
            let target = input.targets.first { $0.id == row.targetID }
            let wording = target?.wording.text(language) ?? ""
            // Milestones of one target: one wording cell spanning their rows, as in the summary.
            let milestoneOf = target?.milestoneOf
            let sameAs = { (i: Int) -> Bool in
                guard let milestoneOf, comparison.rows.indices.contains(i) else { return false }
                return input.targets.first { $0.id == comparison.rows[i].targetID }?.milestoneOf == milestoneOf
            }
            html += "<tr><td class=\"id\">\(escape(target?.label ?? row.targetID))</td>"
            if !sameAs(index - 1) {
                var span = 1
                while sameAs(index + span) { span += 1 }
                html += span > 1 ? "<td rowspan=\"\(span)\">\(escape(wording))</td>" : "<td>\(escape(wording))</td>"
            }
            for (index, probability) in row.probabilities.enumerated() {
                html += "<td class=\"num\">\(escape(words.probability(probability, format)))"
                if index > 0, index - 1 < row.differences.count {
                    html += "<br><span class=\"note\">\(escape(words.difference(row.differences[index - 1], format)))</span>"
                }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"note\">\(escape(words.comparisonNote(reference: names.first ?? "")))</p>\n</section>\n"
        return html
    }

    private func effortSection(_ input: BriefingInput, words: BriefingWords, heading: String) -> String {
        let atRisk = input.targets.filter { $0.needsEffort }
        var html = "<section class=\"efforts\">\n<h2>\(escape(heading))</h2>\n<ul>\n"
        for target in atRisk {
            let text = target.effort.map { words.effortSentence($0, format) } ?? words.noEffort
            html += "<li><strong>\(escape(target.label))</strong> (\(escape(target.statusWord(language))), "
                + "\(escape(words.probability(target.probability, format)))): \(escape(text))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func methodSection(_ input: BriefingInput, words: BriefingWords, heading: String) -> String {
        var html = "<section class=\"method\">\n<h2>\(escape(heading))</h2>\n"
        if !input.assumptions.isEmpty {
            html += "<h3>\(escape(words.assumptionsHeading))</h3>\n<ul>\n"
            for assumption in input.assumptions { html += "<li>\(escape(assumption.text(language)))</li>\n" }
            html += "</ul>\n"
        }
        html += "<h3>\(escape(words.methodHeading))</h3>\n<p>\(escape(words.methodText(paths: input.paths, seed: input.seed, format: format)))</p>\n"
        html += "<p class=\"provenance\">\(escape(words.provenanceText(version: input.version, seed: input.seed, inputs: input.inputs)))</p>\n"
        if !input.indicators.isEmpty {
            let (headers, rows) = input.indicatorTable(language, words: words)
            var table = TextTable(headers: headers, alignments: headers.map { _ in .left })
            for row in rows { table.append(row) }
            html += table.renderHTML()
        }
        if let note = input.dataNote, !input.illustrative { html += "<p class=\"note\">\(escape(note.text(language)))</p>\n" }
        return html + "</section>\n"
    }
}
