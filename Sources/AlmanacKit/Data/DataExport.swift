/// Renders the files of `data/` from the site, reading it through `SiteReads`
/// (so a rebuild makes a file again only when something it shows changed).
/// Entries come in slug order, kind by kind: a new title or date moves no row.
struct DataExport {
    let site: SiteReads

    func text(of file: DataFile) -> String {
        switch file {
        case .table(let kind): table(kind)
        case .pollResults: pollResults()
        case .relations: relations()
        case .siteJSON: siteJSON()
        case .package: DataPackage(config: site.config).json
        case .bibTeX: site.bySlug(.source).map { BibTeX.record(site[$0]) }.joined(separator: "\n")
        case .ris: site.bySlug(.source).map { RIS.record(site[$0]) }.joined()
        }
    }

    /// One row per entry of the kind, a column per field.
    func table(_ kind: EntryKind) -> String {
        let columns = DataColumn.columns(of: kind, fields: site.config.fields)
        var text = CSVText.record(columns.map(\.name))
        for id in site.bySlug(kind) {
            let entry = site[id]
            text += CSVText.record(columns.map { $0.value(entry).cell })
        }
        return text
    }

    func pollResults() -> String {
        var text = CSVText.record(DataPackage.pollResultsFields.map(\.name))
        for id in site.bySlug(.poll) {
            for result in site[id].poll?.results ?? [] {
                text += CSVText.record([id.slug, result.answer, JSONValue.decimal(result.percent)])
            }
        }
        return text
    }

    /// Every edge of the entry graph: the references of each entry's front matter
    /// as written (relation: the field), then those of its body (`mentions`), each once.
    func relations() -> String {
        var text = CSVText.record(DataPackage.relationsFields.map(\.name))
        // Which keys are reference fields is the site's settings' to say.
        _ = site.config
        for kind in EntryKind.referenceable {
            for id in site.bySlug(kind) {
                var seen: Set<[String]> = []
                let fields = site[id].fieldReferences.map { [id.description, DataColumn.fieldName($0.relation), $0.target.description] }
                let body = site.mentions(id).filter { $0 != id }.map { [id.description, "mentions", $0.description] }
                for row in fields + body where seen.insert(row).inserted { text += CSVText.record(row) }
            }
        }
        return text
    }

    /// `{"site": {...}, "actors": [...], "events": [...], ...}`: every entry with
    /// every field (null when not given), a poll's results, its page and its text.
    func siteJSON() -> String {
        let config = site.config
        let about: JSONValue = .members([
            ("title", .string(config.title)), ("description", .text(config.description)), ("base_url", .text(config.baseURL)),
            ("language", .string(config.language)), ("updated", .date(config.updated)),
        ])
        var document: [String: JSONValue] = ["site": about]
        for kind in EntryKind.referenceable {
            var entries: [JSONValue] = []
            let columns = DataColumn.columns(of: kind, fields: site.config.fields)
            for id in site.bySlug(kind) {
                let entry = site[id]
                var members = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.value(entry)) })
                if let poll = entry.poll {
                    members["results"] = .array(poll.results.map { ["answer": .string($0.answer), "percent": .number($0.percent)] })
                }
                members["text"] = .string(site.plainText(id))
                entries.append(.object(members))
            }
            document[kind.folder] = .array(entries)
        }
        return JSONValue.object(document).json(pretty: true) + "\n"
    }
}
