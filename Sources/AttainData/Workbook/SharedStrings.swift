import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The workbook's shared strings (`xl/sharedStrings.xml`): the text cells of type `s` point into this table.
///
/// Rich text (`<r><t>…</t></r>` runs) is joined; phonetic guides (`<rPh>`) are left out, as spreadsheets show them.
final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = "", inItem = false, inText = false, phonetic = 0

    /// Parses the part; `part` names it in an error.
    static func parse(_ data: Data, part: String) throws(XLSXArchive.Failure) -> [String] {
        try XMLBytes.check(data, part: part)
        let reader = SharedStrings()
        let parser = XMLParser(stream: InputStream(data: data))  // fed in chunks: libxml2 refuses one chunk over 10 MB
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw .badXML(part: part, detail: parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML")
        }
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "si": inItem = true; current = ""
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "si": strings.append(current); inItem = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
