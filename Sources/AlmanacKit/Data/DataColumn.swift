/// One field of an entry as the data files give it: a column of its kind's CSV
/// file, a member of its object in `site.json`, a field of the data package.
/// Built-in fields and those a site declares are the same to every exporter.
struct DataColumn: Sendable {
    enum ValueType: Sendable, Equatable {
        case text
        case integer
        case number
        case boolean
        /// A partial date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case date
        /// An http or https address.
        case url
        /// A list of strings (in CSV, joined with `; `).
        case list
        /// One of a few strings.
        case oneOf([String])
        /// The slug of an entry of the kind.
        case reference(EntryKind)
        /// A list of slugs of entries of the kind.
        case references(EntryKind)
    }

    let name: String
    let type: ValueType
    let description: String
    var required = false
    let value: @Sendable (Entry) -> JSONValue
}

extension DataColumn {
    /// Names the data files give values of their own, whatever the kind: a
    /// column of every CSV file (`slug`, `page_url`), a member of every object of
    /// `site.json` (`text`), a relation of `relations.csv` (`mentions`). A field
    /// named so would make a second column or member of the same name.
    static let generated: Set<String> = ["slug", "page_url", "text", "mentions"]

    /// The columns of a kind's CSV file, in order: slug, title, summary, aliases, tags,
    /// the kind's own fields, the fields the site declares for it (`fields:`,
    /// in declared order), then the page's address.
    static func columns(of kind: EntryKind, fields: SiteFields) -> [DataColumn] {
        let common = [
            DataColumn(name: "slug", type: .text, description: "The entry's name in addresses and cross-references", required: true) { .string($0.slug) },
            DataColumn(name: "title", type: .text, description: "Its title", required: true) { .string($0.title) },
            DataColumn(name: "summary", type: .text, description: "One sentence about it") { .text($0.summary) },
            DataColumn(name: "aliases", type: .list, description: "Other names and spellings") { .strings($0.aliases) },
            DataColumn(name: "tags", type: .list, description: "Its tags, as written") { .strings($0.tags) },
        ]
        let page = DataColumn(name: "page_url", type: .text, description: "Its page, relative to the site's address", required: true) { .string($0.id.outputPath) }
        return common + builtIn(kind) + fields.of(kind).map(custom) + [page]
    }

    /// The column of a declared field: its key, its type, its label as description.
    private static func custom(_ declaration: FieldDeclaration) -> DataColumn {
        let type: ValueType = switch declaration.type {
        case .string: declaration.values.map { .oneOf($0) } ?? .text
        case .text: .text
        case .integer: .integer
        case .number: .number
        case .bool: .boolean
        case .date: .date
        case .url: .url
        case .strings: .list
        case .reference(let kind): .reference(kind)
        case .references(let kind): .references(kind)
        }
        let key = declaration.key
        let empty: JSONValue = declaration.type.isList ? .array([]) : .null
        return DataColumn(name: key, type: type, description: declaration.label, required: declaration.required) { entry in
            entry.field(key).map(JSONValue.init) ?? empty
        }
    }

    private static func builtIn(_ kind: EntryKind) -> [DataColumn] {
        switch kind {
        case .actor:
            return [
                DataColumn(name: "kind", type: .oneOf(Entry.Actor.Kind.allCases.map(\.rawValue)), description: "What the actor is", required: true) {
                    .text($0.actor?.kind.rawValue)
                },
                DataColumn(name: "role", type: .text, description: "Its role") { .text($0.actor?.role) },
                DataColumn(name: "country", type: .text, description: "Its country") { .text($0.actor?.country) },
            ]
        case .event:
            return [
                DataColumn(name: "date", type: .date, description: "When it happened or began", required: true) { .date($0.date) },
                DataColumn(name: "end", type: .date, description: "The last day of a span") { .date($0.end) },
                DataColumn(name: "circa", type: .boolean, description: "Whether the date is approximate", required: true) { .bool($0.event?.circa ?? false) },
                DataColumn(name: "actors", type: .references(.actor), description: "Who took part") { .strings($0.event?.actors ?? []) },
                DataColumn(name: "places", type: .list, description: "Where it happened") { .strings($0.event?.places ?? []) },
                DataColumn(name: "sources", type: .references(.source), description: "Where the facts come from") { .strings($0.event?.sources ?? []) },
            ]
        case .poll:
            return [
                DataColumn(name: "pollster", type: .reference(.actor), description: "Who ran it", required: true) { .text($0.poll?.pollster) },
                DataColumn(name: "date", type: .date, description: "Fieldwork (start)", required: true) { .date($0.date) },
                DataColumn(name: "end", type: .date, description: "Fieldwork end") { .date($0.end) },
                DataColumn(name: "method", type: .text, description: "How it was run") { .text($0.poll?.method) },
                DataColumn(name: "sample_size", type: .integer, description: "How many were asked") { $0.poll?.sampleSize.map { .integer($0) } ?? .null },
                DataColumn(name: "population", type: .text, description: "Who was asked") { .text($0.poll?.population) },
                DataColumn(name: "question", type: .text, description: "The question as asked") { .text($0.poll?.question) },
                DataColumn(name: "actors", type: .references(.actor), description: "Who else it concerns") { .strings($0.poll?.actors ?? []) },
                DataColumn(name: "sources", type: .references(.source), description: "Where it was reported") { .strings($0.poll?.sources ?? []) },
            ]
        case .source:
            return [
                DataColumn(name: "publication", type: .text, description: "Outlet or publisher", required: true) { .text($0.source?.publication) },
                DataColumn(name: "author", type: .list, description: "Its authors") { .strings($0.source?.authors ?? []) },
                DataColumn(name: "published", type: .date, description: "When it was published") { .date($0.date) },
                DataColumn(name: "url", type: .url, description: "Where it can be read") { .text($0.source?.url) },
            ]
        case .page, .home:
            return []
        }
    }

    /// The name of the field a front matter reference was written under (relations.csv's `relation`).
    static func fieldName(_ relation: Relation) -> String {
        switch relation {
        case .participant, .subject: "actors"
        case .pollster: "pollster"
        case .cites: "sources"
        case .mentions: "mentions"
        case .field(_, let key): key
        }
    }
}
