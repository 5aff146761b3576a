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
