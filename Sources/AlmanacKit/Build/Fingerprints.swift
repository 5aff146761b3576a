/// What each `ReadKey` gives in this build, as a hash. A page whose recorded
/// reads all give what they gave when it was rendered comes out the same, and
/// is not rendered again (the "verifying traces" of Mokhov, Mitchell and Peyton
/// Jones, "Build Systems à la Carte").
struct Fingerprints {
    let site: LinkedSite
    let theme: UInt64
    let config: UInt64
    let interface: UInt64
    /// The hashes of each entry's front matter and body text.
    let hashes: [EntryID: ContentHashes]
    /// This build's search index, once made (its files are fingerprinted by their text).
    var searchIndex: SearchIndex?

    func value(of key: ReadKey) -> UInt64 {
        var hasher = StableHasher()
        switch key {
        case .config: return config
        case .theme: return theme
        case .interface: return interface
        case .entry(let id):
            guard site.entries[id] != nil, let hashes = hashes[id] else { return 0 }
            return hashes.frontMatter
        case .body(let id):
            // The HTML shows the titles of the entries it links to, and whether they are there.
            guard site.entries[id] != nil, let hashes = hashes[id] else { return 0 }
            hasher.combine(hashes.body)
            for target in site.mentions(id) {
                hasher.combine(target.stableHash)
                hasher.combine(value(of: .entry(target)))
            }
        case .mentions(let id):
            guard site.entries[id] != nil else { return 0 }
            for target in site.mentions(id) { hasher.combine(target.stableHash) }
            for text in site.texts[id] ?? [] {
                for target in text.mentions { hasher.combine(target.stableHash) }
            }
        case .incoming(let id):
            for edge in site.graph.incoming(id) {
                hasher.combine(edge.from.stableHash)
                hasher.combine(edge.relation.stableHash)
            }
        case .neighbours(let id):
            let (previous, next) = site.neighbours(of: id)
            hasher.combine(previous?.stableHash ?? 0)
            hasher.combine(next?.stableHash ?? 0)
        case .order(let kind):
            for id in site.ordered[kind] ?? [] { hasher.combine(id.stableHash) }
        case .taxonomies:
            for kind in Taxonomy.Kind.allCases { hasher.combine(site.taxonomy(kind).isEmpty ? 0 : 1) }
        case .terms(let kind):
            for term in site.taxonomy(kind).terms {
                hasher.combine(term.slug)
                hasher.combine(term.title)
                hasher.combine(UInt64(term.entries.count))
            }
        case .term(let kind, let slug):
            guard let term = site.taxonomy(kind)[slug] else { return 0 }
            hasher.combine(term.title)
            for spelling in term.otherSpellings { hasher.combine(spelling) }
            for id in term.entries { hasher.combine(id.stableHash) }
        case .years:
            for slice in site.slices.years { hasher.combine(slice.key) }
        case .year(let year):
            for id in site.slices.year(year)?.ids ?? [] { hasher.combine(id.stableHash) }
        case .letters(let kind):
            for slice in site.slices.letters[kind] ?? [] { hasher.combine(slice.key) }
        case .letter(let kind, let key):
            for id in site.slices.letter(kind, key)?.ids ?? [] { hasher.combine(id.stableHash) }
        case .searchPart(let name):
            // A file the index no longer has reads as nothing.
            return searchIndex?.fingerprint(ofPart: name) ?? 0
        }
        return hasher.value
    }

    /// What numbers the search index gives entries: their order, kind by kind,
    /// then every tag and place, with the words it is found by.
    var numbering: UInt64 {
        var hasher = StableHasher()
        for kind in EntryKind.referenceable {
            hasher.combine(value(of: .order(kind)))
        }
        for kind in Taxonomy.Kind.allCases {
            for term in site.taxonomy(kind).terms {
                hasher.combine(term.slug)
                hasher.combine(term.title)
                for spelling in term.otherSpellings { hasher.combine(spelling) }
            }
        }
        // A place's country is a word it is found by.
        hasher.combine(config)
        return hasher.value
    }
}
