/// How a large site's long lists are cut into pages of their own: past
/// `limit` events and polls, the timeline gets a page per year
/// (`timeline/2019.html`); past `limit` actors or sources, their index gets
/// a page per first letter (`actors/index_a.html`). A small site has none.
public struct SiteSlices: Sendable {
    /// The longest list a page shows whole.
    public static let limit = 1_000

    /// One page of a cut list: its key in the page's name, what readers see, its entries in the list's order.
    public struct Slice: Sendable {
        public let key: String
        public let label: String
        public let ids: [EntryID]
    }

    /// Events and polls by the year they begin (key and label: the year), in
    /// timeline order; empty unless the timeline has more than `limit`.
    public let years: [Slice]
    /// Actors and sources by the first letter or digit of their title; only
    /// for a kind with more than `limit` entries.
    public let letters: [EntryKind: [Slice]]

    /// The kinds whose index may be cut by letter.
    static let lettered: [EntryKind] = [.actor, .source]

    init(entries: [EntryID: Entry], ordered: [EntryKind: [EntryID]], timeline: [EntryID]) {
        if timeline.count > SiteSlices.limit {
            var years: [Slice] = []
            var start = 0
            while start < timeline.count {
                let year = entries[timeline[start]]!.date!.year
                var end = start + 1
                while end < timeline.count, entries[timeline[end]]!.date!.year == year { end += 1 }
                years.append(Slice(key: String(year), label: String(year), ids: Array(timeline[start ..< end])))
                start = end
            }
            self.years = years
        } else {
            years = []
        }
        var letters: [EntryKind: [Slice]] = [:]
        for kind in SiteSlices.lettered {
            guard let ids = ordered[kind], ids.count > SiteSlices.limit else { continue }
            var groups: [String: [EntryID]] = [:]
            for id in ids { groups[SiteSlices.letter(of: entries[id]!.title), default: []].append(id) }
            letters[kind] = groups.keys.sorted(by: SiteSlices.precedes).map { Slice(key: $0, label: SiteSlices.label(of: $0), ids: groups[$0]!) }
        }
        self.letters = letters
    }

    /// What an entry is filed under: the first letter or digit of its title,
    /// folded as search folds (`É` is `e`); `0-9` for a digit, `other` when it has neither.
    static func letter(of title: String) -> String {
        for scalar in SearchIndex.fold(title).unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if ("0"..."9").contains(scalar) { return "0-9" }
            return scalar.properties.isAlphabetic ? String(scalar) : "0-9"
        }
        return other
    }

    /// The key of titles with neither a letter nor a digit.
    static let other = "other"

    /// How a key is shown: `A`, `0–9` (the page of `other` is named by the interface's strings).
    static func label(of key: String) -> String {
        switch key {
        case "0-9": "0–9"
        case other: "#"
        default: key.uppercased()
        }
    }

    /// Digits first, then letters by their code, then `other`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        func rank(_ key: String) -> (Int, UInt32) {
            key == "0-9" ? (0, 0) : key == "other" ? (2, 0) : (1, key.unicodeScalars.first!.value)
        }
        return rank(a) < rank(b)
    }

    /// The year page's slice of `year`, if the timeline is cut.
    func year(_ year: Int) -> Slice? { years.first { $0.key == String(year) } }

    /// The letter page's slice, if the kind's index is cut.
    func letter(_ kind: EntryKind, _ key: String) -> Slice? { letters[kind]?.first { $0.key == key } }
}
