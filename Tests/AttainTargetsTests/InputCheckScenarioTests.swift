import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

/// `validate` on a scenario lists every independent problem of it, once each, with `run`'s messages; `run` (the
/// loader) still stops at the first.
@Suite struct InputCheckScenarioTests {
    static let data = "unit,indicator,period,value\nA,events,2024,3\nA,events,2025,2\n"

    /// Three independent problems: a horizon that is not a number (line 5), an unknown key in the second indicator
    /// (line 13), a negative rate multiplier (line 19).
    static let threeProblems = """
        version: 1
        name: test
        data: data.csv
        targets: targets.yaml
        horizon: soon
        cutoff: 2026-06-30
        indicators:
          - name: events
            kind: count
            model: poisson
          - name: members
            kind: share
            modle: auto
        interventions:
          - id: more
            lever: rate-multiplier
            indicators: [events]
            from: 2027
            value: -2
        """

    /// One problem (a one-year window, line 9) in the only indicator, which an intervention acts on.
    static let badIndicatorUsed = """
        version: 1
        data: data.csv
        targets: targets.yaml
        horizon: 2030
        cutoff: 2026-06-30
        indicators:
          - name: events
            kind: count
            window: 1
        interventions:
          - { id: more, lever: rate-multiplier, indicators: [events], from: 2027, value: 1.5 }
        """

    func directory(_ files: [String: String]) throws -> String {
        try RepositoryFiles.temporaryDirectory(["data.csv": Self.data, "targets.yaml": "version: 1\n"].merging(files) { $1 })
    }

    func problems(_ report: InputCheck.Report) -> [String] {
        report.problems.map { "\($0.line.map(String.init) ?? "-") \($0.key): \($0.message)" }
    }

    @Test func everyIndependentProblemIsListedWithItsLineAndKey() throws {
        let dir = try directory(["s.yaml": Self.threeProblems])
        let report = InputCheck.checkScenario(path: dir + "/s.yaml")
        #expect(problems(report) == [
            "5 horizon: expected a whole number, found `soon`",
            "13 indicators[1].modle: unknown key `modle`",
            "19 interventions[0].value: a rate multiplier cannot be negative",
        ])
        #expect(report.problems.allSatisfy { $0.file == dir + "/s.yaml" && $0.severity == "error" })
        #expect(report.problems[1].hint == "did you mean `model`?")
        #expect(report.hasErrors && report.summary == nil)
    }

    @Test func runStillStopsAtTheFirstProblemWithTheSameText() throws {
        let dir = try directory(["s.yaml": Self.threeProblems])
        let path = dir + "/s.yaml"
        #expect(throws: ConfigurationError(file: path, line: 5, key: "horizon", message: "expected a whole number, found `soon`")) {
            try ScenarioLoader.load(path: path)
        }
        do { _ = try ScenarioLoader.load(path: path) } catch {
            #expect(String(describing: error) == "\(path):5: `horizon`: expected a whole number, found `soon`")
        }
        // The first problem `check` lists is the one `load` throws.
        let (scenario, all) = ScenarioLoader.check(path: path)
        #expect(scenario == nil && all.count == 3)
        #expect(all.first as? ConfigurationError == ConfigurationError(file: path, line: 5, key: "horizon",
                                                                      message: "expected a whole number, found `soon`"))
    }

    @Test func aBadIndicatorItemDoesNotCascade() throws {
        let dir = try directory(["s.yaml": Self.badIndicatorUsed])
        let report = InputCheck.checkScenario(path: dir + "/s.yaml")
        // Not also "refers to indicator `events`, which the scenario does not define" nor "the scenario has no indicators".
        #expect(problems(report) == ["9 indicators[0].window: `window` is the number of recent years used to estimate rates; it must be at least 2"])
    }

    @Test func aBadBaseScenarioContributesItsProblemsOnce() throws {
        let base = Self.badIndicatorUsed.replacingOccurrences(of: "horizon: 2030", with: "horizon: 2030.5")
        let dir = try directory(["base.yaml": base, "s.yaml": """
            version: 1
            extends: base.yaml
            horizn: 2031
            interventions:
              - { id: less, lever: rate-multiplier, indicators: [events], from: 2028, value: 0.5 }
            """])
        let (scenario, all) = ScenarioLoader.check(path: dir + "/s.yaml")
        #expect(scenario == nil)
        #expect(all.map { e in (e as? ConfigurationError).map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0) \($0.key)" } } == [
            "s.yaml:3 horizn", "base.yaml:4 horizon", "base.yaml:9 indicators[0].window",
        ])
    }

    @Test func aCleanScenarioHasNoProblems() throws {
        let good = Self.threeProblems.replacingOccurrences(of: "horizon: soon", with: "horizon: 2030")
            .replacingOccurrences(of: "modle", with: "model").replacingOccurrences(of: "value: -2", with: "value: 1.5")
        let dir = try directory(["s.yaml": good])
        let (scenario, all) = ScenarioLoader.check(path: dir + "/s.yaml")
        #expect(all.isEmpty)
        #expect(scenario?.indicators.map(\.name) == ["events", "members"] && scenario?.interventions.count == 1)
    }

    @Test func aMisspeltRequiredKeyIsOneProblem() throws {
        let dir = try directory(["s.yaml": Self.badIndicatorUsed.replacingOccurrences(of: "horizon: 2030", with: "horizn: 2030")])
        let (_, all) = ScenarioLoader.check(path: dir + "/s.yaml")
        // The unknown `horizn` (did you mean `horizon`?), not also "missing required key `horizon`"; the window still listed.
        #expect(all.compactMap { ($0 as? ConfigurationError)?.key } == ["horizn", "indicators[0].window"])

        // A misspelt `extends`: not also the three keys a scenario of its own states, nor the base's indicators missing.
        let child = try directory(["s.yaml": "version: 1\nextend: base.yaml\ninterventions:\n"
                                       + "  - { id: x, lever: rate-multiplier, indicators: [events], from: 2028, value: 0.5 }\n"])
        #expect(ScenarioLoader.check(path: child + "/s.yaml").problems.compactMap { ($0 as? ConfigurationError)?.key } == ["extend"])
    }
}
