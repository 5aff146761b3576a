/// Tags and places in the search index: each is a document of a kind after the
/// entries' (`kinds` lists them after the entry kinds), found by its title and
/// other spellings, and a place also by its country.
extension SearchIndex {
    /// The `kinds` of the index: the entries' folders and nouns, then the tags' and places'.
    static var kinds: [(folder: String, noun: String)] {
        EntryKind.referenceable.map { ($0.folder, $0.noun) } + Taxonomy.Kind.allCases.map { ($0.folder, $0.noun) }
    }

    /// Every tag, then every place, as a document.
    static func termDocuments(_ site: LinkedSite, _ interface: Interface) -> [Document] {
        Taxonomy.Kind.allCases.enumerated().flatMap { offset, kind in
            let number = EntryKind.referenceable.count + offset
            return site.taxonomy(kind).terms.map { term in
                let country = kind == .places ? site.config.places[term.slug]?.country : nil
                let count = interface.number(term.entries.count, kind.countKey)
                return Document(
                    row: row([String(number), term.slug, term.title, "", [country, count].compactMap { $0 }.joined(separator: " · "),
                              term.otherSpellings.map { $0.replacingOccurrences(of: "|", with: " ") }.joined(separator: "|")]),
                    title: words(term.title), aliases: words(term.otherSpellings.joined(separator: " ")), summary: words(country ?? ""),
                    year: nil, names: ([term.title] + term.otherSpellings).map { terms($0).joined(separator: " ") }.filter { !$0.isEmpty })
            }
        }
    }
}
