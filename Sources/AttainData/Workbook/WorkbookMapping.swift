import Foundation
import Yams

/// What a wide sheet cannot say by itself: which row holds the periods, which unit or indicator every row is, what
/// a row label means as an indicator, and each indicator's kind.
///
/// Given in a sidecar YAML file beside the workbook (`data.xlsx` → `data.mapping.yaml`, found by itself) or with
/// `attain import --mapping`:
/// ```yaml
/// header_row: 3                 # the row holding the periods (found by itself when left out)
/// unit: Huyện Hiệp Hòa           # every row is this unit (indicators down the rows)
/// indicators:                   # row label → indicator name
///   Tỷ lệ đoàn viên: union_members
/// kinds:
///   union_members: share
/// sheets:                       # the same keys for one sheet only
///   Quý: { header_row: 2 }
/// ```
public struct WorkbookMapping: Sendable, Equatable {
    /// 1-based row holding the period headers; nil to find it.
    public var headerRow: Int?
    /// The unit of every row, for a sheet with indicators down the rows.
    public var unit: String?
    /// The indicator of every row, for a sheet with units down the rows.
    public var indicator: String?
    /// Row label → indicator name.
    public var indicators: [String: String]
    /// Indicator → kind.
    public var kinds: [String: IndicatorKind]
    /// Per-sheet settings, overriding these.
    public var sheets: [String: WorkbookMapping]

    public init(headerRow: Int? = nil, unit: String? = nil, indicator: String? = nil, indicators: [String: String] = [:],
                kinds: [String: IndicatorKind] = [:], sheets: [String: WorkbookMapping] = [:]) {
        self.headerRow = headerRow
        self.unit = unit
        self.indicator = indicator
        self.indicators = indicators
        self.kinds = kinds
        self.sheets = sheets
    }

    /// The settings for `sheet`: its own over the workbook's.
    public func forSheet(_ sheet: String?) -> WorkbookMapping {
        guard let sheet, let own = sheets[sheet] else { return self }
        var merged = self
        merged.sheets = [:]
        merged.headerRow = own.headerRow ?? headerRow
        merged.unit = own.unit ?? unit
        merged.indicator = own.indicator ?? indicator
        merged.indicators.merge(own.indicators) { $1 }
        merged.kinds.merge(own.kinds) { $1 }
        return merged
    }

    /// The sidecar a data file would have: `data.xlsx` → `data.mapping.yaml`.
    public static func sidecarPath(for path: String) -> String {
        (path as NSString).deletingPathExtension + ".mapping.yaml"
    }

    /// Reads a mapping file; the error names the file and the key.
    public static func load(contentsOf url: URL) throws(DataError) -> WorkbookMapping {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw .mapping(file: name, message: "cannot read the mapping file")
        }
        return try parse(text, file: name)
    }

    /// Reads mapping YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(DataError) -> WorkbookMapping {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw .mapping(file: file, message: "not valid YAML: \(error)") }
        guard let node else { return WorkbookMapping() }
        return try read(node, file: file, path: "")
    }

    private static let keys = ["header_row", "unit", "indicator", "indicators", "kinds", "sheets"]

    private static func read(_ node: Node, file: String, path: String) throws(DataError) -> WorkbookMapping {
        guard let map = node.mapping else { throw .mapping(file: file, message: "\(path.isEmpty ? "the file" : path) must be a mapping of keys") }
        var m = WorkbookMapping()
        for (k, v) in map {
            let key = k.string ?? ""
            let at = path.isEmpty ? key : "\(path).\(key)"
            switch key {
            case "header_row":
                guard let n = v.int, n > 0 else { throw .mapping(file: file, message: "`\(at)` must be a row number (1, 2, …)") }
                m.headerRow = n
            case "unit": m.unit = try scalar(v, at, file)
            case "indicator": m.indicator = try scalar(v, at, file)
            case "indicators": m.indicators = try pairs(v, at, file)
            case "kinds":
                for (name, kindText) in try pairs(v, at, file) {
                    guard let kind = IndicatorKind(rawValue: kindText.lowercased()) else {
                        throw .mapping(file: file, message: "`\(at).\(name)`: kind \"\(kindText)\" is not one of share, count, cumulative, level")
                    }
                    m.kinds[name] = kind
                }
            case "sheets" where path.isEmpty:
                guard let sheets = v.mapping else { throw .mapping(file: file, message: "`sheets` must map sheet names to settings") }
                for (s, settings) in sheets {
                    let name = s.string ?? ""
                    m.sheets[name] = try read(settings, file: file, path: "sheets.\(name)")
                }
            default:
                throw .mapping(file: file, message: "unknown key `\(at)`; the keys are \(keys.joined(separator: ", "))")
            }
        }
        return m
    }

    private static func scalar(_ v: Node, _ at: String, _ file: String) throws(DataError) -> String {
        guard let s = v.scalar?.string, !s.trimmed.isEmpty else { throw .mapping(file: file, message: "`\(at)` must be a name") }
        return s.trimmed
    }

    private static func pairs(_ v: Node, _ at: String, _ file: String) throws(DataError) -> [String: String] {
        guard let map = v.mapping else { throw .mapping(file: file, message: "`\(at)` must map names to names") }
        var out = [String: String]()
        for (k, value) in map {
            guard let key = k.scalar?.string, let s = value.scalar?.string else {
                throw .mapping(file: file, message: "`\(at)` must map names to names")
            }
            out[key.trimmed] = s.trimmed
        }
        return out
    }
}
