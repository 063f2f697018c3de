import Attain
import Foundation

/// Plain renderings of result values for the terminal and for scripts (the briefing formats live in AttainReport).
enum ResultText {
    /// `v` with `digits` decimals.
    static func number(_ v: Double, digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// A value on the scale of its target: shares as percentages, counts as whole numbers.
    static func value(_ v: Double, share: Bool) -> String {
        share ? number(100 * v, digits: 1) + "%" : (v == v.rounded() ? String(Int(v)) : number(v, digits: 1))
    }

    /// `table` as the format asks: aligned text under its caption, CSV (the table alone) or Markdown.
    static func render(_ table: TextTable, caption: String, as format: OutputFormat) -> String {
        switch format {
        case .csv: return table.renderCSV()
        case .md: return "**\(caption)**\n\n" + table.renderMarkdown()
        default: return caption + "\n" + table.renderText()
        }
    }

    /// Six significant digits (`0.726935`, `1.2e+05`); `missing` for a missing or non-finite number.
    static func short(_ v: Double?, missing: String = "—") -> String {
        guard let v, v.isFinite else { return missing }
        return String(format: "%.6g", v)
    }
}
