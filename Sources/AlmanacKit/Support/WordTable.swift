import Foundation

/// Distinct byte strings, numbered in order of first insertion: the search
/// index's words. Open addressing over one arena of bytes, hashed with FNV-1a:
/// a `Set<[UInt8]>` or `[Substring: Int]` hashes byte by byte through `Hasher`
/// and allocates per word, which made folding and numbering words a tenth of a build.
struct WordTable {
    /// Every word, back to back, in order of first insertion.
    private(set) var bytes: [UInt8] = []
    /// Word `n` is `bytes[starts[n] ..< starts[n + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Word number + 1 per slot, 0 for an empty slot; a power of two long.
    private var slots: [Int32]

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { hashes.count }

    /// The number of `word`, inserted if it is new. Any collection of bytes: a
    /// slice of a string's UTF-8 or of an array is read where it lies, not copied.
    mutating func insert<Bytes: Collection<UInt8>>(_ word: Bytes) -> (number: Int, inserted: Bool) {
        if let result = word.withContiguousStorageIfAvailable({ insert(contiguous: $0) }) { return result }
        return Array(word).withUnsafeBufferPointer { insert(contiguous: $0) }
    }

    /// The two the search index passes, without generic code (which a debug build does not specialize).
    mutating func insert(_ word: [UInt8]) -> (number: Int, inserted: Bool) { word.withUnsafeBufferPointer { insert(contiguous: $0) } }
    mutating func insert(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> (number: Int, inserted: Bool) {
        insert(contiguous: UnsafeBufferPointer(rebasing: word))
    }

    private mutating func insert(contiguous word: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        // Probed without bounds checks: `slot` is masked, and a slot holds a valid word number.
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                while slots[slot] != 0 {
                    let number = Int(slots[slot]) - 1
                    if hashes[number] == hash, equals(number, word) { return number }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
        if let found { return (found, false) }
        let number = hashes.count
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Word `number`'s bytes.
    func word(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number] ..< starts[number + 1]] }

    func string(_ number: Int) -> String { String(decoding: word(number), as: UTF8.self) }

    /// Every word in order of first insertion, separated by spaces.
    var spaced: String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + count)
        for number in 0 ..< count {
            if number > 0 { out.append(0x20) }
            out += word(number)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            word.count == 0 || memcmp(bytes.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
