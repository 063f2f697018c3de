import Attain
import Foundation
import ZIPFoundation

/// libFuzzer entry point: any bytes through the workbook reader, as `attain validate data.xlsx` and `attain import`
/// read a file.
///
/// Two kinds of input, so that the mutator reaches the XML and the layouts and not only the zip checks (a mutated
/// deflate stream rarely survives its checksum):
/// - bytes starting with `PK` (or the OLE magic) are the workbook file itself: the archive checks, limits, parts;
/// - anything else is a workbook's parts as text, split at lines `@@`: sheet XML (the inside of `<sheetData>`), then
///   shared strings (one per line), then the `<cellXfs>`/`<numFmts>` of the styles, then a mapping file; the harness
///   zips them (stored) into a workbook and reads that.
/// A crash, a trap or an address-sanitizer report is a finding; every issue is rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-fuzz-xlsx-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("fuzz.xlsx").path
    let mappingPath = dir.appendingPathComponent("fuzz.mapping.yaml").path
    try? FileManager.default.removeItem(atPath: mappingPath)
    if data.starts(with: [0x50, 0x4B]) || data.starts(with: [0xD0, 0xCF]) {
        try? data.write(to: URL(fileURLWithPath: path))
    } else {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\n@@\n")
        let sheet = parts[0]
        let strings = parts.count > 1 ? parts[1].split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : []
        let styles = parts.count > 2 ? parts[2] : ""
        if parts.count > 3 { try? parts[3].write(toFile: mappingPath, atomically: false, encoding: .utf8) }
        guard (try? writeWorkbook(sheet: sheet, strings: strings, styles: styles, to: path)) != nil else { return 0 }
    }
    for name in [path, path + "#Sheet1", path + "#Số liệu"] {
        let v = DataSet.validate(contentsOf: URL(fileURLWithPath: name))
        for issue in v.issues { _ = String(describing: issue) }
        _ = v.summary
    }
    let table = DataSet.tidyTable(contentsOf: path)
    _ = table.csv
    for issue in table.issues { _ = String(describing: issue) }
    return 0
}

private func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
}

/// A minimal workbook with one sheet `Số liệu` holding `sheet`, stored uncompressed.
private func writeWorkbook(sheet: String, strings: [String], styles: String, to path: String) throws {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Số liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"),
        ("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">" + strings.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"),
        ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"),
    ]
    let archive = try Archive(data: Data(), accessMode: .create)  // in memory: the file-backed one leaks its path
    for (name, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    try archive.data?.write(to: URL(fileURLWithPath: path))
}
