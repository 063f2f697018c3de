import AttainData
import AttainSimulation

/// What `attain run --by unit` found: for every target, a league table of units ranked by the probability of meeting
/// it, with each unit's projected value, its expected shortfall and (for counts) its share of the summed shortfall.
///
/// JSON (`version`, `seed`, `inputs` as in ``RunResult``):
/// ```json
/// { "paths": 10000, "seed": 42, "seedRule": "…", "units": [ { "unit": "KCN Hòa Phú", "seed": 1234… } ],
///   "targets": [ { "id": "P1-1a", "rows": [ { "rank": 1, "unit": "KCN Hòa Phú", "probability": 0.41, … } ],
///                  "skipped": [ { "unit": "…", "reason": "…" } ] } ] }
/// ```
public struct LeagueResult: Sendable, Codable, Equatable {
    /// One unit run: the unit and the seed its paths were drawn with (``UnitLeague/seed(for:runSeed:)``).
    public struct UnitRun: Sendable, Codable, Equatable {
        /// The unit's name, as in the data's `unit` column.
        public var unit: String
        /// The seed of the unit's paths.
        public var seed: UInt64
        /// The scenario's indicators left out for this unit because the data have none of its rows.
        public var droppedIndicators: [String]
    }

    /// A unit left out of a target's table, and why.
    public struct Skipped: Sendable, Codable, Equatable {
        /// The unit left out.
        public var unit: String
        /// Why, in words: `no data for `x``, or the error that stopped its run.
        public var reason: String
    }

    /// One unit's line in a target's league table.
    public struct Row: Sendable, Codable, Equatable {
        /// 1 for the unit most likely to meet the target.
        public var rank: Int
        /// The unit's name.
        public var unit: String
        /// Probability that the unit meets the target (as in ``TargetResult/probability``).
        public var probability: Double
        /// Monte Carlo standard error of `probability`.
        public var mcse: Double
        /// The status the probability gives (``TargetStatus``).
        public var status: TargetStatus
        /// `met` or `missed` when the unit's data alone settle the target.
        public var settled: String?
        /// Quantiles of the judged statistic (deadline value, window total, weakest year, growth…): 5%, 25%, 50%,
        /// 75%, 95%.
        public var lower90: Double
        public var lower50: Double
        public var median: Double
        public var upper50: Double
        public var upper90: Double
        /// The expected shortfall E[max(0, threshold − x)] (the mirror, E[max(0, x − threshold)], for at-most and
        /// below targets) of the judged statistic `x`.
        public var shortfall: Double
        /// The unit's own threshold, when per-unit thresholds (`--thresholds`) set one (nil: the targets file's).
        public var threshold: Double?
        /// For targets on counts and running totals: the unit's share of the shortfall summed over the table's units
        /// (nil for shares and levels, whose shortfalls do not add up, and when no unit falls short).
        public var shortfallShare: Double?

        /// A line of a league table.
        public init(rank: Int, unit: String, probability: Double, mcse: Double, status: TargetStatus, settled: String?, lower90: Double,
                    lower50: Double, median: Double, upper50: Double, upper90: Double, shortfall: Double, shortfallShare: Double?,
                    threshold: Double? = nil) {
            (self.rank, self.unit, self.probability, self.mcse, self.status, self.settled) = (rank, unit, probability, mcse, status, settled)
            (self.lower90, self.lower50, self.median, self.upper50, self.upper90) = (lower90, lower50, median, upper50, upper90)
            (self.shortfall, self.shortfallShare, self.threshold) = (shortfall, shortfallShare, threshold)
        }
    }

    /// The league table of one target.
    public struct TargetLeague: Sendable, Codable, Equatable {
        /// The target's identifier, e.g. `P1-1a`.
        public var id: String
        /// The indicator it is judged on.
        public var indicator: String
        /// The target's kind (`level-at-deadline`, `cumulative-count`, …).
        public var kind: TargetKind
        /// How the statistic is compared with the threshold.
        public var comparison: Comparison
        /// `≥`, `>`, `≤` or `<`.
        public var symbol: String
        /// The threshold (shares as fractions).
        public var threshold: Double
        /// First and last year of the window.
        public var from: Int
        public var to: Int
        /// The plan's wording, Vietnamese and English.
        public var wording: LocalizedText
        /// Whether the indicator is a share (values in [0, 1], shown as percentages).
        public var isShare: Bool
        /// Whether the indicator is a count or running total, so shortfalls add up across units.
        public var additive: Bool
        /// The shortfall summed over the table's units (additive targets only).
        public var totalShortfall: Double?
        /// Ranked by probability (highest first), then by shortfall (smallest first), then by unit.
        public var rows: [Row]
        /// The units not in the table, and why.
        public var skipped: [Skipped]
        /// With `--total`: the target judged on the sum of the units' own paths (nil without `--total`).
        public var total: Total?
        /// With `--units-meeting`: how many units meet the target, path by path (nil without it).
        public var unitsMeeting: UnitsMeeting?
    }

    /// A target about units: the number of units meeting a target on each path, and the probability that enough do.
    public struct UnitsMeeting: Sendable, Codable, Equatable {
        /// The share of units that must meet the target (1 = every unit).
        public var share: Double
        /// The number of units that must meet it: ⌈share × units⌉.
        public var needed: Int
        /// The units judged (those with a row in the table).
        public var units: Int
        /// Probability that at least `needed` units meet the target, and its Monte Carlo standard error.
        public var probability: Double
        public var mcse: Double
        /// Expected number of units meeting it (the sum of their probabilities).
        public var expected: Double
        /// 5%, 50% and 95% quantiles of the number of units meeting it.
        public var lower90: Int
        public var median: Int
        public var upper90: Int
    }

    /// A target judged on the total over the units, path by path (``UnitLeague/run(units:paths:seed:threads:total:progress:)``).
    public struct Total: Sendable, Codable, Equatable {
        /// The total's name, as given with `--total`.
        public var name: String
        /// The units summed (those with data for the target's indicator), by name.
        public var units: [String]
        /// The total's line (rank 0), as a unit's; nil when the total cannot be formed.
        public var row: Row?
        /// Why there is no total, when `row` is nil.
        public var reason: String?
    }

    /// Paths per unit.
    public var paths: Int
    /// The run's seed; each unit's seed is derived from it and the unit's name (`seedRule`).
    public var seed: UInt64
    /// How each unit's seed is derived, in words.
    public var seedRule: String
    /// The scenario's name and file.
    public var scenario: String
    public var file: String
    /// Data cut-off date and horizon year of the scenario.
    public var cutoff: CutoffDate
    public var horizon: Int
    /// The units run, in the order they were run (by name), with their seeds.
    public var units: [UnitRun]
    /// One league table per target of the targets file, in the file's order.
    public var targets: [TargetLeague]
    /// Warnings of the units' fits, each prefixed with the unit.
    public var warnings: [String]
    /// The per-unit thresholds file, when one was used.
    public var thresholdsFile: String?
    /// With a total: the share of each unit's paths drawn from the stream all units share (``SharedDraws``); nil without.
    public var sharedPaths: Double?
    /// The version of Attain that made the result (``AttainVersion/current``).
    public var version: String?
    /// Short SHA-256 digests of every file read.
    public var inputs: [InputDigest]?
}
