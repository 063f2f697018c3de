import AttainSimulation
import Foundation
import Testing
@testable import AttainReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects element names, attributes and text of an XML document; records parse errors.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var current: String?
    var error: Error?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { text[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }

    static func parse(_ markup: String) -> XMLCollector {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        if !ok && collector.error == nil { collector.error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector
    }

    func all(_ name: String, class className: String? = nil) -> [[String: String]] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }.map(\.attributes)
    }
}

@Suite("SVG fan charts")
struct FanChartTests {
    let cutoff = CutoffDate(year: 2026, month: 6, day: 30)!

    @Test func niceScalesHaveRoundTicks() {
        #expect(NiceScale(lower: 62, upper: 93, maximumTicks: 6).ticks == [60, 70, 80, 90, 100])
        #expect(NiceScale(lower: 0, upper: 13000, maximumTicks: 6).ticks == [0, 5000, 10000, 15000])
        #expect(NiceScale(lower: 0.62, upper: 0.93, maximumTicks: 6).ticks == [0.6, 0.7, 0.8, 0.9, 1.0])
        #expect(NiceScale(lower: 0, upper: 0.3, maximumTicks: 4).ticks == [0, 0.1, 0.2, 0.3])
        #expect(NiceScale(lower: 0, upper: 0.3, maximumTicks: 4).fractionDigits == 1)
        #expect(NiceScale(lower: 73.5, upper: 95.8, maximumTicks: 6).ticks == [70, 80, 90, 100])
        #expect(NiceScale(lower: 73.5, upper: 95.8, maximumTicks: 7).ticks == [70, 75, 80, 85, 90, 95, 100])
        #expect(NiceScale(lower: 0, upper: 1.8, maximumTicks: 6).ticks == [0, 0.5, 1, 1.5, 2])
        #expect(NiceScale(lower: 0, upper: 1.8, maximumTicks: 6, integerSteps: true).ticks == [0, 1, 2])
        #expect(NiceScale(lower: 0, upper: 4.4, maximumTicks: 6).ticks == [0, 1, 2, 3, 4, 5])
        #expect(NiceScale(lower: -3, upper: 7, maximumTicks: 6).ticks == [-5, -2.5, 0, 2.5, 5, 7.5])
        let flat = NiceScale(lower: 5, upper: 5)
        #expect(flat.lower < 5 && flat.upper > 5 && flat.ticks.count >= 2)
    }

    @Test func theChartIsWellFormedXMLWithBandsMedianTargetAndHistory() throws {
        let target = SampleBriefing.unionShare
        let svg = FanChart(target: target, language: .vi, cutoff: cutoff).svg(standalone: true)
        let xml = XMLCollector.parse(svg)
        #expect(xml.error == nil, "SVG does not parse: \(String(describing: xml.error))")
        #expect(xml.elements.first?.name == "svg")
        #expect(xml.all("polygon", class: "band90").count == 1)
        #expect(xml.all("polygon", class: "band50").count == 1)
        #expect(xml.all("polyline", class: "median").count == 1)
        #expect(xml.all("line", class: "target").count == 1)
        #expect(xml.all("line", class: "deadline").count == 1)
        #expect(xml.all("circle", class: "observed").count == 3)
        // Accessible text: the title names the target, the description states the numbers in Vietnamese.
        #expect(xml.text["title"]?.contains("P1-1a") == true)
        let description = try #require(xml.text["desc"])
        #expect(description.contains("2025: 81,7%"))
        #expect(description.contains("84,6%"))
        #expect(description.contains("Chỉ tiêu ≥ 90%"))
        #expect(description.contains("Xác suất đạt: 6%"))
    }

    @Test func bandsNestAndTheTargetLineSitsAtTheThreshold() throws {
        let target = SampleBriefing.unionShare
        let chart = FanChart(target: target, language: .en, cutoff: cutoff)
        let xml = XMLCollector.parse(chart.svg())
        let geometry = FanChart.Geometry(target: target, cutoff: cutoff, format: NumberFormatting(language: .en))
        // The fan starts at the last observed year (2025) and ends at the deadline.
        #expect(geometry.fan.map(\.year) == [2025, 2026])
        let line = try #require(xml.all("line", class: "target").first)
        #expect(line["y1"] == SVGWriter.number(geometry.y(90)))
        // In SVG y grows downwards: the 90% band's top edge lies above (smaller y) the 50% band's, at the deadline.
        func points(_ cls: String) throws -> [(Double, Double)] {
            try #require(xml.all("polygon", class: cls).first?["points"]).split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Double($0)! }
                return (xy[0], xy[1])
            }
        }
        let outer = try points("band90")
        let inner = try points("band50")
        #expect(outer.count == 4 && inner.count == 4)
        #expect(outer[1].1 < inner[1].1 && inner[2].1 < outer[2].1)
        #expect(abs(outer[1].1 - geometry.y(90.2)) < 0.06)
        #expect(abs(outer[2].1 - geometry.y(78.1)) < 0.06)
        // Axis covers every value drawn, with round ticks in percent.
        #expect(geometry.scale.lower <= 75.7 && geometry.scale.upper >= 90.2)
    }

    @Test func everyYearTargetsDrawTheThresholdOverTheWindowAndMarkPartialYears() {
        let target = SampleBriefing.introductions
        let xml = XMLCollector.parse(FanChart(target: target, language: .en, cutoff: cutoff).svg())
        #expect(xml.error == nil)
        #expect(xml.all("circle", class: "observed").count == 3)
        #expect(xml.all("circle", class: "observed partial").count == 1)
        #expect(xml.all("circle", class: "target-point").isEmpty)
        #expect(xml.text["text"]?.contains("Target ≥ 9 a year") == true)
    }

    @Test func rangeTargetsShowTheStretchLine() {
        let xml = XMLCollector.parse(FanChart(target: SampleBriefing.events, language: .vi, cutoff: cutoff).svg())
        #expect(xml.all("line", class: "stretch").count == 1)
        #expect(xml.text["text"]?.contains("Phấn đấu 3") == true)
    }

    @Test func theLeftMarginFitsTheWidestTickLabel() {
        var target = SampleBriefing.appContacts
        target.fan = [FanPoint(year: 2026, lower90: 33_000, lower50: 100_000, median: 196_864, upper50: 400_000, upper90: 1_660_928)]
        let geometry = FanChart.Geometry(target: target, cutoff: cutoff, format: NumberFormatting(language: .vi))
        #expect(geometry.tickLabels.last == "2.000.000")
        #expect(geometry.left >= SVGWriter.estimatedWidth("2.000.000") + 8)
        let narrow = FanChart.Geometry(target: SampleBriefing.unionShare, cutoff: cutoff, format: NumberFormatting(language: .vi))
        #expect(narrow.left == FanChart.margin.left)
    }

    @Test func coordinatesAreWrittenCompactly() {
        #expect(SVGWriter.number(12.345) == "12.3")
        #expect(SVGWriter.number(12.0) == "12")
        #expect(SVGWriter.number(-0.04) == "0")
        #expect(SVGWriter.number(1234.56) == "1234.6")
    }
}
