/// The "Cite this page" section of entry pages, and the links from a page to the
/// data files it comes from.
extension ContextBuilder {
    /// `title`, `site`, `updated` (for readers) and `datetime`, `url` (absolute,
    /// only with `base_url`), `bibtex`, and `data`: the files that hold the entry.
    func citation(_ id: EntryID, page: Page) -> TemplateContext {
        let config = site.config
        let entry = site[id]
        let url = config.baseURL.map { $0 + id.outputPath }
        var context: TemplateContext = [
            "title": entry.title, "site": config.title, "url": url ?? absent,
            "bibtex": BibTeX.page(key: "\(id.kind.rawValue)-\(id.slug)", title: entry.title, site: config.title, url: url, updated: config.updated),
            "data": dataLinks(ContextBuilder.dataFiles(of: id.kind) + [.siteJSON], from: page),
        ]
        if let updated = config.updated {
            context["updated"] = DateText.date(updated, site.strings)
            context["datetime"] = updated.description
        }
        return context
    }

    /// Links to data files: `name`, `url` and `summary` of each, and `first` on the first.
    func dataLinks(_ files: [DataFile], from page: Page) -> [TemplateContext] {
        let strings = site.strings
        return files.enumerated().map { ["name": $1.name, "url": page.pathToRoot + $1.path, "summary": strings[$1.summaryKey], "first": $0 == 0] }
    }

    /// The files that hold the entries of a kind (the first: its CSV file).
    static func dataFiles(of kind: EntryKind) -> [DataFile] {
        switch kind {
        case .poll: [.table(.poll), .pollResults]
        case .source: [.table(.source), .bibTeX, .ris]
        default: [.table(kind)]
        }
    }
}
