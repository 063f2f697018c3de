import AttainTargets
import Foundation

/// A ranked dot chart of the units of one target's league table: one row per unit in rank order (the most likely to
/// meet the target on top), a dot at the median of the judged statistic, a thick bar over its 50% band and a thin one
/// over its 90% band, the threshold as a vertical line, and each unit's probability at the right.
///
/// Hand-written SVG in the style of ``FanChart`` (no scripts, no external links; every text escaped), with a
/// `<title>`/`<desc>` pair for screen readers. Shares are drawn as percentages. Cost: O(units).
public struct LeagueChart: Sendable {
    public let league: LeagueResult.TargetLeague

    /// Drawing width in SVG user units; the height grows with the number of units.
    public static let width = 760.0
    static let rowHeight = 26.0
    static let margin = (top: 56.0, right: 120.0, bottom: 40.0, left: 190.0)

    /// The language of the legend and the status words.
    public let language: ReportLanguage

    public init(league: LeagueResult.TargetLeague, language: ReportLanguage = .en) {
        self.league = league
        self.language = language
    }

    /// The height of the drawing for `units` rows.
    public static func height(units: Int) -> Double {
        margin.top + margin.bottom + rowHeight * Double(max(1, units))
    }

    /// The chart as an `<svg>` element; `standalone` adds the SVG namespace (and an XML declaration) for a `.svg` file.
    public func svg(standalone: Bool = false) -> String {
        let rows = league.rows
        let m = Self.margin, width = Self.width, height = Self.height(units: rows.count)
        let scaleFactor = league.isShare ? 100.0 : 1.0
        let values = rows.flatMap { [$0.lower90, $0.upper90] }.filter(\.isFinite) + [league.threshold]
        let scale = NiceScale(lower: (values.min() ?? 0) * scaleFactor, upper: (values.max() ?? 1) * scaleFactor, maximumTicks: 6,
                              integerSteps: league.additive)
        let plotRight = width - m.right
        func x(_ v: Double) -> Double {
            let u = min(max(v * scaleFactor, scale.lower), scale.upper)
            return m.left + (u - scale.lower) / (scale.upper - scale.lower) * (plotRight - m.left)
        }
        func y(_ row: Int) -> Double { m.top + (Double(row) + 0.5) * Self.rowHeight }
        func label(_ v: Double) -> String {
            let text = v == v.rounded() ? String(Int(v)) : String(format: "%g", v)
            return league.isShare ? text + "%" : text
        }
        let ident = "league-" + league.id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var svg = SVGWriter()
        if standalone { svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        svg.raw("<svg\(namespace) class=\"league\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
                + "aria-labelledby=\"\(ident)-title \(ident)-desc\" font-family=\"'DejaVu Sans', 'Noto Sans', Arial, sans-serif\" font-size=\"12\">\n")
        let threshold = label(league.threshold * scaleFactor)
        svg.element("title", ["id": "\(ident)-title"],
                    content: "\(league.id): \(league.indicator) \(league.symbol) \(threshold), units ranked by probability")
        let best = rows.first.map { "; most likely: \($0.unit) (p = \(String(format: "%.2f", $0.probability)))" } ?? ""
        svg.element("desc", ["id": "\(ident)-desc"],
                    content: "\(rows.count) units, each with the median projection, its 50% and 90% bands, and the threshold \(threshold)\(best).")
        svg.element("text", ["x": SVGWriter.number(m.left), "y": "22", "font-weight": "bold"],
                    content: "\(league.id) · \(league.indicator) \(league.symbol) \(threshold) (\(league.to))")
        svg.element("text", ["x": SVGWriter.number(m.left), "y": "40", "fill": "#555"],
                    content: language == .vi ? "● trung vị   ━ khoảng 50%   ─ khoảng 90%   | chỉ tiêu" : "● median   ━ 50%   ─ 90%   | threshold")
        svg.element("text", ["x": SVGWriter.number(plotRight + 12), "y": "40", "fill": "#555"], content: language == .vi ? "xác suất" : "probability")
        // Axis: grid lines and tick labels.
        svg.raw("<g class=\"axes\">\n")
        let bottom = height - m.bottom
        for tick in scale.ticks {
            let tx = x(tick / scaleFactor)
            svg.element("line", ["x1": SVGWriter.number(tx), "x2": SVGWriter.number(tx), "y1": SVGWriter.number(m.top),
                                 "y2": SVGWriter.number(bottom), "stroke": "#e3e3e3"])
            svg.element("text", ["x": SVGWriter.number(tx), "y": SVGWriter.number(bottom + 16), "text-anchor": "middle", "fill": "#555"],
                        content: label(tick))
        }
        svg.raw("</g>\n")
        // Threshold.
        let thx = x(league.threshold)
        svg.element("line", ["class": "threshold", "x1": SVGWriter.number(thx), "x2": SVGWriter.number(thx), "y1": SVGWriter.number(m.top - 4),
                             "y2": SVGWriter.number(bottom), "stroke": "#c0392b", "stroke-width": "1.5", "stroke-dasharray": "5 3"])
        // One row per unit.
        svg.raw("<g class=\"units\">\n")
        for (i, row) in rows.enumerated() {
            let cy = SVGWriter.number(y(i))
            svg.element("text", ["x": SVGWriter.number(m.left - 10), "y": SVGWriter.number(y(i) + 4), "text-anchor": "end"],
                        content: "\(row.rank). \(row.unit)")
            svg.element("line", ["x1": SVGWriter.number(x(row.lower90)), "x2": SVGWriter.number(x(row.upper90)), "y1": cy, "y2": cy,
                                 "stroke": "#7fa7d6", "stroke-width": "2"])
            svg.element("line", ["x1": SVGWriter.number(x(row.lower50)), "x2": SVGWriter.number(x(row.upper50)), "y1": cy, "y2": cy,
                                 "stroke": "#2e6bb0", "stroke-width": "7"])
            svg.element("circle", ["class": "dot", "data-unit": row.unit, "data-rank": String(row.rank), "cx": SVGWriter.number(x(row.median)),
                                   "cy": cy, "r": "5", "fill": "#fff", "stroke": "#1b3f6b", "stroke-width": "2"])
            svg.element("text", ["x": SVGWriter.number(plotRight + 12), "y": SVGWriter.number(y(i) + 4)],
                        // Vietnamese status words are too long for the margin: the probability only (the table beside
                        // the chart in a briefing gives the status).
                        content: language == .vi ? NumberFormatting(language: .vi).decimal(row.probability, fractionDigits: 2)
                            : String(format: "%.2f", row.probability) + " · " + row.status.rawValue)
        }
        svg.raw("</g>\n</svg>\n")
        return svg.markup
    }
}
