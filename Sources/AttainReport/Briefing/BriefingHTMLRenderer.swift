import AttainSimulation

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
        for target in input.targets {
            if let group = target.group?.text(language), group != currentGroup {
                html += "<tr class=\"group\"><td colspan=\"\(6 + years.count)\">\(escape(group))</td></tr>\n"
                currentGroup = group
            }
            html += "<tr><td class=\"id\">\(escape(target.id))\(target.restsOnPlan ? " †" : "")</td><td class=\"wording\">\(wordingCell(target))</td>"
            html += "<td class=\"unit\">\(escape(target.unit.text(language)))</td>"
            for year in years {
                let point = target.history.first { $0.year == year }
                let text = point.map { words.value($0.value, target, format, withPercent: false) + ($0.partial ? "*" : "") } ?? "–"
                html += "<td class=\"num\">\(escape(text))</td>"
            }
            let estimate = target.estimate.map { words.value($0, target, format, withPercent: false) } ?? "–"
            html += "<td class=\"num\">\(escape(estimate)) <span class=\"note\">(\(target.deadline))</span></td>"
            let share = target.shareOfTarget.map { format.percent($0, fractionDigits: 1) } ?? "–"
            html += "<td class=\"num\">\(escape(share))</td>"
            html += "<td class=\"state\">\(statusBadge(target, words: words))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        var note = words.summaryNote
        if input.targets.contains(where: { $0.history.contains(where: \.partial) }) {
            note += language == .vi ? " (*) Số liệu lũy kế đến ngày chốt số liệu." : " (*) Year to date at the cut-off."
        }
        if input.targets.contains(where: \.restsOnPlan) { note += " " + words.planMark }
        html += "<p class=\"note\">\(escape(note))</p>\n</section>\n"
        return html
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
        for target in input.targets {
            html += "<section class=\"target\" id=\"target-\(escape(target.id))\">\n<div class=\"target-head\">"
            html += "<h3>\(escape(target.id)). \(escape(target.wording.text(language)))</h3>"
            html += "<span class=\"state\">\(statusBadge(target, words: words))</span></div>\n"
            html += "<p class=\"wording\">"
            if language == .vi {
                html += "<span class=\"label\">\(escape(words.englishWording)):</span> <span lang=\"en\">\(escape(target.wording.en ?? ""))</span>"
            } else {
                html += "<span class=\"label\">\(escape(words.originalWording)):</span> <span lang=\"vi\">\(escape(target.wording.vi ?? ""))</span>"
            }
            html += "</p>\n"
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

    private func comparisonSection(_ comparison: ScenarioComparison, input: BriefingInput, words: BriefingWords,
                                   heading: String) -> String {
        let names = comparison.scenarios.map { $0.text(language) }
        var html = "<section class=\"comparison\">\n<h2>\(escape(heading))</h2>\n<table>\n<thead><tr>"
        html += "<th scope=\"col\">\(escape(words.columnID))</th><th scope=\"col\">\(escape(words.columnTarget))</th>"
        for name in names { html += "<th scope=\"col\" class=\"num\">\(escape(name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in comparison.rows {
            let wording = input.targets.first { $0.id == row.targetID }?.wording.text(language) ?? ""
            html += "<tr><td class=\"id\">\(escape(row.targetID))</td><td>\(escape(wording))</td>"
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
            html += "<li><strong>\(escape(target.id))</strong> (\(escape(target.statusWord(language))), "
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
            var table = TextTable(headers: [words.columnIndicator, words.columnModel], alignments: [.left, .left])
            for indicator in input.indicators { table.append([indicator.title.text(language), indicator.model]) }
            html += table.renderHTML()
        }
        if let note = input.dataNote, !input.illustrative { html += "<p class=\"note\">\(escape(note.text(language)))</p>\n" }
        return html + "</section>\n"
    }
}
