extension SiteConfig {
    /// Where the settings are, relative to the site's root.
    static let path = "Content/site.yml"

    /// One place described under `places:` in `site.yml`.
    public struct Place: Sendable, Codable, Equatable {
        public let slug: String
        /// Its name on its page and on event pages (default: the spelling events use most).
        public let title: String?
        /// Other names: events that write one of them (or its title) are at this place.
        public let aliases: [String]
        public let country: String?
        public let coordinates: Coordinates?
        /// Where `site.yml` names it.
        let position: SourcePosition?
    }

    /// A latitude and a longitude, in degrees.
    public struct Coordinates: Sendable, Codable, Equatable {
        public let latitude: Double
        public let longitude: Double
    }

    /// The slug of the place `spelling` names: that of the described place which
    /// has it (or its slug) as title or alias, else the spelling's own slug (nil when
    /// it has none; the parser reports that).
    func placeSlug(of spelling: String) -> String? {
        guard let slug = Slug.made(from: spelling) else { return nil }
        return placeAliases[slug] ?? slug
    }

    /// Its name on event pages: the title `site.yml` gives it, or as written.
    func placeTitle(_ spelling: String, slug: String) -> String { places[slug]?.title ?? spelling }

    /// The slug of each described place's title and aliases → the place's slug.
    static func aliases(of places: [Place]) -> [String: String] {
        var aliases: [String: String] = [:]
        for place in places {
            for name in [place.title].compactMap({ $0 }) + place.aliases {
                if let slug = Slug.made(from: name), slug != place.slug, aliases[slug] == nil { aliases[slug] = place.slug }
            }
        }
        return aliases
    }
}
