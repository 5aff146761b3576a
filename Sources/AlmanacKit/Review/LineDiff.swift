/// The lines removed and added between two lists of lines: a longest common
/// subsequence after the common start and end are set aside.
public enum LineDiff {
    public enum Change: Sendable, Equatable {
        case removed(String)
        case added(String)
    }

    /// Above this many line pairs the middle is reported as all removed, then all added.
    static let limit = 4_000_000

    public static func changes(_ old: [String], _ new: [String]) -> [Change] {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var (endOld, endNew) = (old.count, new.count)
        while endOld > start, endNew > start, old[endOld - 1] == new[endNew - 1] { endOld -= 1; endNew -= 1 }
        let a = Array(old[start..<endOld]), b = Array(new[start..<endNew])
        if a.isEmpty || b.isEmpty || a.count * b.count > limit {
            return a.map(Change.removed) + b.map(Change.added)
        }
        // common[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var changes: [Change] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if j < b.count, i == a.count || common[i][j + 1] > common[i + 1][j] {
                changes.append(.added(b[j])); j += 1
            } else {
                changes.append(.removed(a[i])); i += 1
            }
        }
        return changes
    }

    /// A changed line cut down to the words around the change, with `…` where it was cut,
    /// so that a one-word edit in a long paragraph reads as that word in its context.
    /// Nil when the lines are the same (a line moved) or have too little in common (replaced, not edited).
    public static func excerpts(old: String, new: String, context: Int = 6) -> (old: String, new: String)? {
        if old == new { return nil }
        let a = old.split(separator: " "), b = new.split(separator: " ")
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let longest = max(a.count, b.count)
        guard longest - prefix - suffix <= max(3, longest / 4) else { return nil }
        func cut(_ words: [Substring]) -> String {
            let from = max(0, prefix - context), to = min(words.count, words.count - suffix + context)
            return (from > 0 ? "… " : "") + words[from..<to].joined(separator: " ") + (to < words.count ? " …" : "")
        }
        return (cut(a), cut(b))
    }
}
