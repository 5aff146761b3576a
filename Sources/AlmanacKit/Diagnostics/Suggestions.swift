/// "Did you mean" help for unknown slugs and keys.
enum Suggestions {
    /// Up to `limit` candidates close enough to `word` to be what was meant,
    /// nearest first, ties broken by byte order. Close enough: a typo, that is
    /// about one slip (a letter missing, added, wrong or two swapped) per three
    /// letters of the word; `vote` is not a typo of `date`.
    static func nearest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(word.utf8)
        let threshold = max(1, target.count / 3)
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            if abs(bytes.count - target.count) > threshold { continue }
            let distance = editDistance(target, bytes, limit: threshold)
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.precedesInUTF8($1.1) }
        return scored.prefix(limit).map(\.1)
    }

    /// ` (did you mean 'a', 'b'?)` or nothing.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        let found = nearest(to: word, in: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: ", ") + "?)"
    }

    /// Edit distance counting an insertion, a deletion, a substitution or a swap
    /// of two neighbours as one (optimal string alignment), giving up (returning
    /// `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
