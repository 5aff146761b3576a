import Foundation

extension String {
    /// Whether this string sorts before `other`, byte by byte in UTF-8: the
    /// order of every sort and listing, the same whatever the locale. Compares
    /// the two buffers with `memcmp`, where `utf8.lexicographicallyPrecedes`
    /// steps through both a byte at a time.
    /// Native strings are read where they are; others (bridged, rare) through a copy.
    func precedesInUTF8(_ other: String) -> Bool {
        if let order = utf8.withContiguousStorageIfAvailable({ x in other.utf8.withContiguousStorageIfAvailable { y in String.precedes(x, y) } }),
           let order {
            return order
        }
        var a = self, b = other
        return a.withUTF8 { x in b.withUTF8 { y in String.precedes(x, y) } }
    }

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = Swift.min(x.count, y.count)
        if common > 0 {
            let order = memcmp(x.baseAddress!, y.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return x.count < y.count
    }
}

extension Sequence<String> {
    /// The strings in `precedesInUTF8`'s order, sorted by their first eight bytes
    /// taken as one number, and compared whole only where those are the same:
    /// most comparisons of a large sort are then one of integers (sorting the
    /// search index's names with `precedesInUTF8` alone was a fiftieth of a rebuild).
    func sortedInUTF8() -> [String] {
        let strings = Array(self)
        var keys = strings.indices.map { (prefix: String.leadingBytes(of: strings[$0]), index: $0) }
        keys.sort { a, b in a.prefix != b.prefix ? a.prefix < b.prefix : strings[a.index].precedesInUTF8(strings[b.index]) }
        return keys.map { strings[$0.index] }
    }
}

extension String {
    /// The first eight bytes of `text` in UTF-8 as a big-endian number, zeros after
    /// a shorter text: when two differ, they order their texts as `precedesInUTF8` does.
    fileprivate static func leadingBytes(of text: String) -> UInt64 {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8.prefix(8) {
            value = value << 8 | UInt64(byte)
            count += 1
        }
        return count == 0 ? 0 : value << (8 * (8 - count))
    }
}

extension Array {
    /// In elements sorted by `key` in `precedesInUTF8`'s order, the first place
    /// whose key does not sort before `target` (found by halves).
    func firstPlace(notBefore target: String, by key: (Element) -> String) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if key(self[middle]).precedesInUTF8(target) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sorts the elements by `key` in `precedesInUTF8`'s order, after one pass that
    /// finds them in order already (lists of files nearly always are: then each
    /// costs one comparison, not a sort).
    mutating func sortInUTF8(by key: (Element) -> String) {
        let precedes = { (a: Element, b: Element) in key(a).precedesInUTF8(key(b)) }
        if !zip(self, dropFirst()).allSatisfy(precedes) { sort(by: precedes) }
    }
}
