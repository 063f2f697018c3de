import Testing
@testable import AttainReport

@Suite("Aligned text tables")
struct TextTableTests {
    @Test func displayWidthCountsGraphemeClustersAndWideCharacters() {
        #expect(DisplayWidth.of("Việt Nam") == 8)
        // "ệ" written as e + combining dot below + combining circumflex is still one column.
        #expect(DisplayWidth.of("Vi\u{0065}\u{0323}\u{0302}t") == 4)
        #expect(DisplayWidth.of("công đoàn") == 9)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ａ") == 2)
        #expect(DisplayWidth.of("a\tb") == 2)
    }

    @Test func vietnameseColumnsLineUpByDisplayWidth() {
        var table = TextTable(headers: ["Chỉ tiêu", "Năm 2025", "Xác suất"])
        table.append(["Tỷ lệ doanh nghiệp có công đoàn", "82", "41,2%"])
        // Decomposed diacritics (NFD) must pad exactly like the composed form.
        table.append(["Đoàn viên công đoàn (NFD: Vi\u{0065}\u{0323}\u{0302}t)", "18.480", "5,0%"])
        let text = table.renderText()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Every line ends its last column at the same display column (right-aligned numbers).
        let widths = lines.map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1, "line widths \(widths)")
        #expect(lines[2].hasSuffix("    82     41,2%"))
        #expect(lines[3].hasSuffix("18.480      5,0%"))
        #expect(lines[1].hasPrefix("────"))
        #expect(table.alignment(ofColumn: 0) == .left)
        #expect(table.alignment(ofColumn: 1) == .right)
        #expect(!text.contains(" \n"))
    }

    @Test func explicitAlignmentOverridesTheGuess() {
        var table = TextTable(headers: ["id", "value"], alignments: [.right, .left])
        table.append(["P1-1a", "7"])
        table.append(["P2-7", "12"])
        #expect(table.renderText() == "   id  value\n─────  ─────\nP1-1a  7\n P2-7  12\n")
    }

    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        var table = TextTable(headers: ["unit", "value"])
        table.append(["KCN Hòa Phú", "90,5"])
        table.append(["say \"hi\"", "1"])
        #expect(table.renderCSV() == "unit,value\nKCN Hòa Phú,\"90,5\"\n\"say \"\"hi\"\"\",1\n")
    }

    @Test func markdownEscapesPipesAndRightAlignsNumbers() {
        var table = TextTable(headers: ["a|b", "n"])
        table.append(["x", "1.234,5"])
        #expect(table.renderMarkdown() == "| a\\|b | n |\n|---|---:|\n| x | 1.234,5 |\n")
    }

    @Test func htmlEscapesCells() {
        var table = TextTable(headers: ["name"])
        table.append(["<b>&"])
        #expect(table.renderHTML().contains("<td>&lt;b&gt;&amp;</td>"))
    }
}
