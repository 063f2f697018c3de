/// Where something was written: file, dotted key and line, for error messages about it found later (when the data
/// are read, or targets are checked against the scenario).
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var key: String
    public var line: Int?

    public init(file: String, key: String, line: Int? = nil) {
        self.file = file
        self.key = key
        self.line = line
    }

    /// An error at this location.
    public func error(_ message: String, key subkey: String? = nil, hint: String? = nil) -> ConfigurationError {
        ConfigurationError(file: file, line: line, key: subkey.map { key.isEmpty ? $0 : "\(key).\($0)" } ?? key, message: message, hint: hint)
    }
}
