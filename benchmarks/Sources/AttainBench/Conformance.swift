import Attain
import Foundation

extension Benchmark {
    /// NIST StRD nonlinear regression: digits of the certified parameters and standard deviations reached from both
    /// NIST starts of all 27 problems. Not a timing: a conformance table (`make conformance`).
    ///
    /// The JSON is the vendored `Tests/Fixtures/nist-strd/nonlinear/nist-strd-nonlinear.json` of the repository, or the
    /// file named by the environment variable `NIST_STRD_NONLINEAR`. Fails (exit 64) unless every case reaches 6 digits,
    /// or with a one-line message when the file is missing.
    static let conformance = Benchmark(
        name: "conformance",
        summary: "NIST StRD nonlinear: certified digits reached per dataset and start (not a timing)"
    ) { _ in
        let url = ProcessInfo.processInfo.environment["NIST_STRD_NONLINEAR"].map { URL(fileURLWithPath: $0) } ?? {
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<4 { url.deleteLastPathComponent() }   // file → AttainBench → Sources → benchmarks → repo
            return url.appendingPathComponent("Tests/Fixtures/nist-strd/nonlinear/nist-strd-nonlinear.json")
        }()
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw BenchmarkOptions.Invalid(description: "no NIST StRD file at \(url.path) (the repository vendors it in "
                                           + "Tests/Fixtures/nist-strd/; or set NIST_STRD_NONLINEAR to its path)")
        }
        let problems = try NISTProblem.loadAll(from: url)
        print("dataset".padding(10) + "difficulty".padding(11) + "start".padding(6) + "param digits".padding(13)
              + "SD digits".padding(10) + "converged".padding(10) + "iterations")
        var passed = 0, cases = 0
        var minParams = Double.infinity, minSDs = Double.infinity
        for problem in problems {
            for start in 1...2 {
                let o = try problem.solve(start: start)
                cases += 1
                if o.converged && o.parameterDigits >= 6 && o.standardDeviationDigits >= 6 { passed += 1 }
                minParams = min(minParams, o.parameterDigits)
                minSDs = min(minSDs, o.standardDeviationDigits)
                print(problem.name.padding(10) + problem.difficulty.padding(11) + String(start).padding(6)
                      + String(format: "%.1f", o.parameterDigits).padding(13) + String(format: "%.1f", o.standardDeviationDigits).padding(10)
                      + (o.converged ? "yes" : "no (\(o.termination.rawValue))").padding(10) + String(o.iterations))
            }
        }
        print(String(format: "%d of %d (dataset × start) reach ≥ 6 certified digits; minimum %.1f for parameters, %.1f for SDs "
                     + "(digits capped at 11, NIST's printed precision)", passed, cases, minParams, minSDs))
        if passed < cases { throw BenchmarkOptions.Invalid(description: "\(cases - passed) NIST cases below 6 digits") }
    }
}
