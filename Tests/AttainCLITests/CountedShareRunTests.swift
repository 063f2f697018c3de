import Foundation
import Testing

/// `attain run` hands a share's numerators and denominators to its forecast: the same shares counted out of 20
/// enterprises are far less certain than out of 20,000 members.
@Suite("attain run on shares given as counts")
struct CountedShareRunTests {
    /// The 90% band of the 2030 fan for shares 0.55, 0.60, 0.58, 0.65 counted out of `n`.
    static func band2030(denominator n: Int) throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attain-counted-\(n)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "unit,indicator,period,value,numerator,denominator\n"
        for (k, p) in [0.55, 0.60, 0.58, 0.65].enumerated() {
            csv += "Zone,covered,\(2022 + k),,\(Int((p * Double(n)).rounded())),\(n)\n"
        }
        try csv.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try """
        version: 1
        targets:
          - id: T
            indicator: covered
            kind: level-at-deadline
            deadline: 2030
            at-least: 0.7
        """.write(to: directory.appendingPathComponent("targets.yaml"), atomically: true, encoding: .utf8)
        try """
        version: 1
        name: counted
        data: data.csv
        targets: targets.yaml
        unit: Zone
        cutoff: 2025-12-31
        horizon: 2030
        indicators:
          - name: covered
            kind: share
            model: auto
        """.write(to: directory.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let outcome = try AttainProcess.run(["run", directory.appendingPathComponent("scenario.yaml").path, "--paths", "4000",
                                             "--seed", "3", "--format", "json"])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        let fan = try #require(indicators.first?["fan"] as? [[String: Any]])
        let last = try #require(fan.first { $0["period"] as? String == "2030" })
        let q05 = try #require(last["q05"] as? Double), q95 = try #require(last["q95"] as? Double)
        return q95 - q05
    }

    @Test("Out of 20 the 2030 band is wider than out of 20,000")
    func smallDenominatorsWidenTheRun() throws {
        let small = try Self.band2030(denominator: 20), large = try Self.band2030(denominator: 20_000)
        // Four shares out of 20 carry a binomial SD of about 0.11 each; out of 20,000, 0.0035.
        #expect(small > 1.3 * large, "90% band out of 20: \(small), out of 20,000: \(large)")
    }
}
