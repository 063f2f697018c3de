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
}
