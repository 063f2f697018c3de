extension JSONValue {
    /// The JSON value of any `Encodable`, for deterministic output (sorted keys, one number form) through ``rendered(pretty:)``.
    ///
    /// ```swift
    /// print(try JSONValue(encoding: runResult).rendered())
    /// ```
    /// Keys whose optional value is nil are left out (as `JSONEncoder` does) unless the type encodes `nil` explicitly.
    /// Whole-number doubles print without a fraction (`10000`, not `10000.0`); NaN and infinities print as `null`.
    public init(encoding value: some Encodable) throws {
        let root = EncodingBox()
        try root.store(value, codingPath: [])
        self = root.resolved
    }
}

/// A node of the value tree being built by the encoder; containers fill it in place.
private final class EncodingBox {
    enum Content {
        case value(JSONValue)
        case object([String: EncodingBox])
        case array([EncodingBox])
    }

    var content: Content = .value(.null)

    var resolved: JSONValue {
        switch content {
        case .value(let value): return value
        case .object(let members): return .object(members.mapValues(\.resolved))
        case .array(let items): return .array(items.map(\.resolved))
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func child(forKey key: String) -> EncodingBox {
        makeObject()
        guard case .object(var members) = content else { fatalError("unreachable: made an object above") }
        if let existing = members[key] { return existing }
        let box = EncodingBox()
        members[key] = box
        content = .object(members)
        return box
    }

    func appendChild() -> EncodingBox {
        makeArray()
        guard case .array(var items) = content else { fatalError("unreachable: made an array above") }
        let box = EncodingBox()
        items.append(box)
        content = .array(items)
        return box
    }

    var count: Int {
        switch content {
        case .array(let items): return items.count
        case .object(let members): return members.count
        case .value: return 0
        }
    }

    /// Stores `value`, writing numbers, strings and booleans directly and anything else through its `encode(to:)`.
    func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as Bool: content = .value(.bool(v))
        case let v as String: content = .value(.string(v))
        case let v as Double: content = .value(.number(v))
        case let v as Float: content = .value(.number(Double(v)))
        case let v as Int: content = .value(.int(v))
        case let v as Int8: content = .value(.int(Int(v)))
        case let v as Int16: content = .value(.int(Int(v)))
        case let v as Int32: content = .value(.int(Int(v)))
        case let v as Int64: content = .value(.int(Int(v)))
        case let v as UInt8: content = .value(.int(Int(v)))
        case let v as UInt16: content = .value(.int(Int(v)))
        case let v as UInt32: content = .value(.int(Int(v)))
        case let v as UInt: content = v <= UInt(Int.max) ? .value(.int(Int(v))) : .value(.double(Double(v)))
        case let v as UInt64: content = v <= UInt64(Int.max) ? .value(.int(Int(v))) : .value(.double(Double(v)))
        default: try value.encode(to: BoxEncoder(box: self, codingPath: codingPath))
        }
    }
}

private struct BoxEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.makeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.makeArray()
        return UnkeyedBoxContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleBoxContainer(box: box, codingPath: codingPath)
    }
}

private struct KeyedBoxContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        box.child(forKey: key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try box.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedBoxContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        BoxEncoder(box: box.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BoxEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedBoxContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var count: Int { box.count }

    mutating func encodeNil() throws {
        box.appendChild().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try box.appendChild().store(value, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        let child = box.appendChild()
        child.makeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        let child = box.appendChild()
        child.makeArray()
        return UnkeyedBoxContainer(box: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        BoxEncoder(box: box.appendChild(), codingPath: codingPath)
    }
}

private struct SingleBoxContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        box.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try box.store(value, codingPath: codingPath)
    }
}
