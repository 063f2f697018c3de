import AttainSimulation
import AttainTargets

/// An SVG fan chart of one target: observed points, the projection's median with 50% and 90% bands, the target line
/// and the deadline.
///
/// The SVG is written by hand for inline use in a self-contained HTML page (no scripts, no external fonts or links):
/// round axis ticks from ``NiceScale``, a legend, and a `<title>`/`<desc>` pair that screen readers announce, saying
/// in words what the picture shows. Shares are drawn as percentages. Cost: O(years).
public struct FanChart: Sendable {
    public let target: BriefingTarget
    public let language: ReportLanguage
    public let cutoff: CutoffDate
    /// The milestones of a target with several deadlines, drawn as several threshold marks on one chart (empty for a
    /// target with one deadline). `target` is then the last milestone, whose window holds the whole projection.
    public let milestones: [BriefingTarget]

    /// The drawing size in SVG user units (the chart scales to its container width).
    public static let width = 760.0
    public static let height = 330.0
    static let margin = (top: 58.0, right: 150.0, bottom: 40.0, left: 62.0)

    public init(target: BriefingTarget, language: ReportLanguage, cutoff: CutoffDate) {
        self.target = target
        self.language = language
        self.cutoff = cutoff
        self.milestones = []
    }

    /// One chart for the milestones of one target (`R28-1 (2021)`, `(2025)`, `(2030)`), in deadline order.
    public init(milestones: [BriefingTarget], language: ReportLanguage, cutoff: CutoffDate) {
        let ordered = milestones.sorted { $0.deadline < $1.deadline }
        self.target = ordered.last!
        self.language = language
        self.cutoff = cutoff
        self.milestones = ordered.count > 1 ? ordered : []
    }

    /// The chart as an `<svg>` element; `standalone` adds the SVG namespace needed for a separate `.svg` file.
    public func svg(standalone: Bool = false) -> String {
        let format = NumberFormatting(language: language)
        let words = BriefingWords(language: language)
        let geometry = Geometry(target: target, cutoff: cutoff, format: format, milestones: milestones)
        let ident = "fan-" + (milestones.isEmpty ? target.id : target.milestoneOf ?? target.id)
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var svg = SVGWriter()
        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        svg.raw("<svg\(namespace) class=\"fan\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
                + "aria-labelledby=\"\(ident)-title \(ident)-desc\" font-family=\"'DejaVu Sans', 'Noto Sans', Arial, sans-serif\" font-size=\"12\">\n")
        svg.element("title", ["id": "\(ident)-title"], content: "\(milestones.isEmpty ? target.id : target.milestoneOf ?? target.id): " + words.fanTitle)
        svg.element("desc", ["id": "\(ident)-desc"], content: description(format: format, words: words))
        drawAxes(&svg, geometry)
        drawProjectionShade(&svg, geometry, words)
        drawBands(&svg, geometry)
        drawTarget(&svg, geometry, format, words)
        drawDeadline(&svg, geometry, words)
        drawHistory(&svg, geometry)
        drawLegend(&svg, words)
        svg.raw("</svg>\n")
        return svg.markup
    }

    // MARK: - Parts

    private func drawAxes(_ svg: inout SVGWriter, _ g: Geometry) {
        let m = Self.margin
        svg.raw("<g class=\"axes\">\n")
        for (tick, label) in zip(g.scale.ticks, g.tickLabels) {
            let y = g.y(tick)
            svg.element("line", ["x1": SVGWriter.number(g.left), "x2": SVGWriter.number(Self.width - m.right),
                                 "y1": SVGWriter.number(y), "y2": SVGWriter.number(y), "stroke": "#e3e3e3"])
            svg.element("text", ["x": SVGWriter.number(g.left - 8), "y": SVGWriter.number(y + 4), "text-anchor": "end",
                                 "fill": "#555"], content: label)
        }
        let bottom = Self.height - m.bottom
        svg.element("line", ["x1": SVGWriter.number(g.left), "x2": SVGWriter.number(Self.width - m.right),
                             "y1": SVGWriter.number(bottom), "y2": SVGWriter.number(bottom), "stroke": "#888"])
        let stride = g.years.count > 12 ? 2 : 1
        for (index, year) in g.years.enumerated() where index % stride == 0 || year == target.deadline {
            let x = g.x(Double(year))
            svg.element("line", ["x1": SVGWriter.number(x), "x2": SVGWriter.number(x), "y1": SVGWriter.number(bottom),
                                 "y2": SVGWriter.number(bottom + 5), "stroke": "#888"])
            svg.element("text", ["x": SVGWriter.number(x), "y": SVGWriter.number(bottom + 19), "text-anchor": "middle",
                                 "fill": "#333"], content: String(year))
        }
        svg.raw("</g>\n")
    }

    private func drawProjectionShade(_ svg: inout SVGWriter, _ g: Geometry, _ words: BriefingWords) {
        let m = Self.margin
        let start = max(g.left, min(Self.width - m.right, g.x(g.cutoffPosition)))
        guard start < Self.width - m.right - 1 else { return }
        svg.element("rect", ["x": SVGWriter.number(start), "y": SVGWriter.number(m.top),
                             "width": SVGWriter.number(Self.width - m.right - start),
                             "height": SVGWriter.number(Self.height - m.top - m.bottom), "fill": "#f4f6f9"])
        svg.element("text", ["x": SVGWriter.number(start + 4), "y": SVGWriter.number(m.top + 13), "fill": "#778",
                             "font-size": "11"], content: words.projection)
    }

    private func drawBands(_ svg: inout SVGWriter, _ g: Geometry) {
        let fan = g.fan
        guard !fan.isEmpty else { return }
        func band(_ lower: KeyPath<FanPoint, Double>, _ upper: KeyPath<FanPoint, Double>) -> String {
            let top = fan.map { (g.x(Double($0.year)), g.y(g.display($0[keyPath: upper]))) }
            let bottom = fan.reversed().map { (g.x(Double($0.year)), g.y(g.display($0[keyPath: lower]))) }
            return SVGWriter.points(top + bottom)
        }
        svg.element("polygon", ["class": "band90", "points": band(\.lower90, \.upper90), "fill": "#c6dbef"])
        svg.element("polygon", ["class": "band50", "points": band(\.lower50, \.upper50), "fill": "#6baed6"])
        let median = fan.map { (g.x(Double($0.year)), g.y(g.display($0.median))) }
        svg.element("polyline", ["class": "median", "points": SVGWriter.points(median), "fill": "none",
                                 "stroke": "#08519c", "stroke-width": "2.5"])
    }

    private func drawTarget(_ svg: inout SVGWriter, _ g: Geometry, _ format: NumberFormatting, _ words: BriefingWords) {
        if !milestones.isEmpty { return drawMilestones(&svg, g, format, words) }
        if let path = target.thresholdPath { return drawThresholdPath(path, &svg, g, format, words) }
        let m = Self.margin
        let y = g.y(g.display(target.threshold))
        let everyYear = target.kind.isEveryYear
        let x1 = everyYear ? max(g.left, g.x(Double(target.window.lowerBound) - 0.35)) : g.left
        let x2 = everyYear ? g.x(Double(target.window.upperBound) + 0.35) : Self.width - m.right
        svg.element("line", ["class": "target", "x1": SVGWriter.number(x1), "x2": SVGWriter.number(x2),
                             "y1": SVGWriter.number(y), "y2": SVGWriter.number(y), "stroke": "#c0392b",
                             "stroke-width": "2", "stroke-dasharray": "7 4"])
        let label = words.targetLabel(target, format)
        svg.element("text", ["x": SVGWriter.number(Self.width - m.right + 6), "y": SVGWriter.number(y + 4),
                             "fill": "#c0392b", "font-weight": "bold"], content: label)
        if let stretch = target.stretch {
            let ys = g.y(g.display(stretch))
            svg.element("line", ["class": "stretch", "x1": SVGWriter.number(x1), "x2": SVGWriter.number(x2),
                                 "y1": SVGWriter.number(ys), "y2": SVGWriter.number(ys), "stroke": "#e67e22",
                                 "stroke-width": "1.5", "stroke-dasharray": "2 3"])
            svg.element("text", ["x": SVGWriter.number(Self.width - m.right + 6), "y": SVGWriter.number(ys + 4),
                                 "fill": "#d35400"], content: words.stretchLabel(stretch, target, format))
        }
        if !everyYear {
            let x = g.x(Double(target.deadline))
            svg.element("circle", ["class": "target-point", "cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": "6",
                                   "fill": "none", "stroke": "#c0392b", "stroke-width": "2"])
        }
    }

    /// A threshold stated from a base year: the line (growth or change from the base) or the compounding path (an
    /// average over a window) from the base value to the value it implies at the deadline, the base value marked.
    private func drawThresholdPath(_ path: [(year: Int, value: Double)], _ svg: inout SVGWriter, _ g: Geometry,
                                   _ format: NumberFormatting, _ words: BriefingWords) {
        let m = Self.margin
        let points = path.map { (g.x(Double($0.year)), g.y(g.display($0.value))) }
        svg.element("polyline", ["class": "target-path", "points": SVGWriter.points(points), "fill": "none",
                                 "stroke": "#c0392b", "stroke-width": "2", "stroke-dasharray": "7 4"])
        if let stretch = target.stretch, let stretchPath = target.thresholdPath(for: stretch) {
            let sp = stretchPath.map { (g.x(Double($0.year)), g.y(g.display($0.value))) }
            svg.element("polyline", ["class": "stretch-path", "points": SVGWriter.points(sp), "fill": "none",
                                     "stroke": "#e67e22", "stroke-width": "1.5", "stroke-dasharray": "2 3"])
        }
        guard let first = points.first, let last = points.last, let end = path.last else { return }
        // The base value: a square, filled when observed, hollow when the base year is itself a projection.
        svg.element("rect", ["class": "base", "x": SVGWriter.number(first.0 - 5), "y": SVGWriter.number(first.1 - 5),
                             "width": "10", "height": "10", "fill": target.baseObserved ? "#c0392b" : "#fff",
                             "stroke": "#c0392b", "stroke-width": "2"])
        let baseLabel = words.baseLabel(path[0].year) + ": " + words.value(path[0].value, target, format)
        let above = first.1 - 11 > m.top + 16
        svg.element("text", ["class": "base-label", "x": SVGWriter.number(first.0), "y": SVGWriter.number(above ? first.1 - 11 : first.1 + 21),
                             "text-anchor": "middle", "fill": "#c0392b", "font-size": "11", "stroke": "#fff", "stroke-width": "3",
                             "paint-order": "stroke"], content: baseLabel)
        svg.element("circle", ["class": "target-point", "cx": SVGWriter.number(last.0), "cy": SVGWriter.number(last.1), "r": "6",
                               "fill": "none", "stroke": "#c0392b", "stroke-width": "2"])
        // Right margin: the value the target implies at the deadline, then the target as the plan states it.
        let x = SVGWriter.number(Self.width - m.right + 6)
        svg.element("text", ["x": x, "y": SVGWriter.number(last.1 - 2), "fill": "#c0392b", "font-weight": "bold"],
                     content: "\(words.legendTarget) \(words.comparator(target)) \(words.value(end.value, target, format))")
        svg.element("text", ["x": x, "y": SVGWriter.number(last.1 + 13), "fill": "#c0392b", "font-size": "11"],
                     content: "(" + words.statisticThreshold(target.threshold, target, format) + ")")
    }

    /// Several deadlines on one indicator: a short threshold mark and a ring at each milestone, labelled beside it.
    private func drawMilestones(_ svg: inout SVGWriter, _ g: Geometry, _ format: NumberFormatting, _ words: BriefingWords) {
        let m = Self.margin
        // Milestones of a growth or change from one base year: each milestone's line from the base, the base marked once.
        if let base = milestones.first(where: { $0.thresholdPath != nil }), let path = base.thresholdPath, let start = path.first {
            for milestone in milestones {
                guard let line = milestone.thresholdPath else { continue }
                svg.element("polyline", ["class": "target-path", "points": SVGWriter.points(line.map { (g.x(Double($0.year)), g.y(g.display($0.value))) }),
                                         "fill": "none", "stroke": "#c0392b", "stroke-width": "1.5", "stroke-dasharray": "7 4"])
            }
            let (bx, by) = (g.x(Double(start.year)), g.y(g.display(start.value)))
            svg.element("rect", ["class": "base", "x": SVGWriter.number(bx - 5), "y": SVGWriter.number(by - 5), "width": "10",
                                 "height": "10", "fill": base.baseObserved ? "#c0392b" : "#fff", "stroke": "#c0392b", "stroke-width": "2"])
            svg.element("text", ["class": "base-label", "x": SVGWriter.number(bx), "y": SVGWriter.number(by + 21), "text-anchor": "middle",
                                 "fill": "#c0392b", "font-size": "11", "stroke": "#fff", "stroke-width": "3", "paint-order": "stroke"],
                         content: words.baseLabel(start.year) + ": " + words.value(start.value, base, format))
        }
        for milestone in milestones {
            let y = g.y(g.display(milestone.thresholdAtDeadline))
            let x = g.x(Double(milestone.deadline))
            let last = milestone.deadline == target.deadline
            svg.element("line", ["class": "target milestone", "x1": SVGWriter.number(x - 22), "x2": SVGWriter.number(last ? Self.width - m.right : x + 22),
                                 "y1": SVGWriter.number(y), "y2": SVGWriter.number(y), "stroke": "#c0392b",
                                 "stroke-width": "2", "stroke-dasharray": "7 4"])
            svg.element("circle", ["class": "target-point", "cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": "6",
                                   "fill": "none", "stroke": "#c0392b", "stroke-width": "2"])
            let amount = milestone.form == .level ? words.thresholdValue(milestone.threshold, milestone, format)
                : words.statisticThreshold(milestone.threshold, milestone, format)
            let label = "\(words.comparator(milestone)) \(amount)"
            if last {
                svg.element("text", ["x": SVGWriter.number(Self.width - m.right + 6), "y": SVGWriter.number(y + 4),
                                     "fill": "#c0392b", "font-weight": "bold"], content: words.targetLabel(milestone, format))
            } else {
                // Above the mark unless the top of the plot is too close, then below it.
                let above = y - 12 > m.top + 16
                svg.element("text", ["class": "milestone-label", "x": SVGWriter.number(x), "y": SVGWriter.number(above ? y - 12 : y + 22),
                                     "text-anchor": "middle", "fill": "#c0392b", "font-weight": "bold", "stroke": "#fff",
                                     "stroke-width": "3", "paint-order": "stroke"],
                             content: "\(label) (\(milestone.deadline))")
            }
        }
    }

    private func drawDeadline(_ svg: inout SVGWriter, _ g: Geometry, _ words: BriefingWords) {
        let m = Self.margin
        let x = g.x(Double(target.deadline))
        svg.element("line", ["class": "deadline", "x1": SVGWriter.number(x), "x2": SVGWriter.number(x),
                             "y1": SVGWriter.number(m.top - 4), "y2": SVGWriter.number(Self.height - m.bottom),
                             "stroke": "#555", "stroke-width": "1", "stroke-dasharray": "3 3"])
        svg.element("text", ["x": SVGWriter.number(x), "y": SVGWriter.number(m.top - 8), "text-anchor": "middle",
                             "fill": "#333", "font-size": "11"], content: words.deadlineLabel(target.deadline))
    }

    private func drawHistory(_ svg: inout SVGWriter, _ g: Geometry) {
        let points = target.history.sorted { $0.year < $1.year }
        guard !points.isEmpty else { return }
        let full = points.filter { !$0.partial }
        if full.count > 1 {
            let line = full.map { (g.x(Double($0.year)), g.y(g.display($0.value))) }
            svg.element("polyline", ["class": "history", "points": SVGWriter.points(line), "fill": "none",
                                     "stroke": "#222", "stroke-width": "1.5"])
        }
        for point in points {
            svg.element("circle", ["class": point.partial ? "observed partial" : "observed",
                                   "cx": SVGWriter.number(g.x(Double(point.year))),
                                   "cy": SVGWriter.number(g.y(g.display(point.value))), "r": "4.5",
                                   "fill": point.partial ? "#fff" : "#222", "stroke": "#222", "stroke-width": "1.5"])
        }
    }

    private func drawLegend(_ svg: inout SVGWriter, _ words: BriefingWords) {
        var x = Self.margin.left
        var y = 14.0
        svg.raw("<g class=\"legend\">\n")
        // Items flow left to right and wrap to a second row when the next would not fit.
        func item(_ label: String, swatch: (inout SVGWriter, Double, Double) -> Void) {
            let width = 36 + SVGWriter.estimatedWidth(label)
            if x + width > Self.width - 8 {
                x = Self.margin.left
                y += 20
            }
            swatch(&svg, x, y)
            svg.element("text", ["x": SVGWriter.number(x + 22), "y": SVGWriter.number(y + 4), "fill": "#333"], content: label)
            x += width
        }
        item(words.legendObserved) { svg, x, y in
            svg.element("circle", ["cx": SVGWriter.number(x + 8), "cy": SVGWriter.number(y), "r": "4.5", "fill": "#222"])
        }
        if target.history.contains(where: \.partial) {
            item(words.legendPartial) { svg, x, y in
                svg.element("circle", ["cx": SVGWriter.number(x + 8), "cy": SVGWriter.number(y), "r": "4.5", "fill": "#fff",
                                       "stroke": "#222", "stroke-width": "1.5"])
            }
        }
        item(words.legendMedian) { svg, x, y in
            svg.element("line", ["x1": SVGWriter.number(x), "x2": SVGWriter.number(x + 16), "y1": SVGWriter.number(y),
                                 "y2": SVGWriter.number(y), "stroke": "#08519c", "stroke-width": "2.5"])
        }
        item(words.legendBand50) { svg, x, y in
            svg.element("rect", ["x": SVGWriter.number(x), "y": SVGWriter.number(y - 6), "width": "16", "height": "12",
                                 "fill": "#6baed6"])
        }
        item(words.legendBand90) { svg, x, y in
            svg.element("rect", ["x": SVGWriter.number(x), "y": SVGWriter.number(y - 6), "width": "16", "height": "12",
                                 "fill": "#c6dbef"])
        }
        item(words.legendTarget) { svg, x, y in
            svg.element("line", ["x1": SVGWriter.number(x), "x2": SVGWriter.number(x + 16), "y1": SVGWriter.number(y),
                                 "y2": SVGWriter.number(y), "stroke": "#c0392b", "stroke-width": "2",
                                 "stroke-dasharray": "5 3"])
        }
        if milestones.isEmpty, target.thresholdPath != nil {
            item(words.legendBase) { svg, x, y in
                svg.element("rect", ["x": SVGWriter.number(x + 3), "y": SVGWriter.number(y - 5), "width": "10", "height": "10",
                                     "fill": "#c0392b"])
            }
        }
        svg.raw("</g>\n")
    }

    /// What the chart shows, in a few sentences, for screen readers.
    func description(format: NumberFormatting, words: BriefingWords) -> String {
        var parts: [String] = []
        if let observed = words.observedSentence(target, format) { parts.append(observed) }
        if let end = target.fan.last(where: { $0.year == target.deadline }) ?? target.fan.last {
            parts.append(words.projectionSentence(end, target: target, format: format))
        }
        if milestones.isEmpty {
            if let stated = words.thresholdSentence(target, format) { parts.append(stated) } else { parts.append(words.targetLabel(target, format) + ".") }
            parts.append(words.probabilitySentence(target.probability, format: format))
        } else {
            for milestone in milestones {
                parts.append("\(milestone.deadline): \(words.targetLabel(milestone, format)); " + words.probabilitySentence(milestone.probability, format: format))
            }
        }
        return parts.joined(separator: " ")
    }
}
