import Testing
@testable import AlmanacKit

@Suite struct WordTableTests {
    @Test func numbersWordsInOrderOfFirstUseAcrossGrowth() {
        var table = WordTable(capacity: 4)
        func insert(_ word: String) -> (number: Int, inserted: Bool) {
            table.insert(word.utf8)
        }
        // Far more words than the first capacity: the table grows several times.
        let words = (0..<5_000).map { "w\($0 * 7919 % 5_000)" }
        for (index, word) in words.enumerated() {
            #expect(insert(word) == (index, true))
        }
        for (index, word) in words.enumerated().reversed() {
            #expect(insert(word) == (index, false))
        }
        #expect(table.count == 5_000)
        #expect(table.string(42) == words[42])
        // Prefixes and the empty word are words of their own.
        #expect(insert("w1").inserted == false)
        #expect(insert("w").inserted)
        #expect(insert("").inserted)
        #expect(table.spaced.hasPrefix(words[0] + " " + words[1] + " "))
    }

    @Test func foldedWordsAreDistinctInOrderOfFirstUse() {
        #expect(SearchIndex.words("Almaty, ALMATY and Qaraǵandy: almaty a Ü ü") == "almaty and qaragandy")
    }
}
