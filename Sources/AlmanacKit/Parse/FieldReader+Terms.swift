extension FieldReader {
    /// A list of tags or places (`tags`, `places`): strings, each of which must
    /// give a slug, the address of its page (see `Slug.made`). A second
    /// spelling of one slug in the same list is a warning, and left out.
    mutating func terms(_ key: String, _ kind: Taxonomy.Kind) -> [String] {
        var slugs: [String: String] = [:]
        var result: [String] = []
        for (text, node) in stringItems(key) {
            guard let slug = Slug.made(from: text) else {
                let advice = kind == .tags
                    ? "write it with Latin letters or digits"
                    : "write the place's slug (such as 'almaty') and give it its name under 'places:' in \(SiteConfig.path) (title: ...)"
                error(node, "\(kind.noun) '\(text)' has no letters a-z or digits to make its page's address from (accents are dropped, other scripts are not transliterated): \(advice)")
                continue
            }
            if let first = slugs[slug] {
                diagnostics.append(.warning(path, position(of: node) ?? start,
                                            "'\(text)' in '\(key)' is the same \(kind.noun) as '\(first)' (both are '\(slug)'); listed once"))
                continue
            }
            slugs[slug] = text
            result.append(text)
        }
        return result
    }
}
