import Foundation
import Yams

/// A YAML node with where it came from (file, key path, line), and typed accessors whose errors say exactly that.
///
/// Scenario and target loaders walk files through this type: every unknown key, wrong type or missing value becomes a
/// ``ConfigurationError`` naming the file, line and dotted key.
package struct ConfigNode {
    package let node: Node
    package let file: String
    package let path: String

    package init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses `text` (the contents of `file`) into its root node.
    package static func parse(_ text: String, file: String) throws -> ConfigNode {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: file, key: "", message: "the file is empty", hint: "start with `version: 1`")
            }
            return ConfigNode(node: root, file: file)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: Self.line(of: error), key: "", message: "not valid YAML: \(Self.problem(of: error))")
        }
    }

    /// Reads and parses the file at `path`.
    package static func load(path: String) throws -> ConfigNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", message: "cannot read the file", hint: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, key: "", message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return String(describing: error)
        }
    }

    /// 1-based line of the node in its file.
    package var line: Int? { node.mark?.line }

    package func error(_ message: String, hint: String? = nil) -> ConfigurationError {
        ConfigurationError(file: file, line: line, key: path, message: message, hint: hint)
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private var typeName: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return s.string.isEmpty ? "empty" : "`\(s.string)`"
        case .alias: return "an alias"
        }
    }

    // MARK: Mappings

    /// The keys of this mapping, checked against `allowed`; an unknown key is an error suggesting the nearest known key.
    /// With a collecting `problems`, each key's problem is kept and the known keys are returned.
    @discardableResult
    package func mapping(allowed: [String], problems: ProblemCollector = ProblemCollector(collecting: false)) throws -> [String] {
        guard case .mapping(let m) = node else { throw error("expected a mapping of keys, found \(typeName)") }
        var keys: [String] = []
        for (k, v) in m {
            try problems.attempt {
                guard let name = k.scalar?.string else { throw error("keys must be plain names") }
                if !allowed.contains(name) {
                    throw ConfigurationError(file: file, line: k.mark?.line ?? v.mark?.line, key: childPath(name),
                                             message: "unknown key `\(name)`", hint: NearestName.hint(for: name, among: allowed))
                }
                if keys.contains(name) {
                    throw ConfigurationError(file: file, line: k.mark?.line, key: childPath(name), message: "key `\(name)` appears twice")
                }
                keys.append(name)
            }
        }
        return keys
    }

    /// The keys of this mapping that are not in `allowed` (none when it is not a mapping).
    package func unknownKeys(allowed: [String]) -> [String] {
        guard case .mapping(let m) = node else { return [] }
        return m.compactMap { $0.key.scalar?.string }.filter { !allowed.contains($0) }
    }

    /// The value at `key`, or nil when absent (or explicitly null).
    package func optional(_ key: String) -> ConfigNode? {
        guard case .mapping(let m) = node, let v = m[key] else { return nil }
        if case .scalar = v, v.null != nil { return nil }
        return ConfigNode(node: v, file: file, path: childPath(key))
    }

    /// The value at `key`; an error naming the key when absent.
    package func required(_ key: String, hint: String? = nil) throws -> ConfigNode {
        guard let v = optional(key) else {
            throw ConfigurationError(file: file, line: line, key: childPath(key), message: "missing required key `\(key)`", hint: hint)
        }
        return v
    }

    // MARK: Scalars

    /// The scalar's text.
    package func string() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected text, found \(typeName)") }
        return s.string
    }

    /// An integer (`2030`).
    package func int() throws -> Int {
        let s = try string().trimmingCharacters(in: .whitespaces)
        guard let v = Int(s.replacingOccurrences(of: "_", with: "")) else { throw error("expected a whole number, found \(typeName)") }
        return v
    }

    /// A number; `90%` is read as 0.9 and a decimal comma is accepted (`0,9`).
    package func double() throws -> Double {
        var s = try string().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        var divisor = 1.0
        if s.hasSuffix("%") { s.removeLast(); divisor = 100 }
        if !s.contains("."), s.filter({ $0 == "," }).count == 1 { s = s.replacingOccurrences(of: ",", with: ".") }
        guard let v = Double(s.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw error("expected a number, found \(typeName)")
        }
        return v / divisor
    }

    /// `true` / `false` (also yes / no).
    package func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(typeName)")
        }
    }

    /// One of `choices`; anything else is an error suggesting the nearest choice.
    package func choice(_ choices: [String]) throws -> String {
        let s = try string()
        guard choices.contains(s) else { throw error("`\(s)` is not a valid value", hint: NearestName.hint(for: s, among: choices)) }
        return s
    }

    // MARK: Collections

    /// The items of a list (a single scalar counts as a one-item list when `scalarAsList`).
    package func list(scalarAsList: Bool = false) throws -> [ConfigNode] {
        switch node {
        case .sequence(let seq):
            return seq.enumerated().map { ConfigNode(node: $0.element, file: file, path: "\(path)[\($0.offset)]") }
        case .scalar where scalarAsList:
            return [self]
        default:
            throw error("expected a list, found \(typeName)")
        }
    }

    /// Text in English and Vietnamese: a plain string (English) or `{ en: …, vi: … }`.
    package func localizedText() throws -> LocalizedText {
        if case .scalar = node { return LocalizedText(en: try string()) }
        try mapping(allowed: ["en", "vi"])
        let text = LocalizedText(en: try optional("en")?.string(), vi: try optional("vi")?.string())
        if text.en == nil && text.vi == nil { throw error("give the text in `en`, `vi` or both") }
        return text
    }

    /// Checks the file's `version` key against the newest schema this reader knows.
    package func checkVersion(supported: Int, kind: String) throws {
        guard case .mapping = node else {
            throw error("a \(kind) file is a mapping of keys (`version: \(supported)`, …), but this one is \(typeName)",
                        hint: "start the file with `version: \(supported)` and write one `key: value` per line")
        }
        guard let v = optional("version") else {
            throw ConfigurationError(file: file, line: line, key: "version", message: "missing `version`",
                                     hint: "add `version: \(supported)` as the first line of the \(kind) file")
        }
        let version = try v.int()
        if version > supported {
            throw v.error("this \(kind) file uses schema version \(version), but this version of Attain reads up to version \(supported)",
                          hint: "upgrade Attain, or rewrite the file for version \(supported)")
        }
        if version < 1 { throw v.error("schema versions start at 1") }
    }
}
