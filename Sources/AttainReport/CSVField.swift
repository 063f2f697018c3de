/// Escaping of one CSV field under RFC 4180.
public enum CSVField {
    /// `text` quoted when it holds a comma, a double quote, a line break or leading/trailing spaces; quotes doubled.
    public static func escape(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
