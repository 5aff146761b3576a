/// Checks what bodies' links need from the build (see `BodyLink`): a fragment
/// must name an id its page has (a heading's, or one the theme puts on every
/// page of that kind, `ThemeAnchors.always`), and a plain path a file the build
/// writes. Run by every build, on the facts of every body, linked now or reused.
enum LinkCheck {
    /// `allFiles`: every path the build writes inside the output folder (asked
    /// for at the first link to a file: most bodies have none).
    static func problems(in site: LinkedSite, files allFiles: () -> Set<String>) -> [Diagnostic] {
        var made: Set<String>?
        func files() -> Set<String> {
            if made == nil { made = allFiles() }
            return made!
        }
        // Entries whose files had errors have pages too (their own problems are reported).
        let broken = site.broken.filter { site.entries[$0.key] == nil }
        // Made at the first link to a page's file with a fragment (most sites have none).
        var pagesByPath: [String: EntryID]?
        func pageOf(_ path: String) -> EntryID? {
            if pagesByPath == nil {
                pagesByPath = Dictionary((Array(site.entries.keys) + Array(broken.keys)).map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return pagesByPath?[path]
        }
        var diagnostics: [Diagnostic] = []
        for (id, entry) in [site.entries, broken].joined() {
            for text in site.texts[id] ?? [] {
                for link in text.links {
                    guard let problem = problem(with: link.target, site: site, page: pageOf, files: files) else { continue }
                    diagnostics.append(.error(entry.path, text.field.filePosition(SourcePosition(line: link.line, column: link.column)), "'\(link.url)': \(problem)"))
                }
            }
            guard let facts = site.facts(id), !facts.links.isEmpty else { continue }
            for link in facts.links {
                guard let problem = problem(with: link.target, site: site, page: pageOf, files: files) else { continue }
                let position = SourcePosition(line: link.line, column: link.column).shifted(by: entry.bodyLineOffset)
                diagnostics.append(.error(entry.path, position, "'\(link.url)': \(problem)"))
            }
        }
        return diagnostics.sorted()
    }

    private static func problem(with target: BodyLink.Target, site: LinkedSite, page: (String) -> EntryID?, files: () -> Set<String>) -> String? {
        switch target {
        case .fragment(let page, let id):
            return problem(withID: id, on: page, site: site)
        case .file(let path, let fragment):
            guard files().contains(path) else { return "the build writes no file \(path)\(hint(for: path, in: files()))" }
            guard let fragment, let page = page(path) else { return nil }
            return problem(withID: fragment, on: page, site: site)
        case .outside:
            return "leads out of the site's output folder"
        }
    }

    /// The nearest paths, or else those of files with the same name in other folders.
    private static func hint(for path: String, in files: Set<String>) -> String {
        let near = Suggestions.hint(for: path, in: files)
        guard near.isEmpty, let name = path.split(separator: "/").last else { return near }
        let sameName = files.filter { $0 == name || $0.hasSuffix("/" + name) }.sorted { $0.precedesInUTF8($1) }.prefix(3)
        return sameName.isEmpty ? "" : " (did you mean " + sameName.map { "'\($0)'" }.joined(separator: ", ") + "?)"
    }

    /// Why the page of `page` has no element with `id`, or nil when it has one.
    private static func problem(withID id: String, on page: EntryID, site: LinkedSite) -> String? {
        // An entry whose body could not be read has no facts: its own problems are reported.
        guard let facts = site.facts(page) else { return nil }
        let ids = ThemeAnchors.always(on: page.kind) + facts.headingIDs
        if ids.contains(id) { return nil }
        return "\(page.kind.noun) '\(page.slug)' has no heading or section with the id '\(id)'\(Suggestions.hint(for: id, in: ids))"
    }
}
