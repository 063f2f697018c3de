import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

/// Comparing scenarios on the same paths estimates their difference far more precisely than independent runs.
@Suite struct CommonRandomNumbersTests {
    func sd(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
    }

    @Test func pairedDifferencesHaveASmallerStandardErrorThanIndependentRuns() throws {
        // A threshold near the baseline's median (p ≈ 0.5), and a modest drive (founding hazard × 1.1): the setting where
        // a comparison needs precision. (With p near 0 or 1 in one scenario, pairing cannot help much.) The coupling is
        // monotone: no path meets the target at baseline but misses it under the drive.
        let spec = TargetSpec(id: "T", indicator: "enterprises_with_union", kind: .levelAtDeadline, threshold: 0.87, window: 2030...2030)
        let targets = TargetFile(targets: [spec])
        let base = try PlanStudy.prepare(ScenarioLoader.load(path: RepositoryFiles.path("scenarios/baseline.yaml")), targets: targets)
        let drive = try PlanStudy.prepare(ScenarioLoader.load(path: RepositoryFiles.path("scenarios/union-drive-2026.yaml")), targets: targets)
            .setting(lever: "founding-drive", to: 1.03)
        let studies = [base, drive]
        let target = "T", paths = 1_500, replicates = 16
        var paired: [Double] = [], independent: [Double] = [], reported: [Double] = []
        for r in 0..<replicates {
            let seed = UInt64(1000 + r)
            let same = try PlanComparison.run(studies, paths: paths, seed: seed, threads: 2)
            let other = try PlanComparison.run(studies, paths: paths, seed: seed + 500, threads: 2)
            let t = try #require(same.targets.first { $0.id == target })
            let u = try #require(other.targets.first { $0.id == target })
            paired.append(t.differences[0].difference)
            reported.append(t.differences[0].se)
            independent.append(u.results[1].probability - t.results[0].probability)
            #expect(abs(t.differences[0].difference - (t.results[1].probability - t.results[0].probability)) < 1e-12)
        }
        // The drive raises the probability…
        #expect(paired.reduce(0, +) / Double(replicates) > 0.005)
        #expect(paired.allSatisfy { $0 >= 0 })
        // …and the paired estimate's spread over seeds is well under half the independent one's (expected about a
        // quarter: √(d(1−d)) against √(2·p(1−p)) for d ≈ 0.03, p ≈ 0.5), as the reported standard errors say.
        let ratio = sd(paired) / sd(independent)
        #expect(ratio < 0.5, "paired sd \(sd(paired)), independent sd \(sd(independent))")
        let meanReported = reported.reduce(0, +) / Double(replicates)
        #expect(meanReported > 0.5 * sd(paired) && meanReported < 2 * sd(paired), "reported \(meanReported), measured \(sd(paired))")
    }
}
