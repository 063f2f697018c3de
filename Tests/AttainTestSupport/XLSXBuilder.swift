import Foundation
import ZIPFoundation

/// Small `.xlsx` workbooks written from XML strings, for tests of the workbook reader: every part is given as
/// text, so a test states exactly which cell types, styles and oddities the file has.
public struct XLSXBuilder {
    /// One sheet: its name and the inside of its `<sheetData>` (rows of `<c>` cells), plus anything after it
    /// (`<mergeCells>…`).
    public struct Sheet {
        public var name: String
        public var sheetData: String
        public var after: String
        public init(name: String, sheetData: String, after: String = "") {
            self.name = name
            self.sheetData = sheetData
            self.after = after
        }
    }

    public var sheets: [Sheet]
    /// The shared strings table (`xl/sharedStrings.xml`), or none.
    public var sharedStrings: [String]?
    /// `xl/styles.xml`'s `<numFmts>` and `<cellXfs>` (by default one plain style and one date style, index 1).
    public var styles: String
    /// Whether `xl/workbook.xml` says the 1904 date system.
    public var uses1904 = false

    public init(sheets: [Sheet], sharedStrings: [String]? = nil) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
        styles = #"<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>"#
    }

    /// A one-sheet workbook whose rows are written as cells: a field that reads as a number is a number cell,
    /// anything else an inline string, an empty field no cell.
    public static func simple(sheet: String = "Sheet1", rows: [[String]]) -> XLSXBuilder {
        XLSXBuilder(sheets: [Sheet(name: sheet, sheetData: sheetData(rows))])
    }

    /// `<row>`s for `rows` (numbers as numbers, other text inline).
    public static func sheetData(_ rows: [[String]], firstRow: Int = 1) -> String {
        var xml = ""
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + firstRow)\">"
            for (c, field) in row.enumerated() where !field.isEmpty {
                let ref = columnLetters(c) + String(r + firstRow)
                if Double(field) != nil {
                    xml += "<c r=\"\(ref)\"><v>\(field)</v></c>"
                } else {
                    xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(field))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml
    }

    public static func columnLetters(_ column: Int) -> String {
        var n = column + 1, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The parts, by path.
    public var parts: [(String, String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var out = [(String, String)]()
        var types = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
        types += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "</Types>"
        out.append(("[Content_Types].xml", types))
        out.append(("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"))
        var workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
        if uses1904 { workbook += "<workbookPr date1904=\"1\"/>" }
        workbook += "<sheets>"
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        if sharedStrings != nil { rels += "<Relationship Id=\"rIdSS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        out.append(("xl/workbook.xml", workbook + "</sheets></workbook>"))
        out.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
        out.append(("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"))
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined()
            out.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\" uniqueCount=\"\(sharedStrings.count)\">\(items)</sst>"))
        }
        for (i, sheet) in sheets.enumerated() {
            out.append(("xl/worksheets/sheet\(i + 1).xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheetData>\(sheet.sheetData)</sheetData>\(sheet.after)</worksheet>"))
        }
        return out
    }

    /// Writes the workbook (parts deflated) to `path`.
    public func write(to path: String) throws {
        try Self.zip(parts.map { ($0.0, Data($0.1.utf8)) }, to: path)
    }

    /// A zip archive of `entries` (deflated) at `path`.
    public static func zip(_ entries: [(String, Data)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Rewrites the uncompressed size `entry` declares (in its local header and the central directory) to `size`:
    /// a file that lies about what it inflates to.
    public static func patchDeclaredSize(at path: String, entry: String, to size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array(entry.utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func put32(_ i: Int, _ v: UInt32) { for k in 0..<4 { bytes[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04,
               Array(bytes[(i + 30)..<min(i + 30 + u16(i + 26), bytes.count)]) == name {
                put32(i + 22, size)
            }
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02,
               Array(bytes[(i + 46)..<min(i + 46 + u16(i + 28), bytes.count)]) == name {
                put32(i + 24, size)
            }
            i += 1
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
