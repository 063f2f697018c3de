import AttainSimulation

extension FanChart {
    /// Maps years and values to SVG coordinates for one chart.
    struct Geometry {
        let years: [Int]
        let fan: [FanPoint]
        let scale: NiceScale
        /// The y-axis tick labels, and the left edge of the plot (wide enough for the longest label).
        let tickLabels: [String]
        let left: Double
        /// Where the cut-off falls on the year axis (a year's value is placed at its end: 2026-06-30 → 2025.5).
        let cutoffPosition: Double
        private let isShare: Bool
        private let firstYear: Double
        private let lastYear: Double

        init(target: BriefingTarget, cutoff: CutoffDate, format: NumberFormatting, milestones: [BriefingTarget] = []) {
            isShare = target.scale == .share
            var fan = target.fan.sorted { $0.year < $1.year }
            // Join the fan to the last fully observed year so the projection visibly starts from the data.
            if let last = target.history.filter({ !$0.partial }).max(by: { $0.year < $1.year }),
               let first = fan.first, last.year < first.year {
                fan.insert(FanPoint(year: last.year, value: last.value), at: 0)
            }
            self.fan = fan
            let allYears = target.history.map(\.year) + fan.map(\.year) + [target.deadline, target.window.lowerBound]
            let earliest = allYears.min()!
            let latest = allYears.max()!
            years = Array(earliest...latest)
            firstYear = Double(earliest) - 0.45
            lastYear = Double(latest) + 0.45
            cutoffPosition = Double(cutoff.year - 1) + cutoff.fractionOfYear

            let share = isShare
            func display(_ v: Double) -> Double { share ? v * 100 : v }
            var values = target.history.map { display($0.value) }
            values += fan.flatMap { [display($0.lower90), display($0.upper90)] }
            if let path = target.thresholdPath {
                // A threshold stated from a base year is drawn on the indicator's scale: its path and the base value.
                values += path.map { display($0.value) }
                if let stretch = target.stretch, let stretchPath = target.thresholdPath(for: stretch) {
                    values += stretchPath.map { display($0.value) }
                }
            } else {
                values.append(display(target.threshold))
                if let stretch = target.stretch { values.append(display(stretch)) }
            }
            values += milestones.map { display($0.thresholdAtDeadline) }
            values += milestones.compactMap { $0.baseValue.map(display) }
            var low = values.min() ?? 0
            var high = values.max() ?? 1
            let pad = (high - low) * 0.06
            low -= pad
            high += pad
            if share || target.scale == .count || (target.scale == .level && values.allSatisfy { $0 >= 0 }) { low = max(0, low) }
            if share { high = min(100, high) }
            scale = NiceScale(lower: low, upper: high, maximumTicks: 6, integerSteps: target.scale == .count)
            let digits = scale.fractionDigits
            tickLabels = scale.ticks.map { format.decimal($0, fractionDigits: digits) + (share ? "%" : "") }
            let widest = tickLabels.map { SVGWriter.estimatedWidth($0) }.max() ?? 0
            left = max(FanChart.margin.left, widest + 14)
        }

        /// A data-scale value on the drawn scale (shares as percentages).
        func display(_ value: Double) -> Double {
            isShare ? value * 100 : value
        }

        func x(_ year: Double) -> Double {
            let width = FanChart.width - left - FanChart.margin.right
            return left + (year - firstYear) / (lastYear - firstYear) * width
        }

        func y(_ value: Double) -> Double {
            let m = FanChart.margin
            let height = FanChart.height - m.top - m.bottom
            let clamped = min(max(value, scale.lower), scale.upper)
            return FanChart.height - m.bottom - (clamped - scale.lower) / (scale.upper - scale.lower) * height
        }
    }
}
