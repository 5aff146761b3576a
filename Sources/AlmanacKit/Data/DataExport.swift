/// Renders the files of `data/` from the site, reading it through `SiteReads`
/// (so a rebuild makes a file again only when something it shows changed).
/// Entries come in slug order, kind by kind: a new title or date moves no row.
/// What a file shows of one entry is a part of its text (see `PartedText`):
/// a rebuild makes again only the parts whose entries changed.
struct DataExport {
    let site: SiteReads
    let text: PartedText

    func write(_ file: DataFile) {
        switch file {
        case .table(let kind): table(kind)
        case .pollResults: pollResults()
        case .relations: relations()
        case .siteJSON: siteJSON()
        case .package: text.append(DataPackage(config: site.config).json)
        case .bibTeX: parts(site.bySlug(.source), separator: "\n") { BibTeX.record(site[$0]) }
        case .ris: parts(site.bySlug(.source)) { RIS.record(site[$0]) }
        }
    }

    /// More than the length of `file` is likely to be, for the two files that grow
    /// with the whole text of the site: each entry's text, fields and rows.
    /// Made from the linked site, not through `SiteReads`: it changes no byte.
    static func estimatedSize(of file: DataFile, _ site: LinkedSite) -> Int {
        let ids = EntryKind.referenceable.flatMap { site.ordered[$0] ?? [] }
        switch file {
        case .siteJSON: return ids.reduce(0) { $0 + site.plainText($1).utf8.count * 9 / 8 + 2_048 }
        case .relations: return ids.reduce(0) { $0 + (site.mentions($1).count + (site.entries[$1]?.fieldReferences.count ?? 0)) * 128 }
        default: return 0
        }
    }

    /// A part per entry, in order, with `separator` between them.
    private func parts(_ ids: [EntryID], separator: String = "", _ make: (EntryID) -> String) {
        for (index, id) in ids.enumerated() {
            if index > 0 { text.append(separator) }
            text.part(id.description) { make(id) }
        }
    }

    /// One row per entry of the kind, a column per field.
    func table(_ kind: EntryKind) {
        let columns = DataColumn.columns(of: kind, fields: site.config.fields)
        text.append(CSVText.record(columns.map(\.name)))
        parts(site.bySlug(kind)) { id in
            let entry = site[id]
            return CSVText.record(columns.map { $0.value(entry).cell })
        }
    }

    func pollResults() {
        text.append(CSVText.record(DataPackage.pollResultsFields.map(\.name)))
        parts(site.bySlug(.poll)) { id in
            (site[id].poll?.results ?? []).map { CSVText.record([id.slug, $0.answer, JSONValue.decimal($0.percent)]) }.joined()
        }
    }

    /// An edge from one entry, for telling rows apart.
    private struct Edge: Hashable {
        let relation: String
        let to: EntryID
    }

    /// Every edge of the entry graph: the references of each entry's front matter
    /// as written (relation: the field), then those of its body (`mentions`), each once.
    func relations() {
        text.append(CSVText.record(DataPackage.relationsFields.map(\.name)))
        // Which keys are reference fields is the site's settings' to say.
        _ = site.config
        for kind in EntryKind.referenceable {
            parts(site.bySlug(kind)) { id in
                // A row once, however often the entry names its target (tens of thousands of rows on a large site).
                let from = CSVText.quoted(id.description)
                var seen: Set<Edge> = []
                var rows = ""
                for reference in site[id].fieldReferences {
                    let relation = DataColumn.fieldName(reference.relation)
                    if seen.insert(Edge(relation: relation, to: reference.target)).inserted {
                        row(from, CSVText.quoted(relation), reference.target, into: &rows)
                    }
                }
                for target in site.mentions(id) where target != id && seen.insert(Edge(relation: "mentions", to: target)).inserted {
                    row(from, "mentions", target, into: &rows)
                }
                return rows
            }
        }
    }

    private func row(_ from: String, _ relation: String, _ to: EntryID, into rows: inout String) {
        rows += from
        rows += ","
        rows += relation
        rows += ","
        rows += CSVText.quoted(to.description)
        rows += "\r\n"
    }

    /// `{"site": {...}, "actors": [...], "events": [...], ...}`: every entry with
    /// every field (null when not given), a poll's results, its page and its text.
    /// Written as `JSONValue.json(pretty:)` writes the whole (keys sorted, two
    /// spaces a level), one entry's object a part.
    func siteJSON() {
        let config = site.config
        let about: JSONValue = .members([
            ("title", .string(config.title)), ("description", .text(config.description)), ("base_url", .text(config.baseURL)),
            ("language", .string(config.language)), ("updated", .date(config.updated)),
        ])
        let kinds = Dictionary(uniqueKeysWithValues: EntryKind.referenceable.map { ($0.folder, $0) })
        text.append("{\n")
        for (index, key) in (Array(kinds.keys) + ["site"]).sorted().enumerated() {
            text.append((index == 0 ? "" : ",\n") + "  \"\(key)\" : ")
            guard let kind = kinds[key] else {
                text.append(about.json(pretty: true, level: 1))
                continue
            }
            let ids = site.bySlug(kind)
            guard !ids.isEmpty else {
                text.append("[\n\n  ]")
                continue
            }
            let columns = DataColumn.columns(of: kind, fields: site.config.fields)
            text.append("[\n    ")
            parts(ids, separator: ",\n    ") { id in entryJSON(id, columns: columns) }
            text.append("\n  ]")
        }
        text.append("\n}\n")
    }

    private func entryJSON(_ id: EntryID, columns: [DataColumn]) -> String {
        let entry = site[id]
        var members = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.value(entry)) })
        if let poll = entry.poll {
            members["results"] = .array(poll.results.map { ["answer": .string($0.answer), "percent": .number($0.percent)] })
        }
        members["text"] = .string(site.plainText(id))
        return JSONValue.object(members).json(pretty: true, level: 2)
    }
}
