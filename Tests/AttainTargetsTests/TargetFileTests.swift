import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

@Suite struct TargetFileTests {
    @Test func thePlanFileHasTheEighteenTargetsOfThePlan() throws {
        let file = try TargetFile.load(path: RepositoryFiles.path("scenarios/plan-targets.yaml"))
        #expect(file.targets.map(\.id) == ["P1-1a", "P1-1b", "P1-2", "P1-3", "P1-4", "P1-5", "P1-6", "P1-7", "P1-8",
                                           "P2-1a", "P2-1b", "P2-2a", "P2-2b", "P2-3", "P2-4", "P2-5", "P2-6", "P2-7"])
        for t in file.targets {
            #expect(t.wording.vi?.isEmpty == false && t.wording.en?.isEmpty == false, "\(t.id)")
        }
        let p26 = try #require(file.target("P2-6"))
        #expect(p26.comparison == .above && p26.threshold == 0.95 && p26.window == 2027...2030)
        #expect(p26.wording.vi?.contains("trên 95%") == true)
        let p27 = try #require(file.target("P2-7"))
        #expect(p27.kind == .range && p27.threshold == 2 && p27.stretch == 3)
        #expect(file.target("P1-1a")?.window == 2026...2026)
        #expect(file.target("P1-7")?.threshold == 13000)
    }

    func error(_ text: String) -> ConfigurationError? {
        do { _ = try TargetFile.parse(text, file: "t.yaml"); return nil } catch let e as ConfigurationError { return e } catch { return nil }
    }

    @Test func mistakesAreLocated() throws {
        let base = "version: 1\ntargets:\n  - id: A\n    indicator: x\n    kind: every-year\n    window: 2027-2030\n    at-least: 2\n"
        #expect(try TargetFile.parse(base, file: "t.yaml").targets[0].window == 2027...2030)
        let typo = try #require(error(base.replacingOccurrences(of: "at-least", with: "atleast")))
        #expect(typo.key == "targets[0].atleast" && typo.line == 7 && typo.hint?.contains("`at-least`") == true)
        let kind = try #require(error(base.replacingOccurrences(of: "every-year", with: "each-year")))
        #expect(kind.key == "targets[0].kind")
        let both = try #require(error(base + "    above: 3\n"))
        #expect(both.message.contains("not both"))
        let range = try #require(error(base.replacingOccurrences(of: "every-year", with: "range")))
        #expect(range.message.contains("stretch"))
        let dup = try #require(error(base + "  - id: A\n    indicator: y\n    kind: every-year\n    window: 2027-2030\n    at-least: 1\n"))
        #expect(dup.message.contains("twice"))
        let newer = try #require(error(base.replacingOccurrences(of: "version: 1", with: "version: 3")))
        #expect(newer.key == "version" && newer.message.contains("version 3"))
    }

    @Test func targetsAreCheckedAgainstTheScenario() throws {
        let model = TestModels.model(kind: .share, process: RandomWalkProcess(start: 0, drift: 0, sigma: 0.1, scale: .logit), observed: 0.5)
        var spec = TargetSpec(id: "S", indicator: "y", kind: .levelAtDeadline, threshold: 0.9, window: 2030...2030)
        #expect(throws: ConfigurationError.self) { try CompiledTarget(spec, models: [model]) }     // no indicator y
        spec.indicator = "x"
        spec.threshold = 90                                                                          // 90 is not a share
        #expect(throws: ConfigurationError.self) { try CompiledTarget(spec, models: [model]) }
        spec.threshold = 0.9
        spec.kind = .cumulativeCount                                                                 // shares are not summed
        spec.window = 2027...2030
        #expect(throws: ConfigurationError.self) { try CompiledTarget(spec, models: [model]) }
        spec.kind = .everyYear
        spec.window = 2027...2031                                                                    // past the horizon
        #expect(throws: ConfigurationError.self) { try CompiledTarget(spec, models: [model]) }
    }
}
