/// Lays out a ``BriefingInput`` as Markdown: the same sections as the HTML briefing, with the fan charts given as
/// tables of projection quantiles.
public struct BriefingMarkdownRenderer: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The complete Markdown document.
    public func render(_ input: BriefingInput) -> String {
        let words = BriefingWords(language: language)
        let format = NumberFormatting(language: language)
        let title = input.title.text(language).isEmpty ? words.defaultTitle : input.title.text(language)
        var md = "# \(title)\n\n"
        if let plan = input.plan { md += plan.text(language) + "\n\n" }
        md += "**\(words.cutoffLine(input.cutoff))** · \(words.scenarioLabel): \(input.scenario.text(language))\n\n"
        if input.illustrative {
            md += "> **\(words.illustrativeHeading.uppercased())**: \(words.illustrativeText)"
            if let note = input.dataNote { md += " " + note.text(language) }
            md += "\n\n"
        }
        var section = 0
        func heading(_ title: String) -> String {
            section += 1
            return "## \(BriefingWords.roman(section)). \(title)\n\n"
        }

        md += heading(words.sectionSummary)
        var summary = TextTable(
            headers: [words.columnID, words.columnTarget, words.columnUnit] + input.summaryYears.map(String.init)
                + [words.columnEstimate, words.columnShareOfTarget, words.columnStatus],
            alignments: [.left, .left, .left] + input.summaryYears.map { _ in .right } + [.right, .right, .left])
        for target in input.targets {
            var wording = target.wording.vi ?? target.wording.en ?? ""
            if language == .en, let english = target.wording.en { wording = english + " (" + wording + ")" }
            // A milestone shows the years of its target's last milestone (its own history stops at its deadline).
            let shownHistory = target.milestoneOf.flatMap { of in input.targets.last { $0.milestoneOf == of }?.history } ?? target.history
            let years = input.summaryYears.map { year in
                shownHistory.first { $0.year == year }.map { words.value($0.value, target, format, withPercent: false) + ($0.partial ? "*" : "") } ?? "–"
            }
            let estimate = target.estimate.map {
                (target.form == .level ? words.value($0, target, format, withPercent: false) : words.statisticValue($0, target, format))
                    + " (\(target.deadline))"
            } ?? "–"
            let share = target.shareOfTarget.map { format.percent($0, fractionDigits: 1) } ?? "–"
            let status = target.statusWord(language) + " (" + words.probability(target.probability, format) + ")"
            summary.append([target.markedLabel, wording, target.unit.text(language)] + years + [estimate, share, status])
        }
        md += summary.renderMarkdown() + "\n" + words.summaryNote(for: input.targets) + "\n\n"

        md += heading(words.sectionTargets)
        for target in input.targets {
            md += "### \(target.label). \(target.wording.text(language))\n\n"
            md += language == .vi ? "*\(words.englishWording):* \(target.wording.en ?? "")\n\n"
                : "*\(words.originalWording):* \(target.wording.vi ?? "")\n\n"
            md += "**\(target.statusWord(language))** — " + words.evidenceSentences(target, format).joined(separator: " ") + "\n\n"
            if let note = target.note { md += note.text(language) + "\n\n" }
            if !target.fan.isEmpty {
                var fan = TextTable(headers: [words.columnYear, "5%", "25%", "50%", "75%", "95%"])
                for point in target.fan {
                    fan.append([String(point.year)] + [point.lower90, point.lower50, point.median, point.upper50, point.upper90]
                        .map { words.value($0, target, format) })
                }
                md += fan.renderMarkdown() + "\n"
            }
            if !target.yearProbabilities.isEmpty {
                var years = TextTable(headers: [words.columnYear, words.columnProbability])
                for year in target.yearProbabilities { years.append([String(year.year), words.probability(year.probability, format)]) }
                years.append(["\(words.allYears) \(target.window.lowerBound)–\(target.window.upperBound)",
                              words.probability(target.probability, format)])
                md += "\(words.perYearHeading):\n\n" + years.renderMarkdown() + "\n"
            }
        }

        if let league = input.units, !BriefingUnits.shown(league).isEmpty {
            md += heading(words.sectionUnits)
            md += words.unitsIntro(league.units.count, shared: league.sharedPaths) + "\n\n"
            let units = BriefingUnits(language: language)
            for t in BriefingUnits.shown(league) {
                md += "### \(units.caption(t))\n\n"
                let headers = units.headers(t), status = BriefingUnits.statusColumn(t)
                var table = TextTable(headers: headers, alignments: headers.indices.map { $0 == 1 || $0 == status ? .left : .right })
                for row in units.rows(t) { table.append(row.cells) }
                md += table.renderMarkdown()
                for note in units.notes(t) { md += "\n" + note + "\n" }
                md += "\n"
            }
        }
        if let comparison = input.comparison, comparison.scenarios.count > 1 {
            md += heading(words.sectionComparison)
            let names = comparison.scenarios.map { $0.text(language) }
            var table = TextTable(headers: [words.columnID] + names, alignments: [.left] + names.map { _ in .right })
            for row in comparison.rows {
                var cells = [input.targets.first { $0.id == row.targetID }?.label ?? row.targetID]
                for (index, p) in row.probabilities.enumerated() {
                    var cell = words.probability(p, format)
                    if index > 0, index - 1 < row.differences.count { cell += " (" + words.difference(row.differences[index - 1], format) + ")" }
                    cells.append(cell)
                }
                table.append(cells)
            }
            md += table.renderMarkdown() + "\n" + words.comparisonNote(reference: names[0]) + "\n\n"
        }

        let atRisk = input.targets.filter { $0.needsEffort }
        if !atRisk.isEmpty {
            md += heading(words.sectionEffort)
            for target in atRisk {
                let text = target.effort.map { words.effortSentence($0, format) } ?? words.noEffort
                md += "- **\(target.label)** (\(target.statusWord(language)), \(words.probability(target.probability, format))): \(text)\n"
            }
            md += "\n"
        }

        md += heading(words.sectionMethod)
        if !input.assumptions.isEmpty {
            md += "**\(words.assumptionsHeading)**\n\n" + input.assumptions.map { "- " + $0.text(language) }.joined(separator: "\n") + "\n\n"
        }
        md += "**\(words.methodHeading)**: " + words.methodText(paths: input.paths, seed: input.seed, format: format) + "\n\n"
        md += words.provenanceText(version: input.version, seed: input.seed, inputs: input.inputs) + "\n"
        if !input.indicators.isEmpty {
            let (headers, rows) = input.indicatorTable(language, words: words)
            var table = TextTable(headers: headers, alignments: headers.map { _ in .left })
            for row in rows { table.append(row) }
            md += "\n" + table.renderMarkdown()
        }
        return md
    }
}
