import Attain
import Foundation
import Testing

/// Awkward but legal numbers — constant series, all zeros, coverage already 100%, one point, huge counts, designs with
/// more parameters than points — give finite answers or a clear error, never NaN or infinity in an output.
@Suite("Numerical edge cases give finite answers or clear errors", .serialized)
struct BadInputNumericalEdgeTests {
    struct EdgeData: Sendable, CustomTestStringConvertible {
        var name: String
        var indicator: String
        var kind: String
        var csv: String
        var testDescription: String { name }
    }

    static func rows(_ indicator: String, _ values: [(Int, String)]) -> String {
        BadInputCorpus.header + values.map { "A,\(indicator),\($0.0),\($0.1)\n" }.joined()
    }

    static let data: [EdgeData] = [
        EdgeData(name: "constant level", indicator: "x", kind: "level", csv: rows("x", (2017...2024).map { ($0, "5,,") })),
        EdgeData(name: "all-zero counts", indicator: "c", kind: "count", csv: rows("c", (2017...2024).map { ($0, "0,,") })),
        EdgeData(name: "coverage already 100%", indicator: "s", kind: "share",
                 csv: rows("s", (2017...2024).map { ($0, ",\(40 + 5 * ($0 - 2017)),\(40 + 5 * ($0 - 2017))") })),
        EdgeData(name: "all-zero shares", indicator: "s", kind: "share", csv: rows("s", (2017...2024).map { ($0, ",0,50") })),
        EdgeData(name: "one point", indicator: "x", kind: "level", csv: rows("x", [(2024, "3,,")])),
        EdgeData(name: "two points", indicator: "x", kind: "level", csv: rows("x", [(2023, "3,,"), (2024, "4,,")])),
        EdgeData(name: "huge counts", indicator: "c", kind: "count",
                 csv: rows("c", (2017...2024).map { ($0, "\(1 << (40 + $0 - 2017)),,") })),
        EdgeData(name: "huge levels", indicator: "x", kind: "level", csv: rows("x", (2017...2024).map { ($0, "\(Double($0 - 2016) * 1e150),,") })),
        EdgeData(name: "tiny levels", indicator: "x", kind: "level", csv: rows("x", (2017...2024).map { ($0, "\(Double($0 - 2016) * 1e-300),,") })),
        EdgeData(name: "one jump", indicator: "x", kind: "level",
                 csv: rows("x", (2017...2024).map { ($0, ($0 == 2024 ? "1000000" : "1") + ",,") })),
        EdgeData(name: "quarters, constant", indicator: "x", kind: "level",
                 csv: BadInputCorpus.header + (0..<8).map { "A,x,\(2020 + $0 / 4)-Q\($0 % 4 + 1),7,,\n" }.joined()),
    ]

    static let models = ["auto", "linear", "exponential", "logistic", "gompertz", "richards", "poisson", "negative-binomial"]

    /// Runs attain in a fresh directory holding `d.csv`.
    static func attain(_ csv: String, _ arguments: [String]) throws -> AttainProcess.Outcome {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["d.csv": .text(csv)])
        return try AttainProcess.run(arguments.map { BadInputDirectory.substitute($0, directory: directory.path) })
    }

    /// Exit 0 with one finite JSON document, or exit 1 with an error message; nothing else.
    static func checkFiniteOrClearError(_ outcome: AttainProcess.Outcome, _ context: String) {
        #expect(outcome.status == 0 || outcome.status == 1, "\(context): exit \(outcome.status)\n\(outcome.standardError.prefix(1500))")
        if outcome.status == 0 {
            let found = NonFinite.find(in: outcome.standardOutput)
            #expect(found == nil, "\(context): output contains \(found ?? "")\n\(outcome.standardOutput.prefix(3000))")
            #expect((try? JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))) != nil,
                    "\(context): not one JSON document\n\(outcome.standardOutput.prefix(1000))")
        } else {
            #expect(outcome.standardError.contains("error: "), "\(context): no error message\n\(outcome.standardError.prefix(1000))")
            #expect(outcome.standardOutput.isEmpty, "\(context): printed a result and failed")
        }
    }

    @Test(arguments: data)
    func fitEveryModel(_ edge: EdgeData) throws {
        for model in Self.models {
            let outcome = try Self.attain(edge.csv, ["fit", "--data", "@/d.csv", "--indicator", edge.indicator, "--kind", edge.kind,
                                                     "--model", model, "--format", "json"])
            Self.checkFiniteOrClearError(outcome, "\(edge.name), \(model)")
        }
    }

    @Test(arguments: data)
    func backtest(_ edge: EdgeData) throws {
        let origin = edge.csv.contains("-Q") ? "2021-Q2" : "2022"
        let outcome = try Self.attain(edge.csv, ["backtest", "--data", "@/d.csv", "--indicator", edge.indicator, "--kind", edge.kind,
                                                 "--origin", origin, "--horizon", "2", "--quantiles", "0.05,0.5,0.95", "--format", "json"])
        Self.checkFiniteOrClearError(outcome, "\(edge.name), backtest")
        if outcome.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
           let forecasts = json["forecasts"] as? [[String: Any]] {
            for f in forecasts {
                let q = (f["quantiles"] as? [String: Double]) ?? [:]
                if let lo = q["0.05"], let mid = q["0.5"], let hi = q["0.95"] {
                    #expect(lo <= mid && mid <= hi, "\(edge.name): quantiles out of order \(q)")
                }
            }
        }
    }

    /// The same awkward series through the library: every fit's numbers are finite, or the fit says why it failed.
    @Test(arguments: data)
    func libraryFitsAreFiniteOrExplained(_ edge: EdgeData) throws {
        let kind = IndicatorKind(rawValue: edge.kind)!
        let dataSet = try DataSet.parse(text: edge.csv, source: "edge.csv", options: .init(kinds: [edge.indicator: kind]))
        let series = try dataSet.allSeries(indicator: edge.indicator)
        for model in Self.models {
            guard let choice = try? ModelChoice(word: model, kind: kind) else { continue }
            for outcome in FitBatch.fit(series, choice: choice, threads: 2) {
                guard let fit = outcome.fit else {
                    #expect(!(outcome.failure ?? "").isEmpty, "\(edge.name), \(model): failed without a reason")
                    continue
                }
                let numbers = fit.parameters + fit.standardErrors + fit.fitted + [fit.sigma ?? 0]
                let context = "\(edge.name), \(model): \(fit.parameterNames) = \(fit.parameters), se \(fit.standardErrors), sigma \(String(describing: fit.sigma))"
                let finite = numbers.allSatisfy { $0.isFinite }
                #expect(finite, "\(context)")
            }
        }
    }

    /// A scenario whose indicators are all awkward: the simulation still gives finite probabilities in [0, 1].
    @Test func aScenarioOfAwkwardSeriesRunsToFiniteProbabilities() throws {
        var csv = BadInputCorpus.header
        for y in 2019...2025 {
            let n = 40 + 5 * (y - 2019)
            csv += "D,cov,\(y),,\(n),\(n)\nD,zero,\(y),0,,\nD,flat,\(y),5,,\nD,huge,\(y),\(1_000_000_000_000 + (y - 2019) * 1_000_000_000),,\n"
        }
        let targets = """
            version: 1
            targets:
              - { id: E1, indicator: cov, kind: level-at-deadline, deadline: 2028, at-least: 90% }
              - { id: E2, indicator: zero, kind: cumulative-count, window: 2027-2030, at-least: 4 }
              - { id: E3, indicator: flat, kind: every-year, window: 2027-2030, at-least: 5 }
              - { id: E4, indicator: huge, kind: cumulative-flow, window: 2027-2030, at-least: 4000000000000 }

            """
        let scenario = """
            version: 1
            data: d.csv
            targets: t.yaml
            horizon: 2030
            cutoff: 2025-12-31
            indicators:
              - { name: cov, kind: share, model: auto }
              - { name: zero, kind: count, model: poisson }
              - { name: flat, kind: level, model: auto }
              - { name: huge, kind: count, model: auto }

            """
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(["d.csv": .text(csv), "t.yaml": .text(targets), "s.yaml": .text(scenario)])
        let outcome = try AttainProcess.run(["run", directory.file("s.yaml"), "--paths", "400", "--seed", "3", "--format", "json"])
        Self.checkFiniteOrClearError(outcome, "awkward scenario")
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let results = try #require(json["targets"] as? [[String: Any]])
        #expect(results.count == 4)
        for t in results {
            let p = try #require(t["probability"] as? Double), mcse = try #require(t["mcse"] as? Double)
            #expect((0...1).contains(p) && mcse >= 0 && mcse <= 0.5 / 400.0.squareRoot() + 1e-12, "\(t)")
        }
        // Coverage at 100% every year (40 of 40 … 70 of 70): the 90% target is all but certain. Not quite 1: n of n is
        // read as (n + ½)/(n + 1), and seventy enterprises cannot prove that none will ever lack a union.
        #expect((results.first { $0["id"] as? String == "E1" }?["probability"] as? Double ?? 0) > 0.95)
        // Nothing was ever founded: four new groups in four years is (nearly) impossible.
        #expect((results.first { $0["id"] as? String == "E2" }?["probability"] as? Double ?? 1) < 0.05)
    }

    /// A one-point series in a scenario is an input problem naming the indicator, not a crash or NaN.
    @Test func aOnePointSeriesInAScenarioIsAClearError() throws {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write([
            "d.csv": .text("unit,indicator,period,value\nD,one,2025,3\n"),
            "t.yaml": .text("version: 1\ntargets:\n  - { id: O1, indicator: one, kind: cumulative-count, window: 2027-2030, at-least: 4 }\n"),
            "s.yaml": .text("version: 1\ndata: d.csv\ntargets: t.yaml\nhorizon: 2030\ncutoff: 2025-12-31\nindicators:\n"
                            + "  - { name: one, kind: count, model: auto }\n"),
        ])
        let outcome = try AttainProcess.run(["run", directory.file("s.yaml"), "--paths", "100", "--format", "json"])
        Self.checkFiniteOrClearError(outcome, "one-point scenario")
        if outcome.status == 1 {
            #expect(outcome.standardError.contains("s.yaml:") && outcome.standardError.contains("one"))
        }
    }
}
