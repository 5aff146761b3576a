import Foundation

/// A value of the build cache kept as its encoded bytes until it is first asked
/// for. A rebuild decodes every entry's record, and the largest part of most,
/// their body's words and text, is never read. Decoded from the cache file
/// (`BinaryCoder.decode(_:from:in:)`), the bytes are a slice of it, not a copy
/// (at 20,000 events the copies were a fifth of a one-event rebuild's page
/// faults). Bytes that do not decode give nil, and the caller makes the value
/// again from its source (a damaged cache never gives a wrong value).
final class Deferred<Value: Codable & Sendable>: Codable, @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: Value?
    private var bytes: Data?

    init(_ value: Value) {
        decoded = value
    }

    /// The value, decoded the first time; nil when its bytes do not decode.
    var value: Value? {
        lock.withLock {
            if let decoded { return decoded }
            guard let bytes, let value = bytes.withUnsafeBytes({ try? BinaryCoder.decode(Value.self, from: $0) }) else { return nil }
            decoded = value
            self.bytes = nil
            return value
        }
    }

    init(from decoder: any Decoder) throws {
        bytes = try decoder.singleValueContainer().decode(Data.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let (bytes, decoded) = lock.withLock { (self.bytes, self.decoded) }
        try container.encode(bytes ?? decoded.map { Data(BinaryCoder.encode($0)) } ?? Data())
    }
}
