/// A problem in a scenario or target file: what is wrong, where (file, line, key), and how to fix it.
///
/// Every check of a YAML file throws this type, so the command-line tool can print one clear line per problem and exit
/// with the "bad input" status.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in.
    public var file: String
    /// 1-based line of the offending key or value, when known.
    public var line: Int?
    /// Dotted path of the offending key, e.g. `indicators[2].model` (empty for the whole file).
    public var key: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is an obvious fix.
    public var hint: String?

    public init(file: String, line: Int? = nil, key: String, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.hint = hint
    }

    /// `file:line: key: message (hint)`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if !key.isEmpty { s += "`\(key)`: " }
        s += message
        if let hint { s += " (\(hint))" }
        return s
    }
}
