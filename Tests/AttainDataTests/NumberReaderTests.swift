import Testing
@testable import AttainData

@Suite struct NumberReaderTests {
    let comma = NumberReader(delimiter: ",", samples: [String]())
    let semicolon = NumberReader(delimiter: ";", samples: [String]())

    func value(_ r: NumberReader, _ s: String) -> Double? { try? r.read(s).get() }

    @Test func plainNumbers() {
        #expect(value(comma, "1234") == 1234)
        #expect(value(comma, " -3 ") == -3)
        #expect(value(comma, "+0.25") == 0.25)
        #expect(value(comma, "1.5e3") == 1500)
        #expect(value(comma, "85%") == 0.85)
        #expect(value(comma, "−2") == -2)  // Unicode minus
    }

    @Test func decimalCommasWhenUnambiguous() {
        #expect(value(comma, "90,5") == 90.5)
        #expect(value(comma, "0,125") == 0.125)
        #expect(value(comma, "1234,567") == 1234.567)
        #expect(value(comma, "69,79%")! == 0.6979)
    }

    @Test func thousandsSeparatorsInValidGroups() {
        #expect(value(comma, "1,234,567") == 1_234_567)
        #expect(value(comma, "1.234.567") == 1_234_567)
        #expect(value(comma, "1.234.567,89") == 1_234_567.89)
        #expect(value(comma, "1,234.5") == 1234.5)
        #expect(value(comma, "18 000") == 18000)
        #expect(value(comma, "18\u{00A0}000,5") == 18000.5)
        #expect(value(comma, "1,23,456") == nil)   // Indian grouping is not accepted
        #expect(value(comma, "12,34.5") == nil)
        #expect(value(comma, "1.2.3") == nil)
    }

    @Test func ambiguousGroupFollowsTheFileConvention() {
        #expect(value(comma, "18,000") == 18000)      // comma file, no evidence: decimal dot, so "," groups thousands
        #expect(value(comma, "18.000") == 18)
        #expect(value(semicolon, "18.000") == 18000)  // vi-VN export: decimal comma
        #expect(value(semicolon, "18,000") == 18)
        let withDecimalCommas = NumberReader(delimiter: ",", samples: ["90,5", "12"])
        #expect(value(withDecimalCommas, "1.500") == 1500)
        let mixed = NumberReader(delimiter: ",", samples: ["90,5", "0.25"])
        #expect(mixed.decimalMark == nil)
        guard case .failure(.ambiguous(let thousands, let decimal)) = mixed.read("1.500") else {
            Issue.record("expected ambiguity"); return
        }
        #expect(thousands == 1500 && decimal == 1.5)
    }

    /// Plain decimals take a byte-level fast path; it must agree with the reading of the same text by the general
    /// path (here reached by wrapping the text in spaces, which the fast path declines) and with Swift's parser.
    @Test func plainDecimalsReadTheSameOnBothPaths() {
        for k in 0..<2_000 {  // a fixed spread of lengths: 1–7 integer digits, 1–5 fraction digits (some with leading 0s)
            let int = String((k * 7_919) % [10, 100, 1_000, 10_000, 1_000_000, 10_000_000][k % 6])
            let frac = String(repeating: "0", count: k % 3 == 0 ? 1 : 0) + String((k * 104_729) % [10, 100, 1_000, 100_000][k % 4])
            let negative = k % 5 == 0
            for text in [int, int + "." + frac, int + "," + frac] {
                let signed = (negative ? "-" : "") + text
                let fast = value(comma, signed), general = value(comma, " " + signed + " ")
                #expect(fast == general, "\(signed)")
                if !text.contains(",") { #expect(fast == Double(signed), "\(signed)") }
            }
        }
        // The one-group-of-three form stays with the file's convention, not the fast path.
        #expect(value(semicolon, "18.000") == 18_000)
        #expect(value(comma, "18.000") == 18)
    }

    @Test func notNumbers() {
        #expect(comma.read("abc") == .failure(.notANumber))
        #expect(comma.read("12abc") == .failure(.notANumber))
        #expect(comma.read("NaN") == .failure(.notFinite))
        #expect(comma.read("-inf") == .failure(.notFinite))
        #expect(comma.read("1e999") == .failure(.notFinite))
        #expect(comma.read("#DIV/0!") == .failure(.spreadsheetError))
        #expect(comma.read("1.") == .failure(.notANumber))
    }

    @Test func semicolonExportWithDecimalCommasEndToEnd() throws {
        let text = "sep=;\nđơn vị;Unit;Indicator;Period;Value\nx;Huyện Hiệp Hòa;union_members;2024;0,86\nx;KCN Hòa Phú;workers;2024;13.346\nx;CCN Mai Đình;workers;2024;657\n"
        let v = check(text)
        // "đơn vị" is an extra column; "13.346" in a decimal-comma file is 13346.
        #expect(v.issues.isEmpty, "\(v.issues)")
        let d = try #require(v.dataSet)
        #expect(d.observations.map(\.value) == [0.86, 13346, 657])
        #expect(d.observations[0].extra == ["đơn vị": "x"])
    }
}

extension NumberReader {
    /// The reader a file whose values are `samples` ends up with (what loading decides after its pass).
    init(delimiter: Character, samples: [String]) {
        var evidence = Evidence()
        for sample in samples { _ = NumberReader.provisional().read(sample, noting: &evidence) }
        self.init(delimiter: delimiter, evidence: evidence)
    }
}
