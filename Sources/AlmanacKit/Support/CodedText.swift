/// Values the build cache keeps as one short string each (`EntryID`,
/// `FieldReference`, `Relation`, `ReadKey`), read back over their bytes.

extension Decoder {
    /// The value coded as one string, read back by `read`; a string it refuses is
    /// a damaged cache (`what` names the value in the error). Inlined: called
    /// through a protocol witness, it was not, and cost a one-event rebuild 1.3%.
    @inline(__always)
    func decodeCoded<T>(_ what: String, _ read: (String) -> T?) throws -> T {
        let text = try singleValueContainer().decode(String.self)
        guard let value = read(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not \(what): \(text)"))
        }
        return value
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes at `range`, as text.
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self) }
}
