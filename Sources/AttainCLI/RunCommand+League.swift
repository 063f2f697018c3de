import ArgumentParser
import Attain
import Foundation

/// `attain run SCENARIO --by unit`: one run per unit and a league table per target.
extension RunCommand {
    func runByUnit() throws {
        try reportingErrors {
            try output.checkWritable()
            let league = try UnitLeague.load(path: scenario)
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
                let part = try league.runShard(units: listed, shard: i, of: n, paths: simulation.paths, seed: simulation.seed,
                                               threads: simulation.resolvedThreads, progress: progress)
                finish()
                return try output.emit(try JSONValue(encoding: part).rendered())
            }
            let result = try league.run(units: listed, paths: simulation.paths, seed: simulation.seed, threads: simulation.resolvedThreads,
                                        progress: progress)
            finish()
            try Self.emitLeague(result, format: output.resolvedFormat(default: .table), chart: chart, quiet: quiet, emit: output.emit)
        }
    }

    /// Writes `result` in `format` through `emit`, with a ranked dot chart per target into `chart` when given: the one
    /// rendering of a league, shared by `run --by unit` and `merge`.
    static func emitLeague(_ result: LeagueResult, format: OutputFormat, chart: String?, quiet: Bool, emit: (String) throws -> Void) throws {
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
        var table = TextTable(headers: ["rank", "unit", "probability", "±mcse", "status", "median", "90% band", "shortfall", "share of gap"],
                              alignments: [.right, .left, .right, .right, .left, .right, .left, .right, .right])
        for r in t.rows {
            table.append([String(r.rank), r.unit, ResultText.number(r.probability, digits: 3), ResultText.number(r.mcse, digits: 3),
                          r.status.rawValue + (r.settled != nil ? " (settled)" : ""), leagueValue(r.median, t),
                          leagueValue(r.lower90, t) + "–" + leagueValue(r.upper90, t), shortfallText(r.shortfall, t),
                          r.shortfallShare.map { ResultText.number(100 * $0, digits: 1) + "%" } ?? ""])
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
            + "(each unit's seed derived from it and the unit's name), data to \(r.cutoff), horizon \(r.horizon)"
    }

    static func skippedLines(_ t: LeagueResult.TargetLeague, bullet: String) -> String {
        t.skipped.map { "\(bullet)skipped \($0.unit): \($0.reason)\n" }.joined()
    }

    static func leagueText(_ r: LeagueResult) -> String {
        var text = leagueHeader(r) + "\n"
        for t in r.targets {
            text += "\n" + leagueCaption(t) + "\n"
            if !t.rows.isEmpty { text += leagueTable(t).renderText() }
            text += skippedLines(t, bullet: "  ")
        }
        return text
    }

    static func leagueMarkdown(_ r: LeagueResult, charts: [String: String]) -> String {
        var text = "**" + leagueHeader(r) + "**\n"
        for t in r.targets {
            text += "\n### " + leagueCaption(t) + "\n\n"
            if !t.rows.isEmpty { text += leagueTable(t).renderMarkdown() }
            if let chart = charts[t.id] { text += "\n![\(t.id): units ranked by probability](\(chart))\n" }
            if !t.skipped.isEmpty { text += "\n" + skippedLines(t, bullet: "- ") }
        }
        return text
    }

    /// One CSV row per (target, unit), raw numbers (shares as fractions); skipped units with an empty rank and the reason.
    static func leagueCSV(_ r: LeagueResult) -> TextTable {
        var table = TextTable(headers: ["target", "indicator", "rank", "unit", "seed", "probability", "mcse", "status", "q05", "q25", "median",
                                        "q75", "q95", "shortfall", "shortfall_share", "skipped"])
        let seeds = Dictionary(r.units.map { ($0.unit, $0.seed) }, uniquingKeysWith: { a, _ in a })
        for t in r.targets {
            for row in t.rows {
                table.append([t.id, t.indicator, String(row.rank), row.unit, String(seeds[row.unit] ?? 0), ResultText.short(row.probability),
                              ResultText.short(row.mcse), row.status.rawValue, ResultText.short(row.lower90), ResultText.short(row.lower50),
                              ResultText.short(row.median), ResultText.short(row.upper50), ResultText.short(row.upper90),
                              ResultText.short(row.shortfall), row.shortfallShare.map { ResultText.short($0) } ?? "", ""])
            }
            for s in t.skipped {
                table.append([t.id, t.indicator, "", s.unit, seeds[s.unit].map { String($0) } ?? "", "", "", "skipped", "", "", "", "", "", "", "",
                              s.reason])
            }
        }
        return table
    }
}
