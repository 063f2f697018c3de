import AttainTargets

/// The unit-by-unit part of a briefing (`attain brief --by unit`), shared by the HTML and Markdown renderers: per
/// target with units, its rows in rank order with values on the target's display scale, the total's line and the
/// number of units meeting the target.
struct BriefingUnits {
    let language: ReportLanguage
    var words: BriefingWords { BriefingWords(language: language) }
    var format: NumberFormatting { NumberFormatting(language: language) }

    /// The targets that have at least one unit's row.
    static func shown(_ league: LeagueResult) -> [LeagueResult.TargetLeague] { league.targets.filter { !$0.rows.isEmpty } }

    /// Whether a target's table shows each row's own threshold (per-unit thresholds were given for it).
    static func ownThresholds(_ t: LeagueResult.TargetLeague) -> Bool {
        t.rows.contains { $0.threshold != nil } || t.total?.row?.threshold != nil
    }

    /// The headers of a target's table.
    func headers(_ t: LeagueResult.TargetLeague) -> [String] {
        [words.columnRank, words.columnUnitName] + (Self.ownThresholds(t) ? [words.columnOwnTarget] : [])
            + [words.columnProbability, words.columnStatusOnly, words.columnMedian, words.columnBand90]
    }

    /// One row's cells: rank (`Σ` for the total), unit, its own threshold (when shown), probability, status word, median
    /// and 90% band.
    func cells(_ row: LeagueResult.Row, _ t: LeagueResult.TargetLeague, rank: String, unit: String) -> [String] {
        [rank, unit] + (Self.ownThresholds(t) ? [value(row.threshold ?? t.threshold, t)] : [])
            + [words.probability(row.probability, format),
               BriefingTarget.statusWord(row.status, missed: row.settled == "missed", language: language),
               value(row.median, t), value(row.lower90, t) + "–" + value(row.upper90, t)]
    }

    /// The column of the status word.
    static func statusColumn(_ t: LeagueResult.TargetLeague) -> Int { ownThresholds(t) ? 4 : 3 }

    /// The table rows of a target: its units, then the total's line when there is one.
    func rows(_ t: LeagueResult.TargetLeague) -> [(cells: [String], total: Bool, status: String)] {
        var out = t.rows.map { r in (cells(r, t, rank: String(r.rank), unit: r.unit), false, statusClass(r)) }
        if let total = t.total, let r = total.row {
            out.append((cells(r, t, rank: "Σ", unit: words.totalName(total.name, units: total.units.count)), true, statusClass(r)))
        }
        return out
    }

    /// The notes under a target's table: the number of units meeting it, units without data, a total that could not
    /// be formed.
    func notes(_ t: LeagueResult.TargetLeague) -> [String] {
        var notes: [String] = []
        if let m = t.unitsMeeting { notes.append(words.unitsMeetingSentence(m, format)) }
        if !t.skipped.isEmpty { notes.append(words.skippedUnits(t.skipped.map(\.unit))) }
        if let total = t.total, let reason = total.reason { notes.append(words.noTotal(total.name, reason: reason)) }
        return notes
    }

    /// The target's caption: `P1-1b. <wording>`.
    func caption(_ t: LeagueResult.TargetLeague) -> String { "\(t.id). " + t.wording.text(language) }

    func statusClass(_ r: LeagueResult.Row) -> String { r.settled == "missed" ? "missed" : r.status.rawValue }

    /// A value on the target's display scale: shares and growth as percentages, changes of a share in points, counts and
    /// levels as numbers.
    func value(_ v: Double, _ t: LeagueResult.TargetLeague) -> String {
        switch t.kind {
        case .growthFromBase, .averageGrowth: return format.percent(v, fractionDigits: 1)
        case .changeFromBase, .averageChange:
            return t.isShare ? format.decimal(100 * v, fractionDigits: 1) + (language == .vi ? " điểm %" : " pp") : number(v)
        default: return t.isShare ? format.percent(v, fractionDigits: 1) : number(v)
        }
    }

    private func number(_ v: Double) -> String { format.decimal(v, fractionDigits: v == v.rounded() || abs(v) >= 100 ? 0 : 1) }
}
