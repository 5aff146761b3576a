/// How a large search index is cut into files, so that a query loads only
/// what it needs: the entries' rows in files of `chunk` entries (`d-N`), and
/// the words and names in shards by prefix (`w-KEY`).
///
/// Shards start as one per first character; a shard larger than `limit`
/// bytes is cut by the next character, and so on, so that a common first
/// letter does not make one large file. A shard holds every word and name
/// that starts with its key and with no longer key; a word equal to a key
/// that was cut stays in that key's shard. The words starting with a query's
/// term are therefore in the shard of the longest key the term starts with,
/// and in the shards whose keys start with the term (the script loads those).
struct SearchShards: Sendable {
    /// About the largest shard, in bytes (one word's postings alone may be larger).
    static let limit = 48 * 1024
    /// Entries' rows per file: a page of fifty results loads at most fifty such files.
    static let chunk = 32

    struct Shard: Sendable {
        let key: String
        /// Ranges of the index's `table` and `names`.
        let words: Range<Int>
        let names: Range<Int>
    }

    /// In the order of their keys.
    let shards: [Shard]
    /// How many files of rows.
    let chunks: Int
    /// Shard by file name (`w-KEY`).
    private let byName: [String: Int]

    init(words: [(word: String, postings: String)], names: [(word: String, postings: String)], docs: Int, limit: Int) {
        var shards: [Shard] = []
        SearchShards.cut(words, words.indices, names, names.indices, depth: 0, key: "", limit: limit, into: &shards)
        self.shards = shards
        chunks = (docs + SearchShards.chunk - 1) / SearchShards.chunk
        byName = Dictionary(uniqueKeysWithValues: shards.enumerated().map { (SearchShards.name(of: $1.key), $0) })
    }

    /// What an entry of the table or of the names adds to a file: the word, its postings, quotes and separators.
    static func size(_ entry: (word: String, postings: String)) -> Int { entry.word.utf8.count + entry.postings.utf8.count + 6 }

    /// The file names of every part: the shards, then the rows.
    var names: [String] { shards.map { SearchShards.name(of: $0.key) } + (0 ..< chunks).map { "d-\($0)" } }

    func shard(named name: String) -> Shard? { byName[name].map { shards[$0] } }

    /// `w-` and the key, each character that is not `a-z` or `0-9` written as
    /// `_HEX_` (its code in hexadecimal), as the script writes it.
    static func name(of key: String) -> String {
        var name = "w-"
        for scalar in key.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name
    }

    /// Cuts the words and names starting with `key` (`depth` characters) into
    /// shards: one when they fit in `limit` (the root never does), else one per
    /// next character, after a shard of the words equal to the key, if any.
    private static func cut(_ words: [(word: String, postings: String)], _ wordRange: Range<Int>,
                            _ names: [(word: String, postings: String)], _ nameRange: Range<Int>,
                            depth: Int, key: String, limit: Int, into shards: inout [Shard]) {
        let size = wordRange.reduce(0) { $0 + SearchShards.size(words[$1]) } + nameRange.reduce(0) { $0 + SearchShards.size(names[$1]) }
        if depth > 0, size <= limit || wordRange.count + nameRange.count <= 1 {
            shards.append(Shard(key: key, words: wordRange, names: nameRange))
            return
        }
        let wordRuns = runs(words, wordRange, depth: depth)
        let nameRuns = runs(names, nameRange, depth: depth)
        // The words and names equal to the key sort first, in a run of their own (key nil).
        let exactWords = wordRuns.first.map { $0.key == nil } ?? false, exactNames = nameRuns.first.map { $0.key == nil } ?? false
        if exactWords || exactNames {
            shards.append(Shard(key: key, words: exactWords ? wordRuns[0].range : 0 ..< 0, names: exactNames ? nameRuns[0].range : 0 ..< 0))
        }
        var (w, n) = (exactWords ? 1 : 0, exactNames ? 1 : 0)
        // The two lists' runs, merged by key.
        while w < wordRuns.count || n < nameRuns.count {
            let next: String
            if w < wordRuns.count, n < nameRuns.count {
                next = wordRuns[w].key!.precedesInUTF8(nameRuns[n].key!) ? wordRuns[w].key! : nameRuns[n].key!
            } else {
                next = w < wordRuns.count ? wordRuns[w].key! : nameRuns[n].key!
            }
            var childWords = 0 ..< 0, childNames = 0 ..< 0
            if w < wordRuns.count, wordRuns[w].key == next {
                childWords = wordRuns[w].range
                w += 1
            }
            if n < nameRuns.count, nameRuns[n].key == next {
                childNames = nameRuns[n].range
                n += 1
            }
            cut(words, childWords, names, childNames, depth: depth + 1, key: next, limit: limit, into: &shards)
        }
    }

    /// Consecutive entries of `range` grouped by their first `depth + 1`
    /// characters (nil for those that have only `depth`); sorted, so each group is one run.
    private static func runs(_ list: [(word: String, postings: String)], _ range: Range<Int>, depth: Int) -> [(key: String?, range: Range<Int>)] {
        var runs: [(key: String?, range: Range<Int>)] = []
        for index in range {
            // Compared in place: a string made for each word at each depth was most of the cut.
            let key = prefix(list[index].word, scalars: depth + 1)
            if let last = runs.last, same(last.key, key) {
                runs[runs.count - 1].range = last.range.lowerBound ..< index + 1
            } else {
                runs.append((key.map(String.init), index ..< index + 1))
            }
        }
        return runs
    }

    private static func same(_ key: String?, _ prefix: Substring?) -> Bool {
        guard let key, let prefix else { return key == nil && prefix == nil }
        guard key.utf8.count == prefix.utf8.count else { return false }
        // Compared as bytes where they are (`elementsEqual` over two `utf8` views, generic, was most of `runs`).
        let inPlace: Bool?? = key.utf8.withContiguousStorageIfAvailable { a in prefix.utf8.withContiguousStorageIfAvailable { b in a.elementsEqual(b) } }
        if let found = inPlace, let same = found { return same }
        return key.utf8.elementsEqual(prefix.utf8)
    }

    /// The first `count` Unicode scalars of `word`, nil when it has fewer.
    private static func prefix(_ word: String, scalars count: Int) -> Substring? {
        var seen = 0
        let utf8 = word.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            // A scalar starts at each byte that does not continue one.
            if utf8[index] & 0xC0 != 0x80 {
                if seen == count { return word[..<index] }
                seen += 1
            }
            index = utf8.index(after: index)
        }
        return seen == count ? word[...] : nil
    }
}
