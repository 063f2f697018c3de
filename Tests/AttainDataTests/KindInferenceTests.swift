import Testing
@testable import AttainData

@Suite struct KindInferenceTests {
    func kind(_ indicator: String, _ values: [Double], unit: String = "A", shareCounts: Bool = false) -> KindInference {
        let rows = values.enumerated().map { i, v in
            Observation(unit: unit, indicator: indicator, period: .year(2019 + i), value: v,
                        numerator: shareCounts ? v * 100 : nil, denominator: shareCounts ? 100 : nil)
        }
        return DataSet(source: "t", observations: rows).kindInference(of: indicator)
    }

    @Test func shares() {
        #expect(kind("x", [0.5, 0.7], shareCounts: true).kind == .share)
        #expect(kind("x", [0.2, 0.35, 1]).kind == .share)
        #expect(kind("coverage_rate", [84, 86]).kind == .share)  // the name says so; the range check then flags it
        #expect(kind("tỷ lệ công đoàn", [0.8]).kind == .share)
    }

    @Test func cumulativeByName() {
        #expect(kind("app_contacts_cumulative", [700, 3500, 8000]).kind == .cumulative)
        #expect(kind("contacts_to_date", [1, 2]).kind == .cumulative)
        #expect(kind("lượt lũy kế", [1, 2]).kind == .cumulative)
    }

    @Test func countsAndLevels() {
        #expect(kind("party_introductions", [8, 6, 7, 11, 15]).kind == .count)
        #expect(kind("app_contacts", [300, 400, 500]).kind == .count)  // rising, but the name names a flow
        #expect(kind("x", [2, 0, 3, 1]).kind == .count)
        #expect(kind("workers", [12400, 13300, 15100]).kind == .level)
        #expect(kind("x", [12.5, 13.25]).kind == .level)
        #expect(kind("x", [-2, 3]).kind == .level)
    }

    @Test func ambiguousWithAReason() {
        let rising = kind("x", [48, 52, 58, 66])
        #expect(rising.kind == nil)
        #expect(rising.reason.contains("never fall"))
        let binary = kind("x", [0, 1, 1])
        #expect(binary.kind == nil)
        #expect(binary.reason.contains("0 or 1"))
        #expect(DataSet(source: "t", observations: []).kindInference(of: "x").kind == nil)
    }

    @Test func statedKindWins() {
        let rows = [Observation(unit: "A", indicator: "x", period: .year(2020), value: 0.5)]
        let d = DataSet(source: "t", observations: rows, statedKinds: ["x": .level])
        #expect(d.kindInference(of: "x") == KindInference(kind: .level, reason: "stated", isStated: true))
        #expect(d.inferredKind(of: "x") == .level)
    }

    @Test func parseKindAssignments() throws {
        #expect(try DataSet.Options.parseKinds(["a=share", " b = Count "]) == ["a": .share, "b": .count])
        #expect(throws: DataError.badKindAssignment("a")) { try DataSet.Options.parseKinds(["a"]) }
        #expect(throws: DataError.badKindAssignment("a=ratio")) { try DataSet.Options.parseKinds(["a=ratio"]) }
    }
}
