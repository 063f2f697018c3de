/// The checks that look across rows: duplicates, each kind's range, running totals, frequencies and gaps.
///
/// Frequencies (decided here, documented in notebooks-data/README.md): a series is read at its coarsest frequency.
/// Finer rows are legitimate partial-year detail when they fall after the last coarse row and do not complete a coarse
/// period (e.g. annual 2019–2025 plus 2026-Q1 and 2026-Q2 seen at a mid-year review). Finer rows for a period that has
/// a coarse row, that sit among the coarse rows, or that cover a whole coarse period without a coarse row, draw a
/// warning; so does a series mixing quarters and months.
struct SeriesChecks {
    let file: String
    private(set) var issues: [DataIssue] = []
    /// Lines of rows that an error keeps out.
    private(set) var badLines: Set<Int> = []

    init(file: String) { self.file = file }

    /// Runs every check over `rows` (the rows that passed the row checks), with each indicator's kind.
    ///
    /// `failed` holds the rows that failed a row check but had a readable unit, indicator and period: they count as
    /// present for the frequency and gap checks, so one bad value is not reported again as a gap.
    mutating func run(_ rows: [Observation], failed: [Observation] = [], kinds: [String: KindInference]) {
        // Each row's series is looked up once; later passes sort each series' rows by period, so a duplicate sits
        // next to the row it repeats (cheap at 100,000s of rows: no per-series dictionaries).
        // Row indices are 32-bit (half the memory at millions of rows); a file of 2³¹ rows would not fit in memory anyway.
        var index = [SeriesKey: Int](), keys = [SeriesKey](), members = [[Int32]]()
        func slot(_ row: Observation) -> Int {
            let key = SeriesKey(indicator: row.indicator, unit: row.unit)
            if let s = index[key] { return s }
            index[key] = keys.count
            keys.append(key)
            members.append([])
            return keys.count - 1
        }
        var seriesOf = [Int32](repeating: 0, count: rows.count)
        for (i, row) in rows.enumerated() {
            let s = slot(row)
            seriesOf[i] = Int32(s)
            members[s].append(Int32(i))
        }
        var isDuplicate = [Bool](repeating: false, count: rows.count)
        for s in members.indices {
            members[s].sort { (rows[Int($0)].period, rows[Int($0)].line) < (rows[Int($1)].period, rows[Int($1)].line) }
            var first = Int(members[s].first ?? 0)
            for m in members[s].dropFirst() {
                let i = Int(m)
                guard rows[i].period == rows[first].period else { first = i; continue }
                isDuplicate[i] = true
                let (row, line) = (rows[i], rows[first].line)
                add(.error, .duplicateRow, row.line, nil,
                    "duplicate row: \(row.unit) / \(row.indicator) / \(row.period) is also on line \(line)",
                    "keep one of the two rows (lines \(line) and \(row.line)), or correct the unit, indicator or period")
            }
        }
        let kindOf = keys.map { kinds[$0.indicator] }
        var reportedKind = Set<String>()
        for (i, row) in rows.enumerated() where !isDuplicate[i] {
            guard let inference = kindOf[Int(seriesOf[i])] else { continue }
            guard let kind = inference.kind else {
                if reportedKind.insert(row.indicator).inserted {
                    add(.warning, .ambiguousKind, row.line, "indicator",
                        "cannot tell what kind of indicator \"\(row.indicator)\" is (\(inference.reason))",
                        "state it, e.g. --kind \(row.indicator)=count (share, count, cumulative or level); range checks were skipped")
                }
                continue
            }
            checkRange(row, kind)
        }
        // Rows present for the frequency and gap checks, as indices into `pool` in period order: the unique rows, and
        // failed rows for periods that have no other row.
        // (The members themselves, shared, when no row is a duplicate: the usual case, and no copy of millions of indices.)
        var present = isDuplicate.contains(true) ? members.map { $0.filter { !isDuplicate[Int($0)] } } : members
        var pool = rows
        for row in failed {
            let s = slot(row)
            while present.count <= s { present.append([]) }
            guard !present[s].contains(where: { pool[Int($0)].period == row.period }) else { continue }
            pool.append(row)
            present[s].append(Int32(pool.count - 1))
            present[s].sort { pool[Int($0)].period < pool[Int($1)].period }
        }
        for s in keys.indices.sorted(by: { (keys[$0].indicator, keys[$0].unit) < (keys[$1].indicator, keys[$1].unit) }) {
            let kind = s < kindOf.count ? kindOf[s]?.kind : kinds[keys[s].indicator]?.kind
            checkFrequencies(present[s].lazy.map { pool[Int($0)] }, keys[s], isFlow: kind == .count)
            if kind == .cumulative, s < members.count {
                let good = members[s].filter { !isDuplicate[Int($0)] && !badLines.contains(rows[Int($0)].line) }.map { rows[Int($0)] }
                if !good.isEmpty { checkRunningTotal(good, keys[s]) }
            }
        }
    }

    private struct SeriesKey: Hashable { var indicator: String, unit: String }

    private mutating func add(_ severity: DataIssue.Severity, _ code: DataIssue.Code, _ line: Int, _ column: String?,
                              _ message: String, _ hint: String) {
        issues.append(DataIssue(severity, code, file: file, line: line, column: column, message: message, hint: hint))
        if severity == .error { badLines.insert(line) }
    }

    private mutating func checkRange(_ row: Observation, _ kind: IndicatorKind) {
        let v = row.value
        var shown: String { format(v) }
        switch kind {
        case .share:
            if v < 0 || v > 1 {
                let hint = v >= 5 && v <= 100
                    ? "write shares as fractions in [0, 1]: \(format(v / 100)) for \(shown) %"
                    : "a share lies between 0 and 1; if \(row.indicator) is not a share, state its kind (--kind \(row.indicator)=level)"
                add(.error, .shareOutOfRange, row.line, "value", "share \(shown) is outside [0, 1]", hint)
            }
        case .count, .cumulative:
            let what = kind == .count ? "a count" : "a running total"
            if v < 0 {
                add(.error, .negativeValue, row.line, "value", "\(what) cannot be negative (\(shown))",
                    "counts are zero or more: check the sign, or state another kind (--kind \(row.indicator)=level)")
            } else if v != v.rounded() && row.extra["apportioned"]?.lowercased() != "true" {
                // A row marked apportioned (`attain regroup`) holds a split unit's part of a count: a fraction.
                add(.error, .notWholeNumber, row.line, "value", "\(what) must be a whole number (\(shown))",
                    "write the number of things counted; if this is an average or a share, state its kind (--kind \(row.indicator)=level)")
            }
        case .level:
            if v < 0 {
                add(.warning, .negativeValue, row.line, "value", "level \(shown) is negative",
                    "levels are usually positive quantities: check the sign")
            }
        }
    }

    private mutating func checkRunningTotal(_ rows: [Observation], _ key: SeriesKey) {
        let ordered = rows.sorted { $0.period.endTime < $1.period.endTime }
        for (before, after) in zip(ordered, ordered.dropFirst()) where after.period.endTime > before.period.endTime && after.value < before.value {
            add(.error, .decreasingCumulative, after.line, "value",
                "running total \(key.unit) / \(key.indicator) falls from \(format(before.value)) (\(before.period), line \(before.line)) to \(format(after.value)) (\(after.period))",
                "a cumulative total never decreases: correct the row, or state --kind \(key.indicator)=count if the values are per-period numbers")
        }
    }

    private mutating func checkFrequencies(_ rows: some RandomAccessCollection<Observation>, _ key: SeriesKey, isFlow: Bool) {
        if let f = rows.first?.period.frequency, rows.allSatisfy({ $0.period.frequency == f }) {  // the usual case
            checkGaps(rows, key)
            return
        }
        let byFrequency = Dictionary(grouping: rows, by: \.period.frequency)
        let coarse = byFrequency.keys.min()!
        let coarseRows = byFrequency[coarse]!
        checkGaps(coarseRows, key)
        let finer = rows.filter { $0.period.frequency != coarse }
        guard let fine = finer.first?.period.frequency else { return }
        let lines = { (rows: [Observation]) in (rows.count == 1 ? "line " : "lines ") + rows.map { String($0.line) }.joined(separator: ", ") }
        let article = { (word: String) in ("aeiou".contains(word.first!) ? "an " : "a ") + word }
        let describe = { (rows: [Observation]) in rows.count == 1 ? article(fine.name) + " row" : fine.name + " rows" }
        if byFrequency.count > 2 {
            add(.warning, .mixedFrequency, finer[0].line, nil,
                "\(key.unit) / \(key.indicator) mixes \(byFrequency.keys.sorted().map(\.name).joined(separator: ", ")) rows",
                "keep one frequency per series, plus at most one partial year of finer rows at its end; \(coarse.name) rows are used")
            return
        }
        let lastCoarse = coarseRows.last!
        let perCoarse = fine.rawValue / coarse.rawValue
        let groups = Dictionary(grouping: finer) { container(of: $0.period, at: coarse) }
        for period in groups.keys.sorted() {
            let group = groups[period]!
            if let match = coarseRows.first(where: { $0.period == period }) {
                add(.warning, .mixedFrequency, group[0].line, nil,
                    "\(key.unit) / \(key.indicator): \(period) has \(article(coarse.name)) row (line \(match.line)) and \(describe(group)) (\(lines(group)))",
                    "keep one frequency per series (the \(coarse.name) row is used); put the \(fine.name) detail under another indicator name")
            } else if period < lastCoarse.period {
                add(.warning, .mixedFrequency, group[0].line, nil,
                    "\(key.unit) / \(key.indicator): \(describe(group)) for \(period) (\(lines(group))) among the \(coarse.name) rows",
                    "give \(period) \(article(coarse.name)) row instead; only the last, incomplete period may be given in \(fine.name) detail")
            } else if Set(group.map(\.period)).count == perCoarse {
                add(.warning, .mixedFrequency, group[0].line, nil,
                    "\(key.unit) / \(key.indicator): \(fine.name) rows cover all of \(period) (\(lines(group))) but there is no \(coarse.name) row for it",
                    "add \(article(coarse.name)) row for \(period) (the total for a flow, the end-of-period value for a stock)")
            }
        }
        let trailing = finer.filter { container(of: $0.period, at: coarse) > lastCoarse.period }
        checkGaps(trailing, key)
        if let first = trailing.first {
            let firstContainer = container(of: first.period, at: coarse)
            let missing = lastCoarse.period.distance(to: firstContainer) - 1
            if missing > 0 { reportGap(from: lastCoarse, to: first, missing: missing, at: coarse, key) }
            // A flow's partial year must start at the beginning of the year, or its total so far is incomplete.
            let start = firstStep(of: firstContainer, at: fine)
            let skipped = start.distance(to: first.period)
            if isFlow && skipped > 0 {
                let span = skipped == 1 ? "no row for \(start)" : "no rows for \(start) to \(start.advanced(by: skipped - 1))"
                add(.warning, .gap, first.line, nil,
                    "\(key.unit) / \(key.indicator): \(span) before \(first.period) (line \(first.line)), so \(firstContainer) so far is incomplete",
                    "add the missing \(skipped == 1 ? "period" : "periods") (0 if nothing happened)")
            }
        }
    }

    private mutating func checkGaps(_ rows: some Collection<Observation>, _ key: SeriesKey) {
        for (a, b) in zip(rows, rows.dropFirst()) {
            let missing = a.period.distance(to: b.period) - 1
            if missing > 0 { reportGap(from: a, to: b, missing: missing, at: a.period.frequency, key) }
        }
    }

    private mutating func reportGap(from a: Observation, to b: Observation, missing: Int, at frequency: Period.Frequency, _ key: SeriesKey) {
        let start = container(of: a.period, at: frequency).advanced(by: 1)
        let span = missing == 1 ? "no row for \(start)" : "no rows for \(start) to \(start.advanced(by: missing - 1))"
        add(.warning, .gap, b.line, nil,
            "\(key.unit) / \(key.indicator): \(span) (between \(a.period) on line \(a.line) and \(b.period) on line \(b.line))",
            missing == 1 ? "add the missing period if it was measured; otherwise models treat it as missing"
                         : "add the missing periods if they were measured; otherwise models treat them as missing")
    }

    /// The first period at the finer `frequency` inside `coarse` (`2026` → `2026-Q1`).
    private func firstStep(of coarse: Period, at frequency: Period.Frequency) -> Period {
        switch frequency {
        case .year: return coarse
        case .quarter: return .quarter(coarse.year, coarse.frequency == .year ? 1 : coarse.position)
        case .month: return .month(coarse.year, coarse.frequency == .year ? 1 : (coarse.position - 1) * 3 + 1)
        }
    }

    /// The period at the coarser `frequency` that contains `p` (`2026-Q2` → `2026`).
    private func container(of p: Period, at frequency: Period.Frequency) -> Period {
        switch frequency {
        case .year: return .year(p.year)
        case .quarter: return p.frequency == .month ? .quarter(p.year, (p.position - 1) / 3 + 1) : p
        case .month: return p
        }
    }
}
