import Testing
@testable import AlmanacKit

/// Sorts order strings by their UTF-8 bytes, whatever the locale.
@Suite struct ByteOrderTests {
    @Test func ordersAsTheBytesDo() {
        let strings = ["", "a", "ab", "abc", "b", "B", "Z", "é", "e\u{301}", "zz", "a long slug past fifteen bytes", "a long slug past fifteen bytez", "Қазақстан", "😀"]
        for a in strings {
            for b in strings {
                #expect(a.precedesInUTF8(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }

    /// Sorted by their first eight bytes as a number, then whole: the same order,
    /// for texts that differ early, late, only in length, or by a byte of zero.
    @Test func sortsAsTheBytesDo() {
        var strings = ["", "a", "a\u{0}", "a\u{0}b", "ab", "abcdefgh", "abcdefgh", "abcdefghi", "abcdefgg", "abcdefg", "é", "e\u{301}", "Қазақстан", "😀", "zz"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 2_000 {
            let length = Int.random(in: 0 ... 12, using: &generator)
            strings.append(String((0 ..< length).map { _ in "ab\u{0}é".randomElement(using: &generator)! }))
        }
        #expect(strings.sortedInUTF8() == strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
