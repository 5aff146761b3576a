import Foundation

extension Almanac {
    /// Builds from the cache of the last build when only entry files were edited
    /// or added: unchanged files are not read again, and only the pages that can
    /// show what changed are rendered and written over the previous output (see
    /// `OutputPatch`). Returns nil when it cannot be sure to give what a full build
    /// gives (no usable cache, a file removed, a template, `site.yml` or static
    /// file changed, the output folder changed since, an edited file with errors
    /// or turned draft): the caller then builds in full.
    static func incrementalBuild(_ options: Options, theme: Theme, themeDiagnostics: [Diagnostic]) -> Report? {
        // 1. What changed since the last build?
        guard let state = BuildCache.loadState(options) else { return nil }
        var clock = StageClock(options.progress)
        let loader = ContentLoader(root: options.root)
        // Listing Content/ takes one core: the output is checked on the other meanwhile.
        let (listing, outputIntact) = Parallel.both(jobs: options.jobs, { loader.list() }) {
            BuildCache.outputStamps(state.outputs.keys, in: options.output) == state.outputs
        }
        guard listing.diagnostics.isEmpty, outputIntact else { return nil }
        let inputs = BuildCache.inputStamps(listing.files, root: options.root, jobs: options.jobs)
        var editedPaths = Set<String>()
        var kept = 0
        for (path, stamp) in inputs {
            let old = state.inputs[path]
            if old != nil { kept += 1 }
            if old != stamp { editedPaths.insert(path) }
        }
        // A file of the last build is gone: only a full build removes its pages.
        guard kept == state.inputs.count else { return nil }
        if editedPaths.isEmpty {
            clock.finish(.load, 0, "changed file")
            return Report(diagnostics: state.diagnostics, filesWritten: 0, reusedCache: true)
        }
        guard let cached = BuildCache.loadEntries(options, jobs: options.jobs) else { return nil }
        clock.finish(.load, editedPaths.count, "changed file")
        var editedFiles: [EntryID: ContentFile] = [:]
        for file in listing.files where editedPaths.contains(file.path) {
            guard case .entry(let id) = file.role else { return nil }
            editedFiles[id] = file
        }
        // An added entry whose page is a file of the last build (`actors/index.md`):
        // the full build says which two inputs collide (see `OutputClaims`).
        guard !editedFiles.contains(where: { id, file in state.inputs[file.path] == nil && state.outputs[id.outputPath] != nil }),
              editedFiles.count == editedPaths.count,
              let siteConfig = listing.files.first(where: { $0.role == .siteConfig }),
              case .success(let configText) = loader.read(siteConfig),
              case (let config?, let configDiagnostics) = EntryParser.parseSiteConfig(configText, path: siteConfig.path)
        else { return nil }

        // 2. Parse the edited files; link their bodies against every entry.
        let previous = Dictionary(cached.map { ($0.entry.id, $0) }, uniquingKeysWith: { _, later in later })
        guard let edited = parseAgain(Array(editedFiles.values), loader: loader, options: options) else { return nil }
        var entries = previous.mapValues(\.entry)
        var markdown: [EntryID: String] = [:]
        for (entry, body, _) in edited {
            entries[entry.id] = entry
            markdown[entry.id] = body
        }
        let resolver = Resolver(entries: entries, drafts: [], unparsed: [], unsafeHTML: config.unsafeHTML)
        let editedBodies = Parallel.map(edited, jobs: options.jobs) { resolver.renderBody(of: $0.entry, markdown: $0.body) }
        guard !editedBodies.contains(where: { $0.diagnostics.contains(where: \.isError) }) else { return nil }
        clock.finish(.parse, edited.count, "entry")

        // 3. The entries whose pages can show what changed.
        let impact = EditImpact(edited: zip(edited, editedBodies).map { ($0.entry, $1) }, previous: previous, entries: entries,
                                feed: config.baseURL != nil)
        let (changed, affected) = (impact.changed, impact.affected)

        // 4. Link: bodies of affected entries are rendered again, the others reused;
        // the graph holds the backlinks of the pages rendered, which are the affected ones.
        let again = affected.subtracting(changed)
        let others = again.isEmpty ? [] : listing.files.filter { file in if case .entry(let id) = file.role { again.contains(id) } else { false } }
        guard let reparsed = parseAgain(others, loader: loader, options: options) else { return nil }
        for (entry, body, _) in reparsed {
            entries[entry.id] = entry
            markdown[entry.id] = body
        }
        var reused: [EntryID: Linker.BodyFacts] = [:]
        var known: [EntryID: SiteRenderer.Reusable] = [:]
        reused.reserveCapacity(previous.count)
        known.reserveCapacity(previous.count)
        for (id, old) in previous {
            if !affected.contains(id) { reused[id] = old.body }
            if !changed.contains(id), let rendered = old.rendered { known[id] = rendered }
        }
        let (linked, linkDiagnostics) = Linker.link(config: config, entries: Array(entries.values), markdown: consume markdown, reused: reused, shown: affected,
                                                    includeDrafts: options.includeDrafts, jobs: options.jobs)
        guard let site = linked, !linkDiagnostics.contains(where: \.isError) else { return nil }
        clock.finish(.link, affected.count, "entry to show", "entries to show")

        // 5. Render what can have changed.
        // The search index is patched when every entry keeps its number in it
        // (none added or moved: the entries parsed again but not edited are as they were).
        var before: [EntryID: (document: SearchIndex.Document, words: String)]? = impact.reordered ? nil : [:]
        for (entry, _, _) in edited + reparsed where before != nil && EntryKind.referenceable.contains(entry.kind) {
            guard let old = previous[entry.id], let document = old.rendered?.search else {
                before = nil
                break
            }
            before?[entry.id] = (document, old.body.words)
        }
        let previousIndex = before.flatMap { before in BuildCache.loadSearchTable(options).map { SearchIndex.Previous(table: $0, entries: before) } }
        let renderer = SiteRenderer(site: site, theme: theme, jobs: options.jobs, reusing: known, previousIndex: previousIndex)
        // Lists show entries by their front matter.
        let kinds = Set(impact.reshown.map { $0.kind })
        var pages: [Page] = [.home, .searchIndex] + affected.subtracting([.home]).sorted().map { Page.entry($0) }
        if kinds.contains(.event) || kinds.contains(.poll) { pages.append(.timeline) }
        pages += EntryKind.indexed.filter(kinds.contains).map { Page.index($0) }
        // The sitemap lists pages in display order, which a new entry, title or date can change.
        if config.baseURL != nil, impact.reordered { pages.append(.sitemap) }
        if impact.feedChanged { pages.append(.feed) }
        // Any edit can renumber the search index's entries: every shard is written
        // again, and a build that would add or drop a shard is a full one.
        let shards = renderer.pages.filter { if case .searchShard = $0 { true } else { false } }
        guard Set(shards.map(\.path)) == Set(state.outputs.keys.filter { $0.hasPrefix(SearchIndex.shardFolder) }) else { return nil }
        pages += shards
        let rendered = Set(pages.map(\.path))

        // 6. Write the new pages over the previous output. The cache stops
        // describing the output from here until it is saved again.
        BuildCache.dropState(options)
        do throws(OutputWriter.Failure) {
            try OutputPatch(output: options.output).write(pages, jobs: options.jobs, render: renderer.render)
        } catch {
            return Report(diagnostics: [.error(relative(options.output, to: options.root), nil, error.description)])
        }
        clock.finish(.render, pages.count, "page")

        // 7. Remember this build.
        var warnings = Dictionary(grouping: previous.values.flatMap(\.warnings), by: \.path)
        for (entry, _, diagnostics) in edited + reparsed { warnings[entry.path] = diagnostics }
        let diagnostics = (warnings.values.flatMap { $0 } + configDiagnostics + linkDiagnostics + themeDiagnostics).sorted()
        var outputs = state.outputs
        outputs.merge(BuildCache.outputStamps(rendered, in: options.output, jobs: options.jobs)) { $1 }
        // The entries parsed again are added to the cache's records, until the
        // records are twice as many as the entries: then they are written afresh.
        let parsed = Set((edited + reparsed).map(\.entry.id))
        let appended = cached.count + parsed.count <= 2 * entries.count ? parsed : nil
        saveCache(site, renderer: renderer, warnings: Dictionary(grouping: diagnostics, by: \.path), inputs: inputs,
                  outputs: outputs, diagnostics: diagnostics,
                  only: appended, options: options)
        clock.finish(.cache, appended?.count ?? site.entries.count, "entry")
        ExitHeap.keep((cached, previous, entries, reused, known, renderer, listing, inputs, outputs, state), if: options.endsProcess)
        return Report(diagnostics: diagnostics, filesWritten: pages.count, pagesWritten: pages.count, reusedCache: true)
    }

    /// Reads and parses `files` again; nil if any has an error or is a draft left out of the build.
    private static func parseAgain(_ files: [ContentFile], loader: ContentLoader, options: Options) -> [(entry: Entry, body: String, warnings: [Diagnostic])]? {
        let results = Parallel.map(files, jobs: options.jobs) { file -> (Entry, String, [Diagnostic])? in
            guard case .entry(let id) = file.role, case .success(let text) = loader.read(file) else { return nil }
            let parsed = EntryParser.parse(text, id: id, path: file.path)
            guard let entry = parsed.entry, options.includeDrafts || !entry.draft else { return nil }
            return (entry, parsed.body, parsed.diagnostics)
        }
        let parsed = results.compactMap { $0 }
        return parsed.count == files.count ? parsed.map { (entry: $0.0, body: $0.1, warnings: $0.2) } : nil
    }

    /// Stores what the next build needs to start from this one: every entry, or
    /// with `only`, those entries added to the ones saved before.
    static func saveCache(_ site: LinkedSite, renderer: SiteRenderer, warnings: [String: [Diagnostic]], inputs: [String: BuildCache.Stamp],
                          outputs: [String: BuildCache.Stamp], diagnostics: [Diagnostic], only: Set<EntryID>? = nil, options: Options) {
        let entries = (only.map(Array.init) ?? Array(site.entries.keys)).sorted().map { id in
            let entry = site[id]
            return BuildCache.CachedEntry(
                entry: entry,
                body: Linker.BodyFacts(mentions: site.mentions(entry.id), words: site.searchWords(entry.id)),
                rendered: renderer.reusable(id),
                warnings: warnings[entry.path] ?? [])
        }
        let state = BuildCache.State(tool: BuildCache.toolIdentity, includeDrafts: options.includeDrafts, output: options.output.path,
                                     diagnostics: diagnostics, inputs: inputs, outputs: outputs)
        BuildCache(state: state, entries: entries, searchTable: renderer.searchIndex.table, appending: only != nil).save(options)
    }
}
