import Foundation

/// An `.xlsx` workbook opened for reading: its sheet names, and any sheet's cells as a ``SheetGrid``.
///
/// ```swift
/// var book = try WorkbookFile(url: URL(fileURLWithPath: "data.xlsx"))
/// let grid = try book.grid(sheet: "Số liệu")   // nil reads the first sheet
/// ```
/// Errors are ``WorkbookError`` values whose descriptions say what the file is and how to fix it.
public struct WorkbookFile {
    private var archive: XLSXArchive
    private let parts: WorkbookParts
    private var shared: [String]?

    /// The sheets' names, in the workbook's order.
    public var sheetNames: [String] { parts.sheets.map(\.name) }

    /// Opens the workbook at `url` (reads its sheet list and styles, no sheet yet).
    public init(url: URL) throws(WorkbookError) {
        do throws(XLSXArchive.Failure) {
            archive = try XLSXArchive(url: url)
            parts = try WorkbookParts.read(from: &archive)
        } catch { throw WorkbookError(error) }
    }

    /// The cells of the sheet named `sheet` (the first sheet when nil).
    ///
    /// - Throws: ``WorkbookError/missingSheet(_:available:)`` listing the sheets there are.
    public mutating func grid(sheet: String? = nil) throws(WorkbookError) -> SheetGrid {
        guard let entry = sheet.map({ name in parts.sheets.first { $0.name == name } ?? parts.sheets.first { $0.name.lowercased() == name.lowercased() } })
                ?? parts.sheets.first else {
            throw .missingSheet(sheet ?? "", available: sheetNames)
        }
        do throws(XLSXArchive.Failure) {
            if shared == nil {
                if let data = try archive.read("xl/sharedStrings.xml") {
                    shared = try SharedStrings.parse(data, part: "xl/sharedStrings.xml")
                } else {
                    shared = []
                }
            }
            guard let data = try archive.read(entry.part) else { throw XLSXArchive.Failure.damaged(part: entry.part) }
            return try SheetReader.read(data, part: entry.part, shared: shared ?? [], parts: parts, name: entry.name)
        } catch { throw WorkbookError(error) }
    }
}

/// Why a workbook could not be read; each description says what the file is and how to fix it.
public enum WorkbookError: Error, Equatable, CustomStringConvertible {
    /// An OLE compound file: an old binary `.xls`, or a password-protected (encrypted) workbook.
    case oldOrEncrypted
    /// Not a zip archive, so not an `.xlsx` (or a damaged one).
    case notZip
    /// A zip archive without a workbook in it.
    case notWorkbook
    /// A part inflates past the limit (a damaged file or a zip bomb).
    case tooLarge(part: String, limit: UInt64)
    /// A part's data is damaged or its XML unreadable.
    case damaged(part: String, detail: String)
    /// No sheet of that name; the sheets there are.
    case missingSheet(String, available: [String])

    init(_ failure: XLSXArchive.Failure) {
        switch failure {
        case .compoundFile: self = .oldOrEncrypted
        case .notZip: self = .notZip
        case .notWorkbook: self = .notWorkbook
        case .tooLarge(let part, let limit): self = .tooLarge(part: part, limit: limit)
        case .damaged(let part): self = .damaged(part: part, detail: "its compressed data is damaged")
        case .badXML(let part, let detail): self = .damaged(part: part, detail: "its XML cannot be read (\(detail))")
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .oldOrEncrypted:
            return "the file is an old binary Excel workbook (.xls) or a password-protected (encrypted) workbook, which Attain cannot read"
        case .notZip: return "the file is not an .xlsx workbook (an .xlsx is a zip archive; this one is not)"
        case .notWorkbook: return "the file is a zip archive but holds no Excel workbook (no xl/workbook.xml)"
        case .tooLarge(let part, let limit):
            return "the workbook's part \(part) inflates to more than \(limit / (1 << 20)) MiB; reading stopped (a damaged file or a zip bomb)"
        case .damaged(let part, let detail): return "the workbook is damaged: part \(part): \(detail)"
        case .missingSheet(let name, let available):
            let list = available.isEmpty ? "it has no sheets" : "its sheets are: " + available.joined(separator: ", ")
            return name.isEmpty ? "the workbook has no sheet to read; \(list)" : "the workbook has no sheet \"\(name)\"; \(list)"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .oldOrEncrypted:
            return "open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) without a password"
        case .notZip, .notWorkbook: return "save the workbook as .xlsx from Excel or LibreOffice, or export the sheet as CSV"
        case .tooLarge: return "save the data alone in a new workbook, or export the sheet as CSV"
        case .damaged: return "open the workbook in Excel or LibreOffice and save it again as .xlsx"
        case .missingSheet(_, let available):
            return available.first.map { "name one of them after #, e.g. file.xlsx#\($0)" } ?? "add a sheet with the data"
        }
    }

    public var description: String { "\(message); \(hint)" }
}
