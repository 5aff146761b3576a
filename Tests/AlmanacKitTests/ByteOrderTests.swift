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
}
