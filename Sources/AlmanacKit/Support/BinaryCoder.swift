import Foundation

/// A compact binary form of any `Codable` value, for the build cache: the
/// cache's format is its types' `Codable` conformances (mostly synthesized), so
/// a new field needs no edit here. Not a general archive: values are read back
/// in the order they were written, by the same types.
///
/// Numbers are LEB128 varints (zig-zag for signed ones), strings their UTF-8
/// after its length, a keyed container its values in the order they are written
/// (no names: the cache is read only by the build of almanac that wrote it, see
/// `BuildCache.toolIdentity`), but for an enum's case, written as its name before
/// its payload (what `allKeys` reads), optionals a presence byte.
/// A list is its length (four bytes, filled in as its elements are written)
/// and its elements; lists of strings and numbers, which the cache holds by the
/// hundred thousand, skip `Codable`'s calls per element (the bytes are the same),
/// and a list of bytes (`[UInt8]` or `Data`) is its bytes as they are. `Data` read
/// from a file's `Data` is a slice of it, not a copy (see `decode(_:from:in:)`).
/// Anything unexpected throws, and the cache that held it is ignored.
enum BinaryCoder {
    struct Malformed: Error {}

    /// `capacity`: about how many bytes it will take (a long value then grows in one step, not by doubling).
    static func encode(_ value: some Encodable, capacity: Int = 0) -> [UInt8] {
        let encoder = BinaryEncoder()
        encoder.bytes.reserveCapacity(capacity)
        // Every type in the cache encodes without throwing: a failure is a bug, not a bad file.
        try! encoder.encode(value)
        return encoder.bytes
    }

    /// A length in front of a record, so that records can follow one another in a file.
    static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        var rest = UInt64(length)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The length written by `appendLength` at `index`, and where the record starts.
    static func length(in bytes: UnsafeRawBufferPointer, at index: Int) -> (Int, Int)? {
        var value = 0, shift = 0, index = index
        while index < bytes.count, shift < 63 {
            let byte = bytes[index]
            index += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return (value, index) }
            shift += 7
        }
        return nil
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        try decode(type, with: BinaryDecoder(bytes))
    }

    /// The value written in `range` of `file`: its `Data` are slices of `file`, which
    /// they keep (a mapped file stays mapped while they are there).
    static func decode<T: Decodable>(_ type: T.Type, from file: Data, in range: Range<Int>) throws -> T {
        try file.withUnsafeBytes { buffer in
            try decode(type, with: BinaryDecoder(UnsafeRawBufferPointer(rebasing: buffer[range]), file: file, offset: range.lowerBound))
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, with decoder: BinaryDecoder) throws -> T {
        let value = try decoder.decode(type)
        guard decoder.index == decoder.bytes.count else { throw Malformed() }
        return value
    }
}

private final class BinaryEncoder: Encoder, SingleValueEncodingContainer {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { KeyedEncodingContainer(Keyed(encoder: self)) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { List(encoder: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// A list: its length in the four bytes in front, counted as elements come.
    final class List: UnkeyedEncodingContainer {
        let encoder: BinaryEncoder
        let slot: Int
        var count = 0
        var codingPath: [any CodingKey] { [] }

        init(encoder: BinaryEncoder) {
            self.encoder = encoder
            slot = encoder.bytes.count
            encoder.bytes += [0, 0, 0, 0]
        }

        private func counted() {
            count += 1
            let value = UInt32(count)
            for shift in 0 ..< 4 { encoder.bytes[slot + shift] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(shift))) }
        }
        func encodeNil() { counted(); encoder.encodeNil() }
        func encode<T: Encodable>(_ value: T) throws { counted(); try encoder.encode(value) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            counted()
            return encoder.container(keyedBy: keyType)
        }
        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { counted(); return encoder.unkeyedContainer() }
        func superEncoder() -> any Encoder { encoder }
    }

    // The writers take the bytes `inout`: each use of the class's `bytes` is
    // checked for exclusive access at run time, which once a byte was 3% of a
    // one-event rebuild.
    func varint(_ value: UInt64) { BinaryEncoder.varint(value, into: &bytes) }
    static func varint(_ value: UInt64, into bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
    func signed(_ value: Int64) { BinaryEncoder.signed(value, into: &bytes) }
    static func signed(_ value: Int64, into bytes: inout [UInt8]) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), into: &bytes) }

    func encodeNil() { bytes.append(0) }
    func encode(_ value: Bool) { bytes.append(value ? 1 : 0) }
    func encode(_ value: String) { BinaryEncoder.string(value, into: &bytes) }
    static func string(_ value: String, into bytes: inout [UInt8]) {
        var text = value
        text.withUTF8 { utf8 in
            varint(UInt64(utf8.count), into: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
    func encode(_ value: Double) { varint(value.bitPattern) }
    func encode(_ value: Float) { varint(UInt64(value.bitPattern)) }
    func encode(_ value: Int) { signed(Int64(value)) }
    func encode(_ value: Int8) { signed(Int64(value)) }
    func encode(_ value: Int16) { signed(Int64(value)) }
    func encode(_ value: Int32) { signed(Int64(value)) }
    func encode(_ value: Int64) { signed(value) }
    func encode(_ value: UInt) { varint(UInt64(value)) }
    func encode(_ value: UInt8) { varint(UInt64(value)) }
    func encode(_ value: UInt16) { varint(UInt64(value)) }
    func encode(_ value: UInt32) { varint(UInt64(value)) }
    func encode(_ value: UInt64) { varint(value) }
    func encode<T: Encodable>(_ value: T) throws {
        // Long lists of strings and numbers, written as their `Codable` form would write them.
        if T.self == [String].self { return list(value as! [String]) { BinaryEncoder.string($0, into: &$1) } }
        if T.self == [UInt64].self { return list(value as! [UInt64]) { BinaryEncoder.varint($0, into: &$1) } }
        if T.self == [Int32].self { return list(value as! [Int32]) { BinaryEncoder.signed(Int64($0), into: &$1) } }
        if T.self == [UInt8].self { return raw(value as! [UInt8]) }
        if T.self == Data.self { return raw(value as! Data) }
        try value.encode(to: self)
    }

    /// Bytes as they are, after their count (an encoded value kept whole, see `Deferred`).
    private func raw(_ values: some Collection<UInt8>) {
        let count = UInt32(values.count)
        for shift in 0 ..< 4 { bytes.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift)))) }
        bytes += values
    }

    private func list<E>(_ values: [E], _ write: (E, inout [UInt8]) -> Void) {
        var out: [UInt8] = []
        swap(&out, &bytes)
        let count = UInt32(values.count)
        for shift in 0 ..< 4 { out.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift)))) }
        for value in values { write(value, &out) }
        swap(&out, &bytes)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: BinaryEncoder
        var codingPath: [any CodingKey] { [] }

        /// A key's name, before a nested container: an enum's case (fields are written by their order).
        func key(_ key: Key) { encoder.encode(key.stringValue) }
        func encodeNil(forKey key: Key) { encoder.encodeNil() }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.encode(value) }
        func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            encoder.encode(value != nil)
            if let value { try encoder.encode(value) }
        }
        func encode(_ value: Bool, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Bool?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: String, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: String?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Double, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Double?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Float, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Float?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Int, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Int?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Int8, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Int8?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Int16, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Int16?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Int32, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Int32?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: Int64, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: Int64?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: UInt, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: UInt?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: UInt8, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: UInt8?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: UInt16, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: UInt16?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: UInt32, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: UInt32?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        func encode(_ value: UInt64, forKey key: Key) { encoder.encode(value) }
        func encodeIfPresent(_ value: UInt64?, forKey key: Key) { present(value, key) { encoder.encode($0) } }
        private func present<T>(_ value: T?, _ key: Key, _ write: (T) -> Void) {
            encoder.encode(value != nil)
            if let value { write(value) }
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self.key(key); return encoder.unkeyedContainer() }
        func superEncoder() -> any Encoder { encoder }
        func superEncoder(forKey key: Key) -> any Encoder { self.key(key); return encoder }
    }
}

/// A list whose elements `BinaryDecoder` reads itself (see `decode(_:)`).
private protocol DecodableList {
    /// The list, as `T` (which is `Self`).
    static func decodeElements<T>(with decoder: BinaryDecoder, as type: T.Type) throws -> T
}

extension Array: DecodableList where Element: Decodable {
    fileprivate static func decodeElements<T>(with decoder: BinaryDecoder, as type: T.Type) throws -> T {
        unsafeBitCast(try decoder.elements(Element.self), to: T.self)
    }
}

private final class BinaryDecoder: Decoder, SingleValueDecodingContainer {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// The file `bytes` are in, from `offset`: `Data` are sliced from it.
    let file: Data?
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: UnsafeRawBufferPointer, file: Data? = nil, offset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.offset = offset
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> { KeyedDecodingContainer(Keyed(decoder: self)) }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(decoder: self, count: try listLength()) }
    func singleValueContainer() -> any SingleValueDecodingContainer { self }

    func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        // A local position: each use of the class's `index` is checked for exclusive access.
        var at = index
        while at < bytes.count, shift < 64 {
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                index = at
                return value
            }
            shift += 7
        }
        throw BinaryCoder.Malformed()
    }
    func signed() throws -> Int64 {
        let value = try varint()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
    /// The four bytes in front of a list: how many elements follow (each takes at least a byte).
    func listLength() throws -> Int {
        guard index + 4 <= bytes.count else { throw BinaryCoder.Malformed() }
        var count = 0
        for shift in 0 ..< 4 { count |= Int(bytes[index + shift]) << (8 * shift) }
        index += 4
        guard count <= bytes.count - index else { throw BinaryCoder.Malformed() }
        return count
    }
    /// A count of things that each take at least a byte.
    func length() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - index) else { throw BinaryCoder.Malformed() }
        return Int(value)
    }
    func narrow<T: FixedWidthInteger>(_ value: some FixedWidthInteger) throws -> T {
        guard let narrowed = T(exactly: value) else { throw BinaryCoder.Malformed() }
        return narrowed
    }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard index < bytes.count, bytes[index] <= 1 else { throw BinaryCoder.Malformed() }
        index += 1
        return bytes[index - 1] == 1
    }
    func decode(_ type: String.Type) throws -> String {
        let count = try length()
        defer { index += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count]), as: UTF8.self)
    }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try varint()) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try narrow(try varint())) }
    func decode(_ type: Int.Type) throws -> Int { try narrow(try signed()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(try signed()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(try signed()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(try signed()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try signed() }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(try varint()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(try varint()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(try varint()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(try varint()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try varint() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Each fast path makes a value of type T itself: it is returned as one
        // without a dynamic cast (`as!` was a seventieth of reading the cache back).
        if T.self == [String].self { return unsafeBitCast(try list { try decode(String.self) }, to: T.self) }
        if T.self == [UInt64].self { return unsafeBitCast(try list { try varint() }, to: T.self) }
        if T.self == [Int32].self { return unsafeBitCast(try list { try narrow(try signed()) as Int32 }, to: T.self) }
        if T.self == [UInt8].self {
            let count = try listLength()
            defer { index += count }
            return unsafeBitCast([UInt8](UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count])), to: T.self)
        }
        if T.self == Data.self {
            let count = try listLength()
            defer { index += count }
            guard let file else { return unsafeBitCast(Data(UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count])), to: T.self) }
            let start = file.startIndex + offset + index
            return unsafeBitCast(file[start ..< start + count], to: T.self)
        }
        // Any other list: its elements read one after another, as `Array`'s own
        // `init(from:)` would through an unkeyed container, without the container
        // and its calls per element (a sixth of reading the cache back). Asked only
        // of values the size of a list: asking every type cost as much as it saved.
        if MemoryLayout<T>.size == MemoryLayout<[UInt8]>.size, let list = T.self as? any DecodableList.Type {
            return try list.decodeElements(with: self, as: T.self)
        }
        return try T(from: self)
    }

    fileprivate func elements<E: Decodable>(_ type: E.Type) throws -> [E] { try list { try decode(E.self) } }

    private func list<E>(_ read: () throws -> E) throws -> [E] {
        let count = try listLength()
        var values: [E] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count { values.append(try read()) }
        return values
    }

    /// The next key's name, which must be `key`'s (compared as bytes: no string is made).
    func expect(_ key: some CodingKey) throws {
        let count = try length()
        let name = key.stringValue
        let written = UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count])
        // Compared in place (`elementsEqual` over `utf8` was 4% of a one-event rebuild).
        let same = name.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(written) } ?? name.utf8.elementsEqual(written)
        guard name.utf8.count == count, same else { throw BinaryCoder.Malformed() }
        index += count
    }
    func peekKey() throws -> String {
        let start = index
        defer { index = start }
        return try decode(String.self)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: BinaryDecoder
        var codingPath: [any CodingKey] { [] }
        /// The key written next: what an enum with payloads reads to learn its case.
        var allKeys: [Key] { (try? decoder.peekKey()).flatMap(Key.init(stringValue:)).map { [$0] } ?? [] }

        func contains(_ key: Key) -> Bool { (try? decoder.peekKey()) == key.stringValue }
        func decodeNil(forKey key: Key) throws -> Bool {
            return try !decoder.decode(Bool.self)
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            return try decoder.decode(type)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { return try decoder.decode(type) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { return try decoder.decode(type) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { return try decoder.decode(type) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { return try decoder.decode(Bool.self) ? try decoder.decode(type) : nil }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder.expect(key)
            return decoder.container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder.expect(key)
            return try decoder.unkeyedContainer()
        }
        func superDecoder() -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { try decoder.expect(key); return decoder }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: BinaryDecoder
        let count: Int?
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var isAtEnd: Bool { currentIndex >= count! }

        init(decoder: BinaryDecoder, count: Int) {
            self.decoder = decoder
            self.count = count
        }

        mutating func decodeNil() -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: String.Type) throws -> String { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advance(); return try decoder.decode(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advance(); return try decoder.decode(type) }
        private mutating func advance() throws {
            guard !isAtEnd else { throw BinaryCoder.Malformed() }
            currentIndex += 1
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return decoder.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return try decoder.unkeyedContainer()
        }
        mutating func superDecoder() -> any Decoder { decoder }
    }
}
