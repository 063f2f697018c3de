import AttainData
import AttainSimulation

/// What one `attain run` found: every target's probability, and each indicator's projection, with the settings needed
/// to reproduce it.
///
/// JSON (`paths`, `seed`, `targets[].id/probability/mcse/status/years[].period/probability` are the outer contract):
/// ```json
/// { "paths": 10000, "seed": 42, "targets": [ { "id": "P1-1a", "probability": 0.41, "mcse": 0.0049, "status": "at-risk",
///   "years": [ { "period": "2026", "probability": 0.41 } ] } ] }
/// ```
public struct RunResult: Sendable, Codable, Equatable {
    /// One indicator's history and projection.
    public struct IndicatorProjection: Sendable, Codable, Equatable {
        public var name: String
        public var kind: String
        /// The model used, in words (English).
        public var model: String
        /// The model used, in Vietnamese words (absent in results written before it existed: the briefing then shows
        /// the English).
        public var modelVi: String?
        /// What a reader should know of the fit (only three years of data, an assumed exit rate), in English and
        /// Vietnamese; absent when there is nothing to say. The same notes, in English, are among ``RunResult/warnings``.
        public var caveats: [LocalizedText]?
        /// Yearly values observed (yearly flows, or year-end levels; year-to-date when partial).
        public var history: [ObservedValue]
        /// Projection quantiles per simulated year (running totals from the first timeline year for flows).
        public var fan: [QuantileBand]
        /// Whether the projection rests on the unit's own schedule (`model: planned`) rather than on a fitted trend.
        public var restsOnPlan: Bool = false

        public init(name: String, kind: String, model: String, modelVi: String? = nil, caveats: [LocalizedText]? = nil,
                    history: [ObservedValue], fan: [QuantileBand], restsOnPlan: Bool = false) {
            (self.name, self.kind, self.model, self.modelVi, self.caveats, self.history, self.fan, self.restsOnPlan)
                = (name, kind, model, modelVi, caveats, history, fan, restsOnPlan)
        }

        /// Reads results written before `restsOnPlan`, `modelVi` and `caveats` existed (absent: false, nil, nil).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(name: try c.decode(String.self, forKey: .name), kind: try c.decode(String.self, forKey: .kind),
                      model: try c.decode(String.self, forKey: .model), modelVi: try c.decodeIfPresent(String.self, forKey: .modelVi),
                      caveats: try c.decodeIfPresent([LocalizedText].self, forKey: .caveats),
                      history: try c.decode([ObservedValue].self, forKey: .history),
                      fan: try c.decode([QuantileBand].self, forKey: .fan),
                      restsOnPlan: try c.decodeIfPresent(Bool.self, forKey: .restsOnPlan) ?? false)
        }
    }

    /// One intervention of the scenario.
    public struct InterventionSummary: Sendable, Codable, Equatable {
        public var id: String
        public var lever: Lever
        public var indicators: [String]
        public var from: Int
        public var to: Int?
        public var value: Double
        public var probability: Double?
        public var description: LocalizedText?
    }

    public var paths: Int
    public var seed: UInt64
    /// Scenario name and file.
    public var scenario: String
    public var file: String
    public var title: LocalizedText?
    /// The plan's title, from the targets file.
    public var plan: LocalizedText?
    /// Data cut-off date (`YYYY-MM-DD`).
    public var cutoff: CutoffDate
    public var firstYear: Int
    public var horizon: Int
    public var targets: [TargetResult]
    public var indicators: [IndicatorProjection]
    public var assumptions: [LocalizedText]
    public var interventions: [InterventionSummary]
    public var warnings: [String]
    /// The version of Attain that made the result (``AttainVersion/current``).
    public var version: String? = nil
    /// Short SHA-256 digests of every file read: scenario files (with the chain they extend), targets and data.
    public var inputs: [InputDigest]? = nil
}
