import Testing
@testable import AttainSimulation
import AttainTestSupport

@Suite struct ScenarioLoaderTests {
    static let data = "unit,indicator,period,value\nA,events,2024,3\nA,events,2025,2\n"
    static let good = """
        version: 1
        name: test
        data: data.csv
        targets: targets.yaml
        horizon: 2030
        cutoff: 2026-06-30
        indicators:
          - name: events
            kind: count
            model: poisson
        interventions:
          - id: more
            lever: rate-multiplier
            indicators: [events]
            from: 2027
            value: 1.5
        """

    func load(_ scenario: String, extra: [String: String] = [:]) throws -> Scenario {
        let dir = try RepositoryFiles.temporaryDirectory(["s.yaml": scenario, "data.csv": Self.data, "targets.yaml": "version: 1\n"]
                                                             .merging(extra) { $1 })
        return try ScenarioLoader.load(path: dir + "/s.yaml")
    }

    func error(_ scenario: String, extra: [String: String] = [:]) -> ConfigurationError? {
        do { _ = try load(scenario, extra: extra); return nil } catch let e as ConfigurationError { return e } catch { return nil }
    }

    @Test func readsAScenario() throws {
        let s = try load(Self.good)
        #expect(s.name == "test")
        #expect(s.horizon == 2030)
        #expect(s.cutoff == CutoffDate(year: 2026, month: 6, day: 30))
        #expect(s.indicators.map(\.name) == ["events"])
        #expect(s.indicators[0].kind == .count)
        #expect(s.interventions[0].lever == .rateMultiplier && s.interventions[0].value == 1.5)
        #expect(s.dataFiles.count == 1 && s.dataFiles[0].hasSuffix("/data.csv"))
    }

    @Test func unknownKeyIsNamedWithTheNearestKnownKey() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "horizon: 2030", with: "horizn: 2030")))
        #expect(e.key == "horizn")
        #expect(e.line == 5)
        #expect(e.hint?.contains("`horizon`") == true)
        #expect(e.file.hasSuffix("s.yaml"))
    }

    @Test func unknownNestedKeyHasItsPath() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "    model: poisson", with: "    modle: poisson")))
        #expect(e.key == "indicators[0].modle")
        #expect(e.hint?.contains("`model`") == true)
    }

    @Test func wrongTypeIsAnError() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "horizon: 2030", with: "horizon: soon")))
        #expect(e.key == "horizon")
        #expect(e.message.contains("whole number"))
        let f = try #require(error(Self.good.replacingOccurrences(of: "value: 1.5", with: "value: [1, 2]")))
        #expect(f.key == "interventions[0].value")
    }

    @Test func plannedEventsAreReadAndChecked() throws {
        let planned = Self.good.replacingOccurrences(of: "    model: poisson", with: "    model: planned\n    planned: 3\n    slip: 0.1")
        let s = try load(planned)
        #expect(s.indicators[0].planned == 3 && s.indicators[0].slip == 0.1 && s.indicators[0].kind == .count)
        let missing = try #require(error(Self.good.replacingOccurrences(of: "    model: poisson", with: "    model: planned")))
        #expect(missing.key == "indicators[0]" && missing.message.contains("`planned`"))
        let stray = try #require(error(Self.good.replacingOccurrences(of: "    model: poisson", with: "    model: poisson\n    planned: 3")))
        #expect(stray.key == "indicators[0].planned" && stray.message.contains("only to `model: planned`"))
        let slip = try #require(error(planned.replacingOccurrences(of: "slip: 0.1", with: "slip: 1.5")))
        #expect(slip.key == "indicators[0].slip" && slip.line == 12)
        let share = try #require(error(planned.replacingOccurrences(of: "kind: count", with: "kind: share")))
        #expect(share.key == "indicators[0].kind")
    }

    @Test func newerSchemaIsRefused() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "version: 1", with: "version: 2")))
        #expect(e.key == "version")
        #expect(e.message.contains("version 2") && e.message.contains("up to version 1"))
        let missing = try #require(error(Self.good.replacingOccurrences(of: "version: 1\n", with: "")))
        #expect(missing.hint?.contains("version: 1") == true)
    }

    @Test func missingFilesAndIndicatorsAreNamed() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "data: data.csv", with: "data: nope.csv")))
        #expect(e.key == "data" && e.message.contains("nope.csv"))
        let t = try #require(error(Self.good.replacingOccurrences(of: "targets: targets.yaml", with: "targets: t.yaml")))
        #expect(t.key == "targets")
        let i = try #require(error(Self.good.replacingOccurrences(of: "indicators: [events]", with: "indicators: [event]")))
        #expect(i.key == "interventions[0].indicators[0]")
        #expect(i.hint?.contains("`events`") == true)
    }

    @Test func leverRulesAreChecked() throws {
        let shock = Self.good.replacingOccurrences(of: "lever: rate-multiplier", with: "lever: shock")
        #expect(error(shock)?.message.contains("fraction") == true)        // value 1.5 is not a fraction
        let prob = Self.good.replacingOccurrences(of: "value: 1.5", with: "value: 1.5\n    probability: 0.5")
        #expect(error(prob)?.message.contains("only a `shock`") == true)
        let lever = Self.good.replacingOccurrences(of: "lever: rate-multiplier", with: "lever: rate-multiplyer")
        #expect(error(lever)?.hint?.contains("rate-multiplier") == true)
    }

    @Test func extendsInheritsAndAddsInterventions() throws {
        let child = """
            version: 1
            extends: s.yaml
            interventions:
              - id: shock
                lever: shock
                indicators: events
                year: 2027
                value: 0.1
                probability: 0.5
            """
        let dir = try RepositoryFiles.temporaryDirectory(["s.yaml": Self.good, "c.yaml": child, "data.csv": Self.data,
                                                          "targets.yaml": "version: 1\n"])
        let s = try ScenarioLoader.load(path: dir + "/c.yaml")
        #expect(s.name == "c")
        #expect(s.horizon == 2030 && s.indicators.count == 1)
        #expect(s.interventions.map(\.id) == ["more", "shock"])
        #expect(s.interventions[1].probability == 0.5)
        let cycle = try RepositoryFiles.temporaryDirectory(["a.yaml": "version: 1\nextends: a.yaml\n"])
        #expect(throws: ConfigurationError.self) { try ScenarioLoader.load(path: cycle + "/a.yaml") }
    }

    @Test func shippedScenariosLoad() throws {
        for name in ["baseline", "union-drive-2026", "new-cluster-2027", "layoff-shock", "recruitment-at-hiring"] {
            let s = try ScenarioLoader.load(path: RepositoryFiles.path("scenarios/\(name).yaml"))
            #expect(s.indicators.count == 9, "\(name)")
            #expect(s.cutoff == CutoffDate(year: 2026, month: 6, day: 30))
        }
    }
}
