import AttainData
import AttainSimulation
import Foundation

/// One shard of a `run --by unit`: the outcomes of its share of the units and what `attain merge` needs to rebuild the
/// whole ``LeagueResult`` from all shards, byte for byte as one run gives it.
///
/// Units are shared out by their position in the run's order (sorted by name, as one run sorts them): shard `i` of `n`
/// takes the units at positions `i − 1`, `i − 1 + n`, `i − 1 + 2n`, … (1-based `i`), so every shard gets about the same
/// number of units and the split depends on nothing but the unit list. Each unit's numbers depend only on the run seed
/// and its name (``UnitLeague/seed(for:runSeed:)``), so a shard computes exactly the rows the one run computes for those
/// units; ranks and shares of the summed shortfall, which depend on every unit, are recomputed by ``merge(_:)``.
///
/// JSON (written by `attain run --by unit --shard i/n`):
/// ```json
/// { "format": "attain-league-shard", "formatVersion": 1, "shard": 2, "of": 3,
///   "run": { "paths": 10000, "seed": 42, "units": ["…every unit of the run…"], "targets": [ … ], "inputs": [ … ], … },
///   "outcomes": [ { "unit": "…", "run": { "seed": …, … }, "entries": [ { "target": 0, "row": { … } } ] } ] }
/// ```
/// Numbers in `row` are written in the shortest form that reads back to the same double, so a merged result is
/// bit-identical to the one run's.
public struct LeagueShard: Sendable, Codable, Equatable {
    /// The value of `format`, which marks a file as a shard.
    public static let formatName = "attain-league-shard"
    /// The shard format's version; ``merge(_:)`` refuses others.
    public static let currentFormatVersion = 1

    /// What every shard of one run shares; ``merge(_:)`` refuses shards whose runs differ.
    public struct Run: Sendable, Codable, Equatable {
        /// Paths per unit.
        public var paths: Int
        /// The run's seed.
        public var seed: UInt64
        /// How each unit's seed is derived (``UnitLeague/seedRule``).
        public var seedRule: String
        /// The scenario's name and file.
        public var scenario: String
        public var file: String
        /// Data cut-off date and horizon year.
        public var cutoff: CutoffDate
        public var horizon: Int
        /// The version of Attain that ran the shard.
        public var version: String?
        /// Short SHA-256 digests of every file read.
        public var inputs: [InputDigest]?
        /// Every unit of the whole run, in its order; the shards share these out.
        public var units: [String]
        /// Every target's league heading (rows and skipped units empty), in the targets file's order.
        public var targets: [LeagueResult.TargetLeague]
        /// The per-unit thresholds file, when one was used (`--thresholds`).
        public var thresholdsFile: String?
    }

    /// What one unit's run gave: its seed (nil when its run could not be compiled) and, per target, its row or why it
    /// was skipped.
    public struct UnitOutcome: Sendable, Codable, Equatable {
        /// One target's result for the unit.
        public struct Entry: Sendable, Equatable {
            /// The target's position in the targets file.
            public var target: Int
            /// The unit's row (rank 0 and no shortfall share until merged), or nil when skipped.
            public var row: LeagueResult.Row?
            /// Whether the target's indicator is a share, and a count or running total, in the unit's model.
            public var isShare: Bool
            public var additive: Bool
            /// Why the unit was skipped for the target, when it was.
            public var skipped: String?
        }

        /// The unit.
        public var unit: String
        /// The unit's seed and dropped indicators; nil when its run could not be compiled (every target skipped).
        public var run: LeagueResult.UnitRun?
        /// Warnings of the unit's fits, prefixed with the unit.
        public var warnings: [String]
        /// The unit's entries: skipped targets first, in the file's order, then rows in the file's order.
        public var entries: [Entry]
    }

    /// `attain-league-shard`.
    public var format: String
    /// ``currentFormatVersion`` when written.
    public var formatVersion: Int
    /// This shard's number, 1…`of`.
    public var shard: Int
    /// The number of shards of the run.
    public var of: Int
    /// The run every shard belongs to.
    public var run: Run
    /// The outcomes of this shard's units, in the run's order.
    public var outcomes: [UnitOutcome]

    /// The units of shard `shard` (1-based) of `count` among `units` (in the run's order): positions `shard − 1`,
    /// `shard − 1 + count`, ….
    public static func units(of units: [String], shard: Int, count: Int) -> [String] {
        precondition(shard >= 1 && shard <= count, "shard \(shard) of \(count)")
        return stride(from: shard - 1, to: units.count, by: count).map { units[$0] }
    }

    /// The whole run's result from all its shards, each with the file it was read from (named in errors).
    ///
    /// Throws ``LeagueShardError`` when a shard is missing or given twice, when shards come from different runs
    /// (scenario, inputs, seed, paths, units, targets or shard count differ), or when a shard's units are not its share.
    public static func merge(_ shards: [(file: String, shard: LeagueShard)]) throws -> LeagueResult {
        guard let first = shards.first else { throw LeagueShardError("no shard files given; name every shard of the run") }
        for (file, s) in shards {
            guard s.format == formatName else {
                throw LeagueShardError("\(file): not a shard file (its `format` is `\(s.format)`, not `\(formatName)`); "
                                       + "write shards with `attain run SCENARIO --by unit --shard i/n`")
            }
            guard s.formatVersion == currentFormatVersion else {
                throw LeagueShardError("\(file): shard format version \(s.formatVersion), this Attain reads version \(currentFormatVersion); "
                                       + "run and merge the shards with the same Attain")
            }
        }
        for (file, s) in shards.dropFirst() {
            if s.of != first.shard.of {
                throw LeagueShardError("\(first.file) is shard \(first.shard.shard)/\(first.shard.of) but \(file) is shard \(s.shard)/\(s.of): "
                                       + "the shards come from runs split differently; merge the shards of one run")
            }
            if let field = first.shard.run.firstDifference(from: s.run) {
                throw LeagueShardError("\(first.file) and \(file) come from different runs (their \(field) differ); "
                                       + "merge the shards of one run, made with the same scenario, data, seed and paths")
            }
        }
        let count = first.shard.of
        if Set(first.shard.run.units).count != first.shard.run.units.count {
            throw LeagueShardError("\(first.file): its unit list names a unit twice (a damaged shard file); rerun the shards")
        }
        var byNumber: [Int: String] = [:]
        for (file, s) in shards {
            guard s.shard >= 1 && s.shard <= s.of else {
                throw LeagueShardError("\(file): shard number \(s.shard) is outside 1…\(s.of)")
            }
            if let other = byNumber[s.shard] {
                throw LeagueShardError("shard \(s.shard)/\(count) is given twice: \(other) and \(file); give each shard once")
            }
            byNumber[s.shard] = file
            let expected = units(of: first.shard.run.units, shard: s.shard, count: count)
            if s.outcomes.map(\.unit) != expected {
                throw LeagueShardError("\(file): its units are not shard \(s.shard)/\(count)'s share of the run's units; "
                                       + "rerun that shard")
            }
            for o in s.outcomes {
                for e in o.entries where e.target < 0 || e.target >= first.shard.run.targets.count || (e.row == nil) == (e.skipped == nil) {
                    throw LeagueShardError("\(file): unit `\(o.unit)` has an unreadable entry for target \(e.target); rerun that shard")
                }
            }
        }
        let missing = (1...count).filter { byNumber[$0] == nil }
        if !missing.isEmpty {
            throw LeagueShardError("missing shard\(missing.count == 1 ? "" : "s") "
                                   + missing.map { "\($0)/\(count)" }.joined(separator: ", ")
                                   + " of the run of \(first.file) (given: " + shards.map(\.file).joined(separator: ", ")
                                   + "); run the missing shards and merge them all")
        }
        let position = Dictionary(uniqueKeysWithValues: first.shard.run.units.enumerated().map { ($1, $0) })
        let outcomes = shards.flatMap(\.shard.outcomes).sorted { position[$0.unit]! < position[$1.unit]! }
        return first.shard.run.assemble(outcomes)
    }
}

/// Why shards could not be merged; the message names the files and says what to do.
public struct LeagueShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message.
    public var description: String
    /// An error with `description` as its message.
    public init(_ description: String) { self.description = description }
}

extension LeagueShard.Run {
    /// The name of the first field in which `other` differs from this run, or nil when they are the same run.
    func firstDifference(from other: Self) -> String? {
        if scenario != other.scenario || file != other.file { return "scenario" }
        if inputs != other.inputs { return "input files (their SHA-256 digests)" }
        if seed != other.seed { return "seeds (\(seed) and \(other.seed))" }
        if paths != other.paths { return "paths (\(paths) and \(other.paths))" }
        if version != other.version { return "Attain versions" }
        if units != other.units { return "unit lists" }
        if targets != other.targets { return "targets" }
        if self != other { return "seed rules, cut-offs or horizons" }
        return nil
    }

    /// The league of the whole run from the outcomes of its units, in the run's order: the one place that ranks units
    /// and shares out shortfalls, used by a single run and by a merge alike.
    func assemble(_ outcomes: [LeagueShard.UnitOutcome]) -> LeagueResult {
        var rowsByTarget = Array(repeating: [LeagueResult.Row](), count: targets.count)
        var skippedByTarget = Array(repeating: [LeagueResult.Skipped](), count: targets.count)
        var isShare = Array(repeating: false, count: targets.count), additive = isShare
        var runs: [LeagueResult.UnitRun] = [], warnings: [String] = []
        for o in outcomes {
            if let run = o.run { runs.append(run) }
            warnings += o.warnings
            for e in o.entries {
                if let row = e.row {
                    rowsByTarget[e.target].append(row)
                    (isShare[e.target], additive[e.target]) = (e.isShare, e.additive)
                } else if let reason = e.skipped {
                    skippedByTarget[e.target].append(.init(unit: o.unit, reason: reason))
                }
            }
        }
        let leagues = targets.enumerated().map { t, head -> LeagueResult.TargetLeague in
            var rows = rowsByTarget[t].sorted {
                ($0.probability, -$0.shortfall) != ($1.probability, -$1.shortfall)
                    ? ($0.probability, -$0.shortfall) > ($1.probability, -$1.shortfall) : $0.unit < $1.unit
            }
            let total = rows.reduce(0) { $0 + $1.shortfall }
            for i in rows.indices {
                rows[i].rank = i + 1
                if additive[t] && total > 0 { rows[i].shortfallShare = rows[i].shortfall / total }
            }
            var league = head
            (league.isShare, league.additive, league.totalShortfall) = (isShare[t], additive[t], additive[t] ? total : nil)
            (league.rows, league.skipped) = (rows, skippedByTarget[t])
            return league
        }
        return LeagueResult(paths: paths, seed: seed, seedRule: seedRule, scenario: scenario, file: file, cutoff: cutoff, horizon: horizon,
                            units: runs, targets: leagues, warnings: warnings, thresholdsFile: thresholdsFile, version: version, inputs: inputs)
    }
}

/// Shard entries keep every double exactly: finite values as JSON numbers in their shortest round-trip form, NaN and
/// infinities (which JSON numbers cannot hold) as the strings `nan`, `inf`, `-inf`, and negative zero (which JSON output
/// writes as `0`) as `-0`.
extension LeagueShard.UnitOutcome.Entry: Codable {
    private enum Keys: String, CodingKey { case target, row, isShare, additive, skipped }
    private enum RowKeys: String, CodingKey {
        case unit, probability, mcse, status, settled, lower90, lower50, median, upper50, upper90, shortfall, threshold
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        target = try c.decode(Int.self, forKey: .target)
        isShare = try c.decodeIfPresent(Bool.self, forKey: .isShare) ?? false
        additive = try c.decodeIfPresent(Bool.self, forKey: .additive) ?? false
        skipped = try c.decodeIfPresent(String.self, forKey: .skipped)
        guard c.contains(.row) else { row = nil; return }
        let r = try c.nestedContainer(keyedBy: RowKeys.self, forKey: .row)
        func number(_ key: RowKeys) throws -> Double {
            if let v = try? r.decode(Double.self, forKey: key) { return v }
            let text = try r.decode(String.self, forKey: key)
            guard let v = Double(text), !v.isFinite || v == 0 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: r, debugDescription: "`\(text)` is not a number")
            }
            return v
        }
        row = LeagueResult.Row(rank: 0, unit: try r.decode(String.self, forKey: .unit), probability: try number(.probability),
                               mcse: try number(.mcse), status: try r.decode(TargetStatus.self, forKey: .status),
                               settled: try r.decodeIfPresent(String.self, forKey: .settled), lower90: try number(.lower90),
                               lower50: try number(.lower50), median: try number(.median), upper50: try number(.upper50),
                               upper90: try number(.upper90), shortfall: try number(.shortfall), shortfallShare: nil,
                               threshold: r.contains(.threshold) ? try number(.threshold) : nil)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(target, forKey: .target)
        try c.encodeIfPresent(skipped, forKey: .skipped)
        guard let row else { return }
        try c.encode(isShare, forKey: .isShare)
        try c.encode(additive, forKey: .additive)
        var r = c.nestedContainer(keyedBy: RowKeys.self, forKey: .row)
        func number(_ v: Double, _ key: RowKeys) throws {
            if v.isFinite && !(v == 0 && v.sign == .minus) { return try r.encode(v, forKey: key) }
            try r.encode(v.isNaN ? "nan" : v == 0 ? "-0" : v > 0 ? "inf" : "-inf", forKey: key)
        }
        try r.encode(row.unit, forKey: .unit)
        try number(row.probability, .probability)
        try number(row.mcse, .mcse)
        try r.encode(row.status, forKey: .status)
        try r.encodeIfPresent(row.settled, forKey: .settled)
        try number(row.lower90, .lower90)
        try number(row.lower50, .lower50)
        try number(row.median, .median)
        try number(row.upper50, .upper50)
        try number(row.upper90, .upper90)
        try number(row.shortfall, .shortfall)
        if let threshold = row.threshold { try number(threshold, .threshold) }
    }
}
