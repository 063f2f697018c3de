import ArgumentParser
import Attain
import Foundation

/// `attain run SCENARIO --by unit`: one run per unit and a league table per target.
extension RunCommand {
    func runByUnit() throws {
        try reportingErrors {
            try output.checkWritable()
            var league = try UnitLeague.load(path: scenario)
            if let thresholds { try league.loadThresholds(path: thresholds, total: total) }
            let listed: [String]? = units.flatMap { text in
                text == "all" ? nil : text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let clock = ContinuousClock(), start = clock.now
            var started = false
            let quiet = self.quiet
            // One line per unit as it starts (units run in order, a few at a time on several threads).
            let progress: (Int, Int, String) -> Void = { k, n, unit in
                guard !quiet else { return }
                started = true
                Console.error("unit \(k + 1)/\(n): \(unit) (\(Self.seconds(clock.now - start)))")
            }
            let finish = {
                if started { Console.error("all units in \(Self.seconds(clock.now - start))") }
            }
            if let shard {
                let (i, n) = try Self.parseShard(shard)
                let part = try league.runShard(units: listed, excluding: Self.list(exclude), shard: i, of: n, paths: simulation.paths, seed: simulation.seed,
                                               threads: simulation.resolvedThreads, progress: progress)
                finish()
                return try output.emit(try JSONValue(encoding: part).rendered())
            }
            let result = try league.run(units: listed, excluding: Self.list(exclude), paths: simulation.paths, seed: simulation.seed,
                                        threads: simulation.resolvedThreads, total: total, unitsMeeting: unitsMeeting.flatMap(Self.share),
                                        sharedFraction: sharedPaths ?? UnitLeague.defaultSharedFraction, progress: progress)
            finish()
            let format = output.resolvedFormat(default: .table)
            if format == .xlsx {
                _ = try Self.writeCharts(result, into: chart, quiet: quiet)
                let illustrative = league.scenario.illustrative || IllustrativeData.isMarked(dataFiles: league.scenario.dataFiles)
                return try output.emitWorkbook(Workbook.league(result, language: lang ?? .vi, illustrative: illustrative))
            }
            try Self.emitLeague(result, format: format, chart: chart, quiet: quiet, emit: output.emit)
        }
    }

    /// Writes a ranked dot chart per target with units into `chart` (when given) and returns the files by target.
    static func writeCharts(_ result: LeagueResult, into chart: String?, quiet: Bool) throws -> [String: String] {
        var charts: [String: String] = [:]
        if let chart {
            try FileManager.default.createDirectory(atPath: chart, withIntermediateDirectories: true)
            for t in result.targets where !t.rows.isEmpty {
                let path = (chart as NSString).appendingPathComponent(Self.chartFile(t.id))
                try AtomicFileWriter.write(LeagueChart(league: t).svg(standalone: true), to: path)
                charts[t.id] = path
            }
            if !quiet { Console.error("wrote \(charts.count) chart\(charts.count == 1 ? "" : "s") to \(chart)") }
        }
        return charts
    }

    /// Writes `result` in `format` through `emit`, with a ranked dot chart per target into `chart` when given: the one
    /// rendering of a league, shared by `run --by unit` and `merge`.
    static func emitLeague(_ result: LeagueResult, format: OutputFormat, chart: String?, quiet: Bool, emit: (String) throws -> Void) throws {
        let charts = try writeCharts(result, into: chart, quiet: quiet)
        switch format {
        case .json: try emit(try JSONValue(encoding: result).rendered())
        case .csv: try emit(Self.leagueCSV(result).renderCSV())
        case .md: try emit(Self.leagueMarkdown(result, charts: charts))
        default: try emit(Self.leagueText(result))
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return ResultText.number(s, digits: 1) + " s"
    }

    /// The chart file of target `id`: `league-<id>.svg`, with characters other than letters, digits, `-`, `_`, `.` and
    /// `@` replaced by `-`.
    static func chartFile(_ id: String) -> String {
        "league-" + id.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? String($0) : "-" }.joined() + ".svg"
    }

    /// A value on a league's scale: shares in percent, growth in percent, changes in a share in points.
    static func leagueValue(_ v: Double, _ t: LeagueResult.TargetLeague) -> String {
        switch t.kind {
        case .growthFromBase, .averageGrowth: return ResultText.number(100 * v, digits: 1) + "%"
        case .changeFromBase, .averageChange: return t.isShare ? ResultText.number(100 * v, digits: 1) + "pp" : ResultText.value(v, share: false)
        default: return ResultText.value(v, share: t.isShare)
        }
    }

    /// The caption of a target's league: `P1-1a  enterprises_with_union ≥ 90.0% in 2026`.
    static func leagueCaption(_ t: LeagueResult.TargetLeague) -> String {
        let years = t.from == t.to ? "in \(t.to)" : "\(t.from)–\(t.to)"
        return "\(t.id)  \(t.indicator) \(t.symbol) \(leagueValue(t.threshold, t)) \(years) (\(t.kind.rawValue))"
    }

    /// One target's league as a table: rank, unit, probability, its error, status, median, 90% band, shortfall and,
    /// for counts, the share of the summed shortfall.
    static func leagueTable(_ t: LeagueResult.TargetLeague) -> TextTable {
        // With per-unit thresholds, a column of each unit's own bar (blank: the targets file's).
        let own = t.rows.contains { $0.threshold != nil } || t.total?.row?.threshold != nil
        var table = TextTable(headers: ["rank", "unit"] + (own ? ["target"] : []) + ["probability", "±mcse", "status", "median", "90% band", "shortfall", "share of gap"],
                              alignments: [.right, .left] + (own ? [.right] : []) + [.right, .right, .left, .right, .left, .right, .right])
        for r in t.rows {
            table.append([String(r.rank), r.unit] + (own ? [r.threshold.map { leagueValue($0, t) } ?? ""] : []) + [ResultText.number(r.probability, digits: 3), ResultText.number(r.mcse, digits: 3),
                          r.status.rawValue + (r.settled != nil ? " (settled)" : ""), leagueValue(r.median, t),
                          leagueValue(r.lower90, t) + "–" + leagueValue(r.upper90, t), shortfallText(r.shortfall, t),
                          r.shortfallShare.map { ResultText.number(100 * $0, digits: 1) + "%" } ?? ""])
        }
        if let total = t.total, let r = total.row {
            table.append(["Σ", "\(total.name) (sum of \(total.units.count) unit\(total.units.count == 1 ? "" : "s"))"]
                         + (own ? [r.threshold.map { leagueValue($0, t) } ?? ""] : []) + [
                          ResultText.number(r.probability, digits: 3), ResultText.number(r.mcse, digits: 3),
                          r.status.rawValue + (r.settled != nil ? " (settled)" : ""), leagueValue(r.median, t),
                          leagueValue(r.lower90, t) + "–" + leagueValue(r.upper90, t), shortfallText(r.shortfall, t), ""])
        }
        return table
    }

    /// The shortfall on the target's scale: points for shares, percent for growth, two decimals for counts.
    static func shortfallText(_ v: Double, _ t: LeagueResult.TargetLeague) -> String {
        switch t.kind {
        case .growthFromBase, .averageGrowth: return ResultText.number(100 * v, digits: 2) + "%"
        case .changeFromBase, .averageChange: return t.isShare ? ResultText.number(100 * v, digits: 2) + "pp" : ResultText.short(v)
        default: return t.isShare ? ResultText.number(100 * v, digits: 2) + "pp" : ResultText.number(v, digits: 2)
        }
    }

    static func leagueHeader(_ r: LeagueResult) -> String {
        "Scenario \(r.scenario) by unit: \(r.units.count) unit\(r.units.count == 1 ? "" : "s"), \(r.paths) paths each, seed \(r.seed) "
            + "(each unit's seed derived from it and the unit's name"
            + (r.sharedPaths.map { f in f > 0 ? "; units share their latent trends on \(ResultText.number(100 * f, digits: 0))% of paths, each with its own noise" : "; units independent" } ?? "")
            + "), data to \(r.cutoff), horizon \(r.horizon)"
    }

    /// `at least 80% of the 4 units (4) meet it: probability 0.023 ±0.002; units meeting it: median 2, 90% band 1–3, expected 2.1`.
    static func unitsMeetingLine(_ t: LeagueResult.TargetLeague) -> String? {
        guard let m = t.unitsMeeting else { return nil }
        let who = m.needed == m.units ? "all \(m.units) units" : "at least \(m.needed) of the \(m.units) units (\(ResultText.number(100 * m.share, digits: 0))%)"
        return "\(who) meet it: probability \(ResultText.number(m.probability, digits: 3)) ±\(ResultText.number(m.mcse, digits: 3)); "
            + "units meeting it: median \(m.median), 90% band \(m.lower90)–\(m.upper90), expected \(ResultText.number(m.expected, digits: 1))"
    }

    static func skippedLines(_ t: LeagueResult.TargetLeague, bullet: String) -> String {
        t.skipped.map { "\(bullet)skipped \($0.unit): \($0.reason)\n" }.joined()
            + (t.total.flatMap { total in total.reason.map { "\(bullet)no total \(total.name): \($0)\n" } } ?? "")
    }

    static func leagueText(_ r: LeagueResult) -> String {
        var text = leagueHeader(r) + "\n"
        for t in r.targets {
            text += "\n" + leagueCaption(t) + "\n"
            if !t.rows.isEmpty { text += leagueTable(t).renderText() }
            if let line = unitsMeetingLine(t) { text += "  " + line + "\n" }
            text += skippedLines(t, bullet: "  ")
        }
        return text
    }

    static func leagueMarkdown(_ r: LeagueResult, charts: [String: String]) -> String {
        var text = "**" + leagueHeader(r) + "**\n"
        for t in r.targets {
            text += "\n### " + leagueCaption(t) + "\n\n"
            if !t.rows.isEmpty { text += leagueTable(t).renderMarkdown() }
            if let line = unitsMeetingLine(t) { text += "\n" + line + "\n" }
            if let chart = charts[t.id] { text += "\n![\(t.id): units ranked by probability](\(chart))\n" }
            if !t.skipped.isEmpty || t.total?.reason != nil { text += "\n" + skippedLines(t, bullet: "- ") }
        }
        return text
    }

    /// One CSV row per (target, unit), raw numbers (shares as fractions); skipped units with an empty rank and the reason;
    /// with `--total`, the total's row last (rank `total`).
    static func leagueCSV(_ r: LeagueResult) -> TextTable {
        // With per-unit thresholds (`--thresholds`), a `threshold` column after the unit: each row's own bar.
        let own = r.thresholdsFile != nil
        func bar(_ t: LeagueResult.TargetLeague, _ v: Double?) -> [String] { own ? [ResultText.short(v ?? t.threshold)] : [] }
        var table = TextTable(headers: ["target", "indicator", "rank", "unit"] + (own ? ["threshold"] : []) + ["seed", "probability", "mcse", "status",
                                        "q05", "q25", "median", "q75", "q95", "shortfall", "shortfall_share", "skipped"])
        let seeds = Dictionary(r.units.map { ($0.unit, $0.seed) }, uniquingKeysWith: { a, _ in a })
        for t in r.targets {
            for row in t.rows {
                table.append([t.id, t.indicator, String(row.rank), row.unit] + bar(t, row.threshold) + [String(seeds[row.unit] ?? 0),
                              ResultText.short(row.probability),
                              ResultText.short(row.mcse), row.status.rawValue, ResultText.short(row.lower90), ResultText.short(row.lower50),
                              ResultText.short(row.median), ResultText.short(row.upper50), ResultText.short(row.upper90),
                              ResultText.short(row.shortfall), row.shortfallShare.map { ResultText.short($0) } ?? "", ""])
            }
            for s in t.skipped {
                table.append([t.id, t.indicator, "", s.unit] + (own ? [""] : []) + [seeds[s.unit].map { String($0) } ?? "", "", "", "skipped", "", "", "",
                              "", "", "", "", s.reason])
            }
            if let total = t.total {
                // The total: rank `total`, the run's own seed (its paths are the units' sums), or the reason there is none.
                if let row = total.row {
                    table.append([t.id, t.indicator, "total", total.name] + bar(t, row.threshold) + [String(r.seed), ResultText.short(row.probability),
                                  ResultText.short(row.mcse), row.status.rawValue, ResultText.short(row.lower90), ResultText.short(row.lower50),
                                  ResultText.short(row.median), ResultText.short(row.upper50), ResultText.short(row.upper90),
                                  ResultText.short(row.shortfall), "", ""])
                } else {
                    table.append([t.id, t.indicator, "total", total.name] + (own ? [""] : []) + ["", "", "", "skipped", "", "", "", "", "", "", "",
                                  total.reason ?? ""])
                }
            }
        }
        return table
    }
}
