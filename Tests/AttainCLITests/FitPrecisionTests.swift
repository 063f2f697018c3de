import Foundation
import Testing
import AttainTestSupport

/// `attain fit` reaches NIST's certified values: Rat42 (logistic, 9 points) and Rat43 (Richards, 15 points), each as a
/// tidy CSV with the NIST x as years after 2000, fitted through the command line from Attain's own starts.
@Suite("attain fit reaches certified NIST precision", .serialized)
struct FitPrecisionTests {
    struct Problem: Decodable {
        let x: [Double]?
        let y: [Double]
        let certifiedValues: [Double]
    }

    struct File: Decodable { let datasets: [String: Problem] }

    static func problem(_ name: String) throws -> Problem {
        let url = RepositoryFiles.fixtures.appendingPathComponent("nist-strd/nonlinear/nist-strd-nonlinear.json")
        return try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).datasets[name])
    }

    /// Runs `attain fit --model model --format json` on the problem; returns the parameters and fitted values.
    static func fit(_ name: String, model: String) throws -> (parameters: [String: Double], fitted: [Double], converged: Bool) {
        let p = try problem(name)
        let rows = zip(p.x ?? [], p.y).map { "\(name),y,\(2000 + Int($0)),\($1)" }
        let file = try RepositoryFiles.temporaryDirectory(["\(name).csv": "unit,indicator,period,value\n" + rows.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try AttainProcess.run(["fit", "--data", file + "/\(name).csv", "--indicator", "y", "--model", model, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let fit = try #require((doc["fits"] as? [[String: Any]])?.first)
        let fitted = try #require(fit["fitted"] as? [[String: Any]]).compactMap { $0["value"] as? Double }
        return (try #require(fit["parameters"] as? [String: Double]), fitted, fit["converged"] as? Bool == true)
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    @Test func rat42WithTheLogisticCurve() throws {
        // y = b1 / (1 + exp(b2 − b3 x)): K = b1, r = b3.
        let p = try Self.problem("Rat42"), b = p.certifiedValues
        let fit = try Self.fit("Rat42", model: "logistic")
        #expect(fit.converged)
        #expect(Self.relative(fit.parameters["K"]!, b[0]) < 1e-6 && Self.relative(fit.parameters["r"]!, b[2]) < 1e-6, "\(fit.parameters)")
        let certified = (p.x ?? []).map { b[0] / (1 + exp(b[1] - b[2] * $0)) }
        #expect(fit.fitted.count == certified.count)
        for (f, c) in zip(fit.fitted, certified) { #expect(Self.relative(f, c) < 1e-6, "fitted \(f) vs certified \(c)") }
    }

    @Test func rat43WithTheRichardsCurve() throws {
        // y = b1 / (1 + exp(b2 − b3 x))^(1/b4): K = b1, r = b3, ν = b4.
        let p = try Self.problem("Rat43"), b = p.certifiedValues
        let fit = try Self.fit("Rat43", model: "richards")
        #expect(fit.converged)
        for (name, value) in [("K", b[0]), ("r", b[2]), ("nu", b[3])] {
            #expect(Self.relative(fit.parameters[name]!, value) < 1e-6, "\(name): \(fit.parameters[name]!) vs \(value)")
        }
        let certified = (p.x ?? []).map { b[0] / pow(1 + exp(b[1] - b[2] * $0), 1 / b[3]) }
        #expect(fit.fitted.count == certified.count)
        for (f, c) in zip(fit.fitted, certified) { #expect(Self.relative(f, c) < 1e-6, "fitted \(f) vs certified \(c)") }
    }
}
