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
        #expect(newer.key == "version" && newer.line == 1
                && newer.message == "written for a newer Attain (targets schema 3; this Attain reads up to 2) — upgrade Attain")
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

    // MARK: Schema version 2

    /// A version-2 file with one target whose body lines are `body`.
    func v2(_ body: String, version: Int = 2) -> String {
        "version: \(version)\ntargets:\n  - id: T\n    indicator: x\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
    }

    @Test func version2FormsAreRead() throws {
        let reduction = try TargetFile.parse(v2("kind: level-at-deadline\ndeadline: 2030\nbelow: 1%"), file: "t.yaml")
        #expect(reduction.version == 2)
        let r = reduction.targets[0]
        #expect(r.comparison == .below && r.threshold == 0.01 && r.window == 2030...2030 && r.usesSchema2 && r.comparison.symbol == "<")
        let cap = try TargetFile.parse(v2("kind: every-year\nwindow: 2026-2030\nat-most: 2"), file: "t.yaml").targets[0]
        #expect(cap.comparison == .atMost && cap.threshold == 2 && cap.comparison.isUpperBound)

        let growth = try TargetFile.parse(v2("kind: growth-from-base\nbase: 2023\ndeadline: 2030\nat-least: 20%"), file: "t.yaml").targets[0]
        #expect(growth.kind == .growthFromBase && growth.base == 2023 && growth.baseYear == 2023 && growth.window == 2023...2030
                && growth.threshold == 0.2)
        let fall = try TargetFile.parse(v2("kind: growth-from-base\nbase: 2023\ndeadline: 2030\nat-most: -30%"), file: "t.yaml").targets[0]
        #expect(fall.threshold == -0.3 && fall.comparison == .atMost)

        for text in ["10pp", "10 điểm", "10 điểm %", "10,0 pp"] {
            let change = try TargetFile.parse(v2("kind: change-from-base\nbase: 2020\ndeadline: 2030\nat-least: \(text)"), file: "t.yaml").targets[0]
            #expect(change.kind == .changeFromBase && abs(change.threshold - 0.10) < 1e-15 && change.inPoints, "\(text)")
        }
        let average = try TargetFile.parse(v2("kind: average-change\nwindow: 2025-2030\nat-most: -1pp\nstretch: -1.5pp"), file: "t.yaml").targets[0]
        #expect(average.kind == .averageChange && average.window == 2025...2030 && average.baseYear == 2025
                && abs(average.threshold + 0.01) < 1e-15 && abs(average.stretch! + 0.015) < 1e-15)
        let avgGrowth = try TargetFile.parse(v2("kind: average-growth\nwindow: 2025-2030\nat-least: 5%"), file: "t.yaml").targets[0]
        #expect(avgGrowth.kind == .averageGrowth && avgGrowth.threshold == 0.05 && avgGrowth.base == nil && avgGrowth.baseYear == 2025)
        let range = try TargetFile.parse(v2("kind: range\nwindow: 2026-2030\nat-most: 3\nstretch: 2"), file: "t.yaml").targets[0]
        #expect(range.kind == .range && range.threshold == 3 && range.stretch == 2)
    }

    @Test func milestonesExpandIntoConsecutiveTargets() throws {
        let text = "version: 2\ntargets:\n  - id: R28-1\n    indicator: si_coverage\n    kind: level-at-deadline\n"
            + "    at-least: { 2030: 60%, 2021: 35%, 2025: 45% }\n    wording: { vi: \"khoảng 35%, 45%, 60%\" }\n"
            + "  - id: Z\n    indicator: y\n    kind: level-at-deadline\n    deadline: 2030\n    at-least: 1\n"
        let file = try TargetFile.parse(text, file: "t.yaml")
        #expect(file.targets.map(\.id) == ["R28-1@2021", "R28-1@2025", "R28-1@2030", "Z"])
        #expect(file.targets.map(\.threshold) == [0.35, 0.45, 0.60, 1])
        #expect(file.targets.prefix(3).allSatisfy { $0.milestoneOf == "R28-1" && $0.wording.vi == "khoảng 35%, 45%, 60%" })
        #expect(file.targets[1].window == 2025...2025 && file.targets[1].label == "R28-1 (2025)" && file.targets[3].label == "Z")
        let change = try TargetFile.parse(v2("kind: change-from-base\nbase: 2020\nat-least: { 2025: 5pp, 2030: 10pp }"), file: "t.yaml")
        #expect(change.targets.map(\.window) == [2020...2025, 2020...2030])
        #expect(change.targets.map(\.id) == ["T@2025", "T@2030"])
    }

    @Test func version1FilesStayAsTheyWere() throws {
        let plan = try TargetFile.load(path: RepositoryFiles.path("scenarios/plan-targets.yaml"))
        #expect(plan.version == 1 && !plan.targets.contains { $0.usesSchema2 })
        #expect(plan.targets.allSatisfy { $0.base == nil && $0.milestoneOf == nil && !$0.inPoints })
    }

    @Test func version1FilesUsingVersion2NeedIt() throws {
        let cases: [(body: String, key: String, line: Int)] = [
            ("kind: level-at-deadline\ndeadline: 2030\nat-most: 2", "targets[0].at-most", 7),
            ("kind: every-year\nwindow: 2026-2030\nbelow: 2", "targets[0].below", 7),
            ("kind: growth-from-base\nbase: 2023\ndeadline: 2030\nat-least: 20%", "targets[0].kind", 5),
            ("kind: level-at-deadline\nat-least: { 2025: 45%, 2030: 60% }", "targets[0].at-least", 6),
        ]
        for c in cases {
            let e = try #require(error(v2(c.body, version: 1)), "\(c.body)")
            #expect(e.message.contains("needs `version: 2`") && e.key == c.key && e.line == c.line && e.file == "t.yaml", "\(e)")
            #expect(error(v2(c.body)) == nil, "\(c.body) is fine in version 2")
        }
    }

    @Test func badVersion2FilesAreLocated() throws {
        // Two comparisons: the second is named.
        let two = try #require(error(v2("kind: level-at-deadline\ndeadline: 2030\nat-least: 2\nat-most: 3")))
        #expect(two.key == "targets[0].at-most" && two.line == 8 && two.message.contains("`at-least` and `at-most` together"))
        #expect(two.description.hasPrefix("t.yaml:8: `targets[0].at-most`"))
        // One-year window for an average.
        let one = try #require(error(v2("kind: average-growth\nwindow: 2025-2025\nat-least: 5%")))
        #expect(one.key == "targets[0].window" && one.line == 6 && one.message == "an average over 2025–2025 has no years to average over")
        // A reduction on a cumulative count.
        let cumulative = try #require(error(v2("kind: cumulative-count\nwindow: 2023-2026\nat-most: 4")))
        #expect(cumulative.key == "targets[0].at-most" && cumulative.line == 7 && cumulative.message.contains("reduction on a cumulative count")
                && cumulative.hint?.contains("every-year") == true && cumulative.hint?.contains("cumulative-flow") == true)
        // Stretch on the wrong side.
        let stretchLow = try #require(error(v2("kind: range\nwindow: 2026-2030\nat-most: 3\nstretch: 4")))
        #expect(stretchLow.key == "targets[0].stretch" && stretchLow.line == 8 && stretchLow.message.contains("above the threshold 3"))
        let stretchHigh = try #require(error(v2("kind: range\nwindow: 2026-2030\nat-least: 3\nstretch: 2")))
        #expect(stretchHigh.key == "targets[0].stretch" && stretchHigh.message.contains("below the threshold 3"))
        // The base after the deadline, a base on an average, no base, points on a level.
        let late = try #require(error(v2("kind: growth-from-base\nbase: 2030\ndeadline: 2030\nat-least: 5%")))
        #expect(late.key == "targets[0].base" && late.line == 6)
        let avgBase = try #require(error(v2("kind: average-growth\nbase: 2024\nwindow: 2025-2030\nat-least: 5%")))
        #expect(avgBase.key == "targets[0].base")
        let noBase = try #require(error(v2("kind: change-from-base\ndeadline: 2030\nat-least: 5pp")))
        #expect(noBase.key == "targets[0].base" && noBase.line == 3 && noBase.message.contains("needs a `base` year"))
        let levelPoints = try #require(error(v2("kind: level-at-deadline\ndeadline: 2030\nat-least: 35pp")))
        #expect(levelPoints.key == "targets[0].at-least" && levelPoints.message.contains("percentage points"))
        let everyYearMilestones = try #require(error(v2("kind: every-year\nat-least: { 2025: 2, 2030: 3 }")))
        #expect(everyYearMilestones.key == "targets[0].at-least" && everyYearMilestones.message.contains("milestones"))
    }

    @Test func baseYearsAreCheckedAgainstTheData() throws {
        // TestModels: observed 2025 only; simulated 2026–2030. A timeline from 2024 has no data in 2024.
        var obs = [Double](repeating: .nan, count: 7)
        obs[1] = 5
        let model = SimulationModel(name: "m", firstYear: 2024, horizon: 2030, cutoff: .endOfYear(2025),
                                    indicators: [SimulatedIndicator(name: "x", kind: .level, observed: obs, firstSimulated: 2,
                                                                    process: RandomWalkProcess(start: 5, drift: 0, sigma: 1),
                                                                    levers: LeverSchedule(interventions: [], firstYear: 2026, count: 5))])
        let file = try TargetFile.parse(v2("kind: growth-from-base\nbase: 2024\ndeadline: 2030\nat-least: 5%"), file: "t.yaml")
        let e = try #require(throws: ConfigurationError.self) { try CompiledTarget(file.targets[0], models: [model]) }
        #expect(e.file == "t.yaml" && e.key == "targets[0].base" && e.line == 6 && e.message.contains("start in 2025"))
        // Observed base ≤ 0: growth is undefined.
        obs[1] = 0
        var zero = model
        zero.indicators[0].observed = obs
        let g = try TargetFile.parse(v2("kind: growth-from-base\nbase: 2025\ndeadline: 2030\nat-least: 5%"), file: "t.yaml")
        let z = try #require(throws: ConfigurationError.self) { try CompiledTarget(g.targets[0], models: [zero]) }
        #expect(z.key == "targets[0].base" && z.message.contains("growth from 0 is undefined"))
        // An observed base is a constant; a base year not yet complete is simulated.
        let ok = try CompiledTarget(g.targets[0], models: [model])
        #expect(ok.baseValues == [5] && ok.baseIndex == 1)
        let later = try TargetFile.parse(v2("kind: change-from-base\nbase: 2027\ndeadline: 2030\nat-least: 1"), file: "t.yaml")
        let simulated = try CompiledTarget(later.targets[0], models: [model])
        #expect(simulated.baseValues.count == 1 && simulated.baseValues[0].isNaN)
        // Points on a level indicator.
        let points = try TargetFile.parse(v2("kind: change-from-base\nbase: 2025\ndeadline: 2030\nat-least: 1pp"), file: "t.yaml")
        #expect(throws: ConfigurationError.self) { try CompiledTarget(points.targets[0], models: [model]) }
    }
}
