/// schema.org JSON-LD of a page (`<script type="application/ld+json">`): one
/// node for the entry, its relations to other entries as nodes named by their
/// page (`@id`), so that the nodes of the site link to each other. Addresses
/// are absolute with `base_url`, else relative to the page (JSON-LD resolves
/// them against the page's own address).
struct LinkedData {
    let site: SiteReads
    let page: Page

    /// The address of a file of the output (`path` from the top of it), as JSON-LD names it.
    func address(_ path: String) -> String { (site.config.baseURL ?? page.pathToRoot) + path }

    /// The node of the entry: its type by kind, its fields, and its relations.
    func entry(_ id: EntryID) -> JSONValue {
        let entry = site[id]
        var node: [(String, JSONValue)] = [
            ("@context", "https://schema.org"), ("@type", .string(LinkedData.type(of: entry))), ("@id", .string(address(id.outputPath))),
            ("url", .string(address(id.outputPath))), ("name", .string(entry.title)), ("description", .text(entry.summary)),
            ("alternateName", .strings(entry.aliases)), ("keywords", .strings(entry.tags)),
        ]
        switch entry.details {
        case .actor(let actor):
            let about = actor.kind == .person ? "jobTitle" : "disambiguatingDescription"
            node.append((about, .text(actor.role)))
            if let country = actor.country, actor.kind != .state {
                node.append((actor.kind == .person ? "nationality" : "location", ["@type": "Country", "name": .string(country)]))
            }
        case .event(let event):
            node += [
                ("startDate", .date(event.date)), ("endDate", .date(event.end)),
                ("location", .array(event.places.map { ["@type": "Place", "name": .string($0)] })),
                ("performer", .array(event.actors.map { reference(EntryID(.actor, $0)) })),
                ("subjectOf", .array(event.sources.map { reference(EntryID(.source, $0)) })),
            ]
        case .poll(let poll):
            let coverage = poll.end.map { "\(poll.date)/\($0)" } ?? poll.date.description
            node += [
                ("creator", reference(EntryID(.actor, poll.pollster))), ("temporalCoverage", .string(coverage)),
                ("measurementTechnique", .text(poll.method)), ("variableMeasured", .text(poll.question)),
                ("about", .array(poll.actors.map { reference(EntryID(.actor, $0)) })),
                ("citation", .array(poll.sources.map { reference(EntryID(.source, $0)) })),
                ("distribution", .array([DataFile.table(.poll), .pollResults].map {
                    ["@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": .string(address($0.path))]
                })),
            ]
        case .source(let source):
            node += [
                ("author", .array(source.authors.map { ["@type": "Person", "name": .string($0)] })),
                ("publisher", ["@type": "Organization", "name": .string(source.publication)]),
                ("datePublished", .date(source.published)), ("sameAs", .text(source.url)),
            ]
        case .page:
            node.append(("isPartOf", website))
        }
        node += customProperties(id)
        return .members(node)
    }

    /// The home page's node: the site.
    var home: JSONValue {
        let config = site.config
        return .members([
            ("@context", "https://schema.org"), ("@type", "WebSite"), ("@id", .string(address(""))), ("url", .string(address(""))),
            ("name", .string(config.title)), ("description", .text(config.description)), ("inLanguage", .string(config.language)),
            ("dateModified", .date(config.updated)),
        ])
    }

    private var website: JSONValue { ["@type": "WebSite", "@id": .string(address("")), "name": .string(site.config.title)] }

    /// Another entry, as a node that names it and its page.
    func reference(_ id: EntryID) -> JSONValue {
        let entry = site[id]
        return ["@type": .string(LinkedData.type(of: entry)), "@id": .string(address(id.outputPath)), "name": .string(entry.title)]
    }

    /// Person for people, Organization for organizations, media and groups,
    /// Country for states, Event, Dataset for polls, CreativeWork for sources.
    static func type(of entry: Entry) -> String {
        switch entry.details {
        case .actor(let actor):
            switch actor.kind {
            case .person: "Person"
            case .state: "Country"
            case .organization, .media, .group: "Organization"
            }
        case .event: "Event"
        case .poll: "Dataset"
        case .source: "CreativeWork"
        case .page: "WebPage"
        }
    }

    /// As the text of a `<script>` element: `<` written as `\u003c`, so that no
    /// `</script>` or `<!--` in a value can end or upset the element.
    static func script(_ node: JSONValue) -> String {
        node.json(pretty: false, escapingLessThan: true)
    }
}
