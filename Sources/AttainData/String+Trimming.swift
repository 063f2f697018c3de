extension Substring {
    /// The text without leading and trailing white space (Unicode White_Space: spaces, tabs, line breaks, no-break
    /// spaces). Much cheaper than Foundation's `trimmingCharacters(in:)`, which matters at a million fields.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isSpace(first) && !isSpace(last) { return String(self) }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[start...end])
    }
}

extension String {
    /// The text without leading and trailing white space (see `Substring.trimmed`); the text itself, uncopied, when
    /// it starts and ends with visible ASCII (almost every field of a machine-written file).
    var trimmed: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return self[...].trimmed
    }
}

/// Unicode White_Space, answered without the property tables for ASCII.
@inline(__always) private func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.isASCII ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
}
