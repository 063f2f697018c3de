import Testing
@testable import AttainReport

@Suite("Deterministic JSON")
struct JSONValueTests {
    @Test func keysAreSortedAndNumbersHaveOneForm() {
        let document: JSONValue = [
            "seed": 42, "paths": 10000,
            "targets": [["status": "at-risk", "probability": 0.41, "mcse": 0.0049, "id": "P1-1a"]],
        ]
        #expect(document.rendered(pretty: false)
            == #"{"paths":10000,"seed":42,"targets":[{"id":"P1-1a","mcse":0.0049,"probability":0.41,"status":"at-risk"}]}"# + "\n")
    }

    @Test func prettyPrintingIndentsByTwoSpaces() {
        let document: JSONValue = ["a": [1, 2], "b": [:]]
        #expect(document.rendered() == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}\n")
    }

    @Test func numbersAreStableAndNonFiniteBecomesNull() {
        #expect(JSONValue.numberText(0.1) == "0.1")
        #expect(JSONValue.numberText(1e-5) == "1e-05")
        #expect(JSONValue.numberText(1e20) == "1e20")
        #expect(JSONValue.numberText(3.0) == "3")
        #expect(JSONValue.numberText(-0.0) == "0")
        #expect(JSONValue.numberText(.infinity) == "null")
        #expect(JSONValue.number(2.0) == .int(2))
        #expect(JSONValue.number(2.5) == .double(2.5))
    }

    @Test func stringsKeepVietnameseAndEscapeControlCharacters() {
        let value: JSONValue = .string("Đạt \"x\"\n\u{1}")
        #expect(value.rendered() == "\"Đạt \\\"x\\\"\\n\\u0001\"\n")
    }

    struct Year: Encodable { var period: String; var probability: Double }
    struct Target: Encodable {
        var id: String
        var probability: Double
        var mcse: Double
        var years: [Year]
        var stretch: Double?
        var settled: String?
        var seed: UInt64
        var quantiles: [String: Double]

        enum CodingKeys: String, CodingKey { case id, probability, mcse, years, stretch, settled, seed, quantiles }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(probability, forKey: .probability)
            try container.encode(mcse, forKey: .mcse)
            try container.encode(years, forKey: .years)
            try container.encodeIfPresent(stretch, forKey: .stretch)
            try container.encode(settled, forKey: .settled)  // explicit null
            try container.encode(seed, forKey: .seed)
            try container.encode(quantiles, forKey: .quantiles)
        }
    }

    @Test func encodableValuesRenderDeterministically() throws {
        let target = Target(id: "P1-1a", probability: 0.41, mcse: 0.0049, years: [Year(period: "2026", probability: 1.0)],
                            stretch: nil, settled: nil, seed: 42, quantiles: ["0.95": 0.97, "0.05": 0.93, "0.5": 0.95])
        let text = try JSONValue(encoding: target).rendered(pretty: false)
        #expect(text == #"{"id":"P1-1a","mcse":0.0049,"probability":0.41,"quantiles":{"0.05":0.93,"0.5":0.95,"0.95":0.97},"seed":42,"settled":null,"years":[{"period":"2026","probability":1}]}"# + "\n")
        #expect(try JSONValue(encoding: [1.5, 2]) == .array([.double(1.5), .int(2)]))
        #expect(try JSONValue(encoding: "Đạt") == .string("Đạt"))
        #expect(try JSONValue(encoding: ReportLanguage.vi) == .string("vi"))
    }
}
