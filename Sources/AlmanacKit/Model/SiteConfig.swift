/// `Content/site.yml`.
public struct SiteConfig: Sendable, Codable {
    public let title: String
    public let description: String?
    /// Always ends in `/` when set.
    public let baseURL: String?
    public let language: String
    public let unsafeHTML: Bool
    /// The custom fields of each kind (`fields:`).
    public let fields: SiteFields
    /// What `places:` says of places, by slug (see `SiteConfig+Places.swift`).
    public let places: [String: Place]
    /// The slug of each other name of a described place → the place's slug.
    let placeAliases: [String: String]

    /// When the site was last brought up to date (`updated:`), for citations.
    public let updated: PartialDate?

    public init(title: String, description: String? = nil, baseURL: String? = nil, language: String = "en", unsafeHTML: Bool = false,
                fields: SiteFields = .none, places: [Place] = [], updated: PartialDate? = nil) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.language = language
        self.unsafeHTML = unsafeHTML
        self.fields = fields
        self.places = Dictionary(places.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.placeAliases = SiteConfig.aliases(of: places)
        self.updated = updated
    }
}
