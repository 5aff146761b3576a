/// The tags of a site, or its places: each distinct slug with the entries that
/// name it and how they spell it. Two spellings with one slug (`Civil society`,
/// `civil-society`) are one term. Made once per build, by the linker.
public struct Taxonomy: Sendable {
    /// Tags (every kind has them) or places (events').
    public enum Kind: String, Sendable, CaseIterable {
        case tags, places

        /// The folder of its pages inside `Output/`.
        public var folder: String { rawValue }
        /// A word for readers: "tag", "place".
        public var noun: String { self == .tags ? "tag" : "place" }
        /// The interface string naming its index, in the header ("Tags", "Places").
        var navKey: String { "nav_" + rawValue }
        /// The interface string of the noun its counts count ("3 entries", "1 event").
        var countKey: String { self == .tags ? "count_entries" : "count_events" }
    }

    /// One tag or place.
    public struct Term: Sendable {
        public let slug: String
        /// The spelling entries use most (ties: the first in byte order), or the title `site.yml` gives a place.
        public let title: String
        /// The other spellings entries use, most used first, then the other names `site.yml` gives it.
        public let otherSpellings: [String]
        /// Its entries: kind by kind, each kind in its display order (events in timeline order).
        public let entries: [EntryID]
    }

    public let kind: Kind
    /// Every term, by slug.
    public let terms: [Term]
    private let numbers: [String: Int]

    public subscript(slug: String) -> Term? { numbers[slug].map { terms[$0] } }

    public var isEmpty: Bool { terms.isEmpty }

    /// `named`: each entry with the spellings it names, entries in the order the
    /// terms list them; `slug`: the slug of a spelling; `titles`: titles that
    /// take the place of the most used spelling (`site.yml`'s places).
    init(_ kind: Kind, named: [(EntryID, [String])], slug: (String) -> String?, titles: [String: String] = [:], aliases: [String: [String]] = [:]) {
        self.kind = kind
        var entries: [String: [EntryID]] = [:]
        var counts: [String: [String: Int]] = [:]
        // Each spelling's slug, made once: entries spell a few hundred places tens of thousands of times.
        var slugs: [String: String?] = [:]
        func slugOf(_ spelling: String) -> String? {
            if let known = slugs[spelling] { return known }
            let made = slug(spelling)
            slugs[spelling] = .some(made)
            return made
        }
        for (id, spellings) in named {
            var seen: Set<String> = []
            for spelling in spellings {
                guard let slug = slugOf(spelling) else { continue }
                counts[slug, default: [:]][spelling, default: 0] += 1
                if seen.insert(slug).inserted { entries[slug, default: []].append(id) }
            }
        }
        terms = entries.keys.sortedInUTF8().map { slug in
            // Most used first, ties in byte order.
            let spellings = counts[slug]!.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.precedesInUTF8($1.key) }.map(\.key)
            let title = titles[slug] ?? spellings[0]
            let others = (spellings + (aliases[slug] ?? [])).filter { $0 != title }.uniqued()
            return Term(slug: slug, title: title, otherSpellings: others, entries: entries[slug]!)
        }
        numbers = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1.slug, $0) })
    }

    /// The page of the term with `slug`, inside `Output/`.
    func path(of slug: String) -> String { Taxonomy.path(kind, slug) }

    static func path(_ kind: Kind, _ slug: String) -> String { "\(kind.folder)/\(slug).html" }
    static func indexPath(_ kind: Kind) -> String { "\(kind.folder)/index.html" }
}

extension LinkedSite {
    /// The site's tags (`tags`) or places.
    func taxonomy(_ kind: Taxonomy.Kind) -> Taxonomy { kind == .tags ? tags : places }
}

extension Taxonomy {
    /// The tags of every entry but drafts (and the home page's text, which has none).
    static func tags(of entries: [EntryID: Entry], ordered: [EntryKind: [EntryID]]) -> Taxonomy {
        let named = EntryKind.referenceable.flatMap { kind in (ordered[kind] ?? []).map { ($0, entries[$0]!.tags) } }
        return Taxonomy(.tags, named: named, slug: Slug.made(from:))
    }

    /// The places of events, with what `site.yml` says of them, and a warning
    /// for each place `site.yml` describes that no event names.
    static func places(of entries: [EntryID: Entry], ordered: [EntryKind: [EntryID]], config: SiteConfig) -> (Taxonomy, [Diagnostic]) {
        let named = (ordered[.event] ?? []).map { id -> (EntryID, [String]) in
            if case .event(let event) = entries[id]!.details { (id, event.places) } else { (id, []) }
        }
        let declared = config.places
        let places = Taxonomy(.places, named: named, slug: config.placeSlug(of:),
                              titles: declared.compactMapValues(\.title), aliases: declared.mapValues(\.aliases))
        let unused = declared.values.filter { places[$0.slug] == nil }.sorted { $0.slug.precedesInUTF8($1.slug) }
        let warnings = unused.map { place in
            Diagnostic.warning(SiteConfig.path, place.position, "place '\(place.slug)' is described under 'places' but no event names it\(Suggestions.hint(for: place.slug, in: places.terms.map(\.slug)))")
        }
        return (places, warnings)
    }
}
