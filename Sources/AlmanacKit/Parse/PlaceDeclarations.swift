import Yams

/// `places:` in `site.yml`: what the site says of each place events name, by
/// its slug (`title`, `aliases`, `country`, `coordinates: [lat, lon]`).
enum PlaceDeclarations {
    static let keys = ["title", "aliases", "country", "coordinates"]

    /// The places described under `places:`, each problem reported in `fields`.
    static func read(_ fields: inout FieldReader) -> [SiteConfig.Place] {
        guard let node = fields.value("places", required: false) else { return [] }
        guard let mapping = node.mapping else {
            fields.error(node, "'places' must map place slugs to what is known of them (\(keys.joined(separator: ", "))), not \(node.typeName)")
            return []
        }
        var places: [SiteConfig.Place] = []
        for (key, value) in mapping {
            let slug = key.scalar?.string ?? ""
            if let problem = Slug.problem(with: slug) {
                let hint = Slug.made(from: slug).map { " (did you mean '\($0)'?)" } ?? ""
                fields.error(key, "'\(slug)' under 'places' is not a place slug: \(problem)\(hint)")
                continue
            }
            guard let details = value.mapping else {
                fields.error(value, "place '\(slug)' must be a mapping of \(keys.joined(separator: ", ")), not \(value.typeName)")
                continue
            }
            var place = FieldReader(path: fields.path, lineOffset: fields.lineOffset, mapping: details, start: fields.position(of: value) ?? fields.start)
            place.warnAboutUnknownKeys(known: keys)
            let title = place.string("title")
            var aliases: [String] = []
            for (alias, node) in place.stringItems("aliases") {
                if Slug.made(from: alias) == nil {
                    place.error(node, "alias '\(alias)' of place '\(slug)' has no letters a-z or digits, so no spelling can be matched to it (other scripts are not transliterated); make it the place's title instead")
                } else {
                    aliases.append(alias)
                }
            }
            let country = place.string("country")
            let coordinates = self.coordinates(&place)
            fields.diagnostics += place.diagnostics
            places.append(SiteConfig.Place(slug: slug, title: title, aliases: aliases, country: country, coordinates: coordinates,
                                            position: fields.position(of: key)))
        }
        checkNames(places, &fields)
        return places
    }

    /// `coordinates: [latitude, longitude]`, in degrees.
    private static func coordinates(_ place: inout FieldReader) -> SiteConfig.Coordinates? {
        guard let node = place.value("coordinates", required: false) else { return nil }
        guard let items = node.sequence, items.count == 2 else {
            place.error(node, "'coordinates' must be [latitude, longitude] in degrees, such as [43.24, 76.95], not \(node.typeName)")
            return nil
        }
        var values: [Double] = []
        for (item, (name, limit)) in zip(items, [("latitude", 90.0), ("longitude", 180.0)]) {
            guard [.int, .float].contains(item.tagName), let value = item.float, value.isFinite else {
                place.error(item, "the \(name) in 'coordinates' must be a number of degrees, not \(item.typeName)")
                continue
            }
            guard abs(value) <= limit else {
                place.error(item, "the \(name) in 'coordinates' must be between -\(Int(limit)) and \(Int(limit)), not \(item.scalar?.string ?? "")")
                continue
            }
            values.append(value)
        }
        return values.count == 2 ? SiteConfig.Coordinates(latitude: values[0], longitude: values[1]) : nil
    }

    /// A title or alias may name one place only, and not by another's slug.
    private static func checkNames(_ places: [SiteConfig.Place], _ fields: inout FieldReader) {
        let slugs = Set(places.map(\.slug))
        var owners: [String: String] = [:]
        for place in places {
            for name in [place.title].compactMap({ $0 }) + place.aliases {
                guard let slug = Slug.made(from: name), slug != place.slug else { continue }
                let at = place.position
                if slugs.contains(slug) {
                    fields.diagnostics.append(.error(fields.path, at, "'\(name)', a name of place '\(place.slug)', is the place '\(slug)' described here too; one spelling can name one place only"))
                } else if let owner = owners[slug], owner != place.slug {
                    fields.diagnostics.append(.error(fields.path, at, "'\(name)', a name of place '\(place.slug)', is also a name of place '\(owner)'; one spelling can name one place only"))
                } else {
                    owners[slug] = place.slug
                }
            }
        }
    }
}
