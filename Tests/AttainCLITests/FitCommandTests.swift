import Foundation
import Testing

/// `attain fit` as a user runs it: the JSON contract, CSV, explicit models, thread independence, errors.
@Suite("attain fit", .serialized)
struct FitCommandTests {
    /// Three level units: a sigmoid (12 years), a straight line (8 years) and a three-point series.
    static let data: URL = {
        var rows = ["unit,indicator,period,value"]
        for i in 0..<12 { rows.append("KCN Hòa Phú,workers,\(2012 + i),\(String(format: "%.3f", 900 / (1 + exp(-0.6 * Double(i - 6))) + Double((i * 7) % 5) - 2))") }
        for i in 0..<8 { rows.append("CCN Mai Đình,workers,\(2016 + i),\(300 + 11 * i + (i % 3))") }
        for (i, v) in [120, 150, 171].enumerated() { rows.append("Tân Yên,workers,\(2021 + i),\(v)") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attain-fit-test-\(getpid()).csv")
        try? (rows.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    @Test func jsonFollowsTheContract() throws {
        let outcome = try AttainProcess.run(["fit", "--data", Self.data.path, "--indicator", "workers", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let fits = try #require(doc["fits"] as? [[String: Any]])
        #expect(fits.map { $0["unit"] as? String } == ["KCN Hòa Phú", "CCN Mai Đình", "Tân Yên"])
        for (fit, periods) in zip(fits, [12, 8, 3]) {
            for key in ["unit", "indicator", "model", "converged", "parameters", "standardErrors", "sigma", "aicc", "fitted"] {
                #expect(fit[key] != nil, "missing \(key) in \(fit)")
            }
            let parameters = try #require(fit["parameters"] as? [String: Double])
            let errors = try #require(fit["standardErrors"] as? [String: Double])
            #expect(Set(parameters.keys) == Set(errors.keys))
            let fitted = try #require(fit["fitted"] as? [[String: Any]])
            #expect(fitted.count == periods)
            #expect(fitted.allSatisfy { $0["period"] is String && $0["value"] is Double })
        }
        #expect(["logistic", "gompertz", "richards"].contains(fits[0]["model"] as? String ?? ""), "\(fits[0]["model"] ?? "")")
        #expect(fits[2]["model"] as? String == "linear")
        #expect(outcome.standardError.contains("short series"), "the three-point unit must be flagged: \(outcome.standardError)")
    }

    @Test func explicitLogisticIsLeastSquaresAndIndependentOfThreads() throws {
        let base = ["fit", "--data", Self.data.path, "--indicator", "workers", "--model", "logistic", "--format", "csv"]
        let one = try AttainProcess.run(base + ["--threads", "1"])
        let three = try AttainProcess.run(base + ["--threads", "3"])
        #expect(one.status == 0 && three.status == 0)
        #expect(one.standardOutput == three.standardOutput)
        let lines = one.standardOutput.split(separator: "\n")
        #expect(lines.first == "unit,indicator,kind,model,converged,observations,sigma,aicc,sse,parameter,estimate,standard_error")
        #expect(lines.dropFirst().allSatisfy { $0.contains(",logistic,") })
        #expect(lines.count == 1 + 3 * 3)
        // The sigmoid unit: K near 900 and the midpoint near 2018 (the data's generating values).
        let k = try #require(lines.first { $0.hasPrefix("KCN Hòa Phú") && $0.contains(",K,") })
        let estimate = try #require(Double(k.split(separator: ",")[10]))
        #expect(abs(estimate - 900) < 30)
    }

    @Test func badRequestsExitWithTheDocumentedCodes() throws {
        let badModel = try AttainProcess.run(["fit", "--data", Self.data.path, "--indicator", "workers", "--model", "spline"])
        #expect(badModel.status == 2)
        let missing = try AttainProcess.run(["fit", "--data", Self.data.path, "--indicator", "members"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("workers"), "the message should list the indicators there are")
        let unit = try AttainProcess.run(["fit", "--data", Self.data.path, "--indicator", "workers", "--unit", "Tân Yên", "--format", "table"])
        #expect(unit.status == 0)
        #expect(unit.standardOutput.contains("Tân Yên") && !unit.standardOutput.contains("Mai Đình"))
    }
}
