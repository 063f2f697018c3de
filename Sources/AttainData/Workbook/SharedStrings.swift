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
    ///
    /// With libxml2 directly (SheetSAX) when the part is UTF-8 without `<!`, else, or when libxml2 reports an error,
    /// through XMLParser (whose strings and message stand).
    static func parse(_ data: Data, part: String, libxml2: Bool = true) throws(XLSXArchive.Failure) -> [String] {
        try XMLBytes.check(data, part: part)
        if libxml2, !XMLBytes.hasUTF16Mark(data), !SheetReader.hasDeclarations(data) {
            let reader = SharedStrings()
            if SheetSAX.parse(data, into: reader) { return reader.strings }
        }
        let reader = SharedStrings()
        let parser = XMLParser(stream: InputStream(data: data))  // fed in chunks: libxml2 refuses one chunk over 10 MB
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw .badXML(part: part, detail: parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML")
        }
        return reader.strings
    }

    /// The elements read: an item, a phonetic guide, a text run.
    enum Tag { case item, phonetic, text, other }

    /// The tag of an element name's UTF-8 bytes (`x:si` reads as `si`).
    static func tag(_ all: UnsafeBufferPointer<UInt8>) -> Tag {
        var start = all.count
        while start > 0 && all[start - 1] != UInt8(ascii: ":") { start -= 1 }
        let local = UnsafeBufferPointer(rebasing: all[start...])
        if local.elementsEqual("si".utf8) { return .item }
        if local.elementsEqual("rPh".utf8) { return .phonetic }
        if local.elementsEqual("t".utf8) { return .text }
        return .other
    }

    static func tag(cString name: UnsafePointer<UInt8>) -> Tag { tag(UnsafeBufferPointer(start: name, count: strlen(name))) }

    private static func tag(_ name: String) -> Tag {
        var name = name
        return name.withUTF8 { tag($0) }
    }

    func start(_ tag: Tag) {
        switch tag {
        case .item: inItem = true; current = ""
        case .phonetic: phonetic += 1
        case .text: inText = inItem && phonetic == 0
        case .other: break
        }
    }

    func end(_ tag: Tag) {
        switch tag {
        case .item: strings.append(current); inItem = false
        case .phonetic: phonetic -= 1
        case .text: inText = false
        case .other: break
        }
    }

    /// Whether text found now is kept.
    var capturing: Bool { inText }

    func found(_ string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        start(Self.tag(name))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.tag(name))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { found(string) }
}
