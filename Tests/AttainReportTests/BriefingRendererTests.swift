import AttainSimulation
import Testing
@testable import AttainReport

@Suite("The review briefing")
struct BriefingRendererTests {
    /// Every place an HTML document can load something from elsewhere.
    static let externalReferences = ["http://", "https://", "<script", " src=", "url(", "<link", "@import", "<iframe"]

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsSelfContained(language: ReportLanguage) {
        let html = BriefingHTMLRenderer(language: language).render(SampleBriefing.input(comparison: true))
        for reference in Self.externalReferences {
            #expect(!html.contains(reference), "found \(reference)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyTargetShowsItsOriginalVietnameseWording(language: ReportLanguage) {
        let input = SampleBriefing.input()
        let html = BriefingHTMLRenderer(language: language).render(input)
        let markdown = BriefingMarkdownRenderer(language: language).render(input)
        for target in input.targets {
            let original = HTMLEscaping.text(target.wording.vi!)
            #expect(html.contains(original), "\(target.id) wording missing in \(language)")
            #expect(markdown.contains(target.wording.vi!))
            #expect(html.contains(HTMLEscaping.text(target.wording.en!)))
        }
    }

    @Test func vietnameseBriefingUsesVietnameseNumbersDatesAndStatusWords() {
        let html = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input())
        #expect(html.contains("Số liệu tính đến ngày 30 tháng 6 năm 2026"))
        #expect(html.contains("<td class=\"num\">3.500</td>"))
        #expect(html.contains("<td class=\"num\">81,7</td>"))
        #expect(html.contains("<span class=\"status off-track\">Khó đạt</span> 6%"))
        #expect(html.contains("<span class=\"status likely\">Có khả năng đạt</span> 97%"))
        #expect(html.contains("<span class=\"status at-risk\">Nguy cơ không đạt</span> 43%"))
        #expect(html.contains("94,0%"))  // % of target: 84.6 / 90
        #expect(html.contains("Ước đến hạn"))
        #expect(html.contains("Số liệu minh họa"))
        #expect(html.contains("từ 7 lên 11,5 công đoàn/năm"))
        // The summary shows the fully observed years only, as the sơ kết appendix does.
        #expect(html.contains("<th scope=\"col\" class=\"num\">2023</th><th scope=\"col\" class=\"num\">2024</th><th scope=\"col\" class=\"num\">2025</th><th scope=\"col\" class=\"num\">Ước"))
    }

    @Test func englishBriefingUsesEnglishConventions() {
        let html = BriefingHTMLRenderer(language: .en).render(SampleBriefing.input())
        #expect(html.contains("Data as of 30 June 2026"))
        #expect(html.contains("<td class=\"num\">3,500</td>"))
        #expect(html.contains("<td class=\"num\">12,800 <span class=\"note\">(2026)</span></td>"))
        #expect(html.contains(">Off track</span> 6%"))
        #expect(html.contains(">At risk</span> 43%"))
        #expect(html.contains("Illustrative data"))
        #expect(!html.contains("Số liệu minh họa"))
    }

    @Test func illustrativeWarningOnlyForIllustrativeData() {
        let real = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input(illustrative: false))
        #expect(!real.contains("class=\"illustrative\""))
        let example = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input(illustrative: true))
        #expect(example.contains("class=\"illustrative\""))
    }

    @Test func perYearProbabilitiesAndJointProbabilityForEveryYearTargets() {
        let html = BriefingHTMLRenderer(language: .en).render(SampleBriefing.input())
        #expect(html.contains("Probability for each year"))
        #expect(html.contains("<tr><td>2029</td><td class=\"num\">87%</td></tr>"))
        #expect(html.contains("<strong>Every year 2027–2030</strong></td><td class=\"num\"><strong>58%</strong>"))
        #expect(html.contains("Probability of reaching the stretch value 3: 21%."))
    }

    @Test func comparisonSectionAppearsWithSeveralScenarios() {
        let single = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input())
        #expect(!single.contains("So sánh các kịch bản"))
        #expect(single.contains("III. Nỗ lực cần thiết"))
        let several = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input(comparison: true))
        #expect(several.contains("III. So sánh các kịch bản"))
        #expect(several.contains("IV. Nỗ lực cần thiết"))
        #expect(several.contains("+20,0 ± 0,3 điểm"))
        #expect(BriefingWords(language: .en).difference(.init(value: 0, standardError: 0), NumberFormatting(language: .en)) == "no change")
        #expect(several.contains("Đẩy mạnh phát triển đoàn viên"))
    }

    @Test func effortIsGivenForTargetsAtRiskOnly() {
        let html = BriefingHTMLRenderer(language: .en).render(SampleBriefing.input())
        #expect(html.contains("To reach a probability of 80%, new unions founded per year must rise from 7 to 11.5 unions a year."))
        #expect(html.contains("Even raising app promotion multiplier to 3 × does not bring the probability to 80%"))
        #expect(!html.contains("<li><strong>P1-5</strong>"))
    }

    @Test func markdownHasTheSummaryTableAndQuantiles() {
        let md = BriefingMarkdownRenderer(language: .vi).render(SampleBriefing.input(comparison: true))
        #expect(md.contains("| Mã | Chỉ tiêu | Đơn vị tính | 2023 | 2024 | 2025 | Ước đến hạn | % so với chỉ tiêu | Đánh giá (xác suất đạt) |"))
        #expect(md.contains("| P1-7 | Đến năm 2026 có 13.000 lượt CNLĐ được tuyên truyền, hỗ trợ từ phần mềm Công nhân Bắc Giang | lượt | – | 3.500 | 8.000 | 12.800 (2026) | 98,5% | Nguy cơ không đạt (43%) |"))
        #expect(md.contains("| 2026 | 10.900 | 12.100 | 12.800 | 13.500 | 14.600 |"))
        #expect(md.contains("## III. So sánh các kịch bản"))
        #expect(md.contains("> **SỐ LIỆU MINH HỌA**"))
    }

    @Test func theMethodNoteListsEachIndicatorsModel() {
        let html = BriefingHTMLRenderer(language: .vi).render(SampleBriefing.input())
        #expect(html.contains("<td>Tỷ lệ doanh nghiệp có công đoàn</td><td>tồn lượng – dòng chảy: thành lập và giải thể, tỷ lệ thu hút</td>"))
        #expect(html.contains("10.000 đường tương lai (hạt giống ngẫu nhiên 42)"))
        let english = BriefingHTMLRenderer(language: .en).render(SampleBriefing.input())
        #expect(english.contains("<td>Share of enterprises with a union</td><td>stock-flow: entries and closures, founding hazard</td>"))
        // A result written before the Vietnamese wording existed shows the English one.
        var old = SampleBriefing.input()
        old.indicators[0].model.vi = nil
        #expect(BriefingHTMLRenderer(language: .vi).render(old).contains("<td>stock-flow: entries and closures, founding hazard</td>"))
        // Nothing to say of any fit: no column for it.
        #expect(!html.contains("Lưu ý khi đọc kết quả"))
    }

    @Test func theMethodNoteSaysWhatToKnowOfEachFit() {
        var input = SampleBriefing.input()
        input.indicators.append(IndicatorNote(title: LocalizedText(en: "App contacts", vi: "Lượt hỗ trợ qua phần mềm"),
                                              model: LocalizedText(en: "local trend", vi: "xu hướng cục bộ"),
                                              caveats: [LocalizedText(en: "only 3 years of data", vi: "chỉ có 3 năm số liệu"),
                                                        LocalizedText(en: "second note", vi: "lưu ý thứ hai")]))
        let html = BriefingHTMLRenderer(language: .vi).render(input)
        #expect(html.contains("<th scope=\"col\">Lưu ý khi đọc kết quả</th>"))
        #expect(html.contains("<td>Lượt hỗ trợ qua phần mềm</td><td>xu hướng cục bộ</td><td>chỉ có 3 năm số liệu; lưu ý thứ hai</td>"))
        // An indicator with nothing to say gets an empty cell, not a shifted row.
        #expect(html.contains("<td>tồn lượng – dòng chảy: thành lập và giải thể, tỷ lệ thu hút</td><td></td>"))
        let md = BriefingMarkdownRenderer(language: .en).render(input)
        #expect(md.contains("| App contacts | local trend | only 3 years of data; second note |"))
        // A target whose projection rests on such a fit is marked in the summary, and the note says what the mark means.
        #expect(!html.contains(" ‡") && !html.contains("(‡)"))
        input.targets[0].caveats = [LocalizedText(en: "only 3 years of data", vi: "chỉ có 3 năm số liệu")]
        let marked = BriefingHTMLRenderer(language: .vi).render(input)
        #expect(marked.contains("<td class=\"id\">\(input.targets[0].label) ‡</td>"))
        #expect(marked.contains("(‡) Dự báo dựa trên ít năm số liệu hoặc một giả định"))
        #expect(BriefingMarkdownRenderer(language: .en).render(input).contains("| \(input.targets[0].label) ‡ |"))
    }

    @Test func targetsAlreadyMissedSayNotMet() {
        var input = SampleBriefing.input()
        input.targets[0].missed = true
        input.targets[0].status = .offTrack
        let html = BriefingHTMLRenderer(language: .vi).render(input)
        #expect(html.contains("<span class=\"status missed\">Không đạt</span>"))
        #expect(!html.contains("<li><strong>P1-1a</strong>"))
    }

    @Test func htmlEscapesUserText() {
        var input = SampleBriefing.input()
        input.targets[0].wording = LocalizedText(en: "<b>x</b> & y", vi: "<i>ý</i>")
        let html = BriefingHTMLRenderer(language: .en).render(input)
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; y"))
        #expect(!html.contains("<i>ý</i>"))
    }
}
