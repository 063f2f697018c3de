import Foundation
import Testing
import AttainData
@testable import AttainModels
import AttainTestSupport

/// A real count series with a population offset: US polio cases 1957–1967 (after the vaccine), from
/// `../shared/data/real-series/us-disease-annual-counts.csv` (Project Tycho via dslabs).
struct GLMRealSeriesTests {
    static let file = RepositoryFiles.sharedData.appendingPathComponent("real-series/us-disease-annual-counts.csv")

    /// `(year, cases, population)` rows of one disease.
    static func rows(_ series: String, years: ClosedRange<Int>) throws -> [(Int, Double, Double)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line -> (Int, Double, Double)? in
            let f = line.split(separator: ",").map(String.init)
            guard f.count >= 4, f[0] == series, let y = Int(f[1]), years.contains(y), let v = Double(f[2]), let e = Double(f[3]) else { return nil }
            return (y, v, e)
        }
    }

    // Reference values from /tmp/glm/ref.py (plain numpy IRLS; NB size by Newton on log θ alternating with IRLS).
    // The series lives beside the repository (`../shared/data/real-series/`), not in it: on a clone without that folder
    // the test is skipped and the reason printed; it runs whenever the file is there.
    @Test(.enabled(if: RepositoryFiles.sharedDataAvailable("real-series/us-disease-annual-counts.csv"),
                   "needs ../shared/data/real-series/us-disease-annual-counts.csv beside the repository (absent here)"))
    func polioDeclineWithPopulationExposure() throws {
        let r = try Self.rows("US_Polio", years: 1957...1967)
        try #require(r.count == 11)
        let series = Series(unit: "US", indicator: "polio", kind: .count, firstYear: 1957, values: r.map(\.1))
        let exposure = r.map(\.2)
        let selection = try GLMSelection.select(series, exposure: exposure)
        let poisson = selection.candidates[0], nb = selection.chosen
        #expect(nb.model == "negative-binomial" && selection.weights[1] > 0.999)
        #expect(abs(poisson.parameters[0] - -12.15543101083471) < 1e-8)
        #expect(abs(poisson.parameters[1] - -0.4497570985457796) < 1e-9)
        #expect(abs(poisson.standardErrors[1] - 0.00316565419150273) < 1e-9)
        #expect(abs(nb.parameters[1] - -0.5884716851685913) < 1e-6)
        #expect(abs(nb.standardErrors[1] - 0.038483429459382) < 1e-6)
        #expect(abs(nb.dispersion! - 6.46852307159309) < 1e-4)
    }
}
