/// A 64-bit hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process): the build cache compares such hashes across
/// builds. Eight bytes at a time, so hashing a site's text costs little. Not for
/// hostile input: it tells an edit from no edit.
struct StableHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func combine(_ word: UInt64) {
        let mixed = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value = (mixed << 29 | mixed >> 35) &* 0xBF58_476D_1CE4_E5B9
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= bytes.count {
            combine(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            index += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[index...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        combine(tail)
        combine(UInt64(bytes.count))
    }

    mutating func combine(_ text: some StringProtocol) {
        var text = String(text)
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    static func hash(_ text: some StringProtocol) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.value
    }
}
