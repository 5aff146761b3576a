/// Custom fields (site.yml `fields:`) in the JSON-LD of an entry: a field whose
/// key names a schema.org property of the entry's type (or one of the usual
/// words for it) becomes that property; a reference field links the node of
/// the entry it names, by its page's `@id`. Other fields have no property to go
/// to and are left out (they are in the data files).
extension LinkedData {
    /// The properties of the entry's custom fields, in declared order.
    func customProperties(_ id: EntryID) -> [(String, JSONValue)] {
        let type = LinkedData.type(of: site[id])
        return site.customFields(id).compactMap { declaration, value in
            guard let property = LinkedData.property(for: declaration.key, on: type) else { return nil }
            switch value {
            case .reference(let target): return (property, reference(target))
            case .references(let targets): return (property, .array(targets.map(reference)))
            case .date(let date): return (property, .string(date.description))
            case .url(let url): return (property, .string(url))
            case .string(let text), .text(let text): return (property, .string(text))
            case .strings(let items): return (property, .strings(items))
            case .integer(let number): return (property, .integer(number))
            case .number(let number): return (property, .number(number))
            case .bool(let flag): return (property, .bool(flag))
            }
        }
    }

    /// The schema.org property a custom field's key names on a node of `type`:
    /// the key in camel case if the type has such a property (`member_of` is
    /// `memberOf`), or the property a common key means (`born` is `birthDate`).
    static func property(for key: String, on type: String) -> String? {
        let words = key.split(whereSeparator: { $0 == "_" || $0 == "-" }).map { $0.lowercased() }
        guard let first = words.first else { return nil }
        let camel = first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let name = synonyms[camel] ?? camel
        return properties[type]?.contains(name) == true ? name : nil
    }

    /// Common keys for a property under another name.
    static let synonyms = [
        "born": "birthDate", "died": "deathDate", "founded": "foundingDate", "dissolved": "dissolutionDate",
        "website": "sameAs", "homepage": "sameAs", "members": "member", "fundedBy": "funder", "sponsoredBy": "sponsor",
        "organizedBy": "organizer", "foundedBy": "founder", "employer": "worksFor", "parents": "parent", "partOf": "isPartOf",
        "archived": "archivedAt", "seeAlso": "relatedLink", "reviewed": "lastReviewed",
    ]

    /// The properties that a custom field may fill, by type (a subset of schema.org's).
    static let properties: [String: Set<String>] = {
        let thing: Set = ["sameAs", "identifier", "image", "subjectOf"]
        let agent: Set = ["memberOf", "funder", "sponsor", "award", "knowsAbout", "address", "email", "telephone", "owns"]
        return [
            "Person": thing.union(agent).union(["birthDate", "deathDate", "birthPlace", "deathPlace", "worksFor", "affiliation", "alumniOf",
                                                "spouse", "parent", "children", "sibling", "colleague", "knows", "jobTitle", "honorificPrefix",
                                                "honorificSuffix", "gender", "nationality"]),
            "Organization": thing.union(agent).union(["foundingDate", "dissolutionDate", "founder", "member", "parentOrganization",
                                                      "subOrganization", "department", "employee", "legalName", "foundingLocation",
                                                      "areaServed", "numberOfEmployees"]),
            "Country": thing.union(["containedInPlace", "containsPlace", "geo"]),
            "Event": thing.union(["organizer", "funder", "sponsor", "attendee", "superEvent", "subEvent", "about", "keywords",
                                  "eventStatus", "maximumAttendeeCapacity", "inLanguage"]),
            "Dataset": thing.union(["funder", "sponsor", "keywords", "license", "isPartOf", "hasPart", "spatialCoverage", "publisher",
                                    "isBasedOn", "archivedAt"]),
            "CreativeWork": thing.union(["keywords", "license", "isPartOf", "hasPart", "inLanguage", "archivedAt", "editor",
                                         "translator", "isBasedOn", "funder", "sponsor", "about"]),
            "WebPage": thing.union(["keywords", "lastReviewed", "relatedLink", "reviewedBy", "about", "isPartOf", "hasPart"]),
        ]
    }()
}
