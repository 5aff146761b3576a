import Foundation

/// Stage 5, write: where a build's files go. One sink, three uses:
/// - `.newFolder`, a full build: every file goes into a staging folder that
///   is swapped in for the old output (`OutputWriter`);
/// - `.inPlace`, a build from the cache: the pages whose reads changed, and the
///   assets and static files that changed, replace theirs in the output folder,
///   and files the site no longer makes are removed (`OutputPatch`);
/// - `.comparison`, `build --check`: every file is rendered and compared with
///   the output folder, and nothing is written (`OutputComparison`).
struct OutputSink {
    enum Use {
        case newFolder
        case inPlace(Previous, Reuse)
        case comparison
    }

    let use: Use
    /// Every file of the output after this build.
    let paths: [String]
    /// The pages to render.
    let pages: [Page]
    /// The other files: assets, then static files.
    let files: [(path: String, source: Source)]
    /// Files of the last build's output that this one does not make.
    let removed: [String]

    enum Source {
        case data(Data)
        case file(ContentFile)
    }

    /// `pathsAsBefore`: the output has the last build's paths (see `Reuse.samePaths`).
    init(_ use: Use, renderer: SiteRenderer, theme: Theme, statics: [(String, ContentFile)], inputs: [String: BuildCache.Stamp], pathsAsBefore: Bool = false) {
        self.use = use
        paths = renderer.paths + theme.assets.map(\.path) + statics.map(\.0)
        let assets = theme.assets.map { (path: $0.path, source: Source.data($0.data)) }
        let staticFiles = statics.map { (path: $0.0, source: Source.file($0.1)) }
        guard case .inPlace(let previous, let reuse) = use else {
            pages = renderer.pages
            files = assets + staticFiles
            removed = []
            return
        }
        // The last build's paths, unless they are this one's: then none is new and none goes.
        let before = pathsAsBefore ? nil : Set(previous.state.outputs.map(\.path))
        let isNew = { (path: String) in !(before?.contains(path) ?? true) }
        let mustRender = Parallel.map(renderer.paths, jobs: renderer.jobs) { reuse.mustRender($0) }
        pages = zip(renderer.pages, mustRender).filter(\.1).map(\.0)
        files = assets.filter { reuse.themeChanged || isNew($0.path) }
            + zip(statics, staticFiles).filter { file, entry in
                isNew(entry.path) || previous.state.stamp(of: file.1.path) != inputs[file.1.path]
            }.map(\.1)
        removed = before?.subtracting(paths).sortedInUTF8() ?? []
    }

    /// Renders the pages and puts every file where this use puts it; for a
    /// comparison, how the output folder differs, and nothing is written.
    /// `rendered` is called once every page is rendered, before the last are written.
    /// `render` is given where the page's file goes (nil for a comparison, which writes nothing).
    func write(to output: URL, jobs: Int, clock: inout Almanac.StageClock, render: (Page, OutputPlace?) -> FileBytes,
               rendered: () -> Void = {}) throws(OutputWriter.Failure) -> OutputComparison? {
        switch use {
        case .newFolder:
            let writer = try OutputWriter(output: output)
            do throws(OutputWriter.Failure) {
                try writer.makeFolders(for: paths)
                try writer.writePages(pages, jobs: jobs, render: render, rendered: rendered)
                clock.finish(.render, pages.count, "page")
                for (path, source) in files { try writer.write(try OutputSink.data(source, path: path), to: path) }
                try writer.commit()
            } catch {
                writer.discard()
                throw error
            }
        case .inPlace:
            var data: [(path: String, data: Data)] = []
            for (path, source) in files { data.append((path, try OutputSink.data(source, path: path))) }
            try OutputPatch(output: output).write(pages, files: data, removing: removed, jobs: jobs, render: render, rendered: rendered)
            clock.finish(.render, pages.count, "page")
        case .comparison:
            // Pages are rendered and compared in parallel, one at a time each, so a large site is never all in memory.
            var statuses: [(String, OutputComparison.Status)] = Parallel.map(pages, jobs: jobs) { page in
                (page.path, OutputComparison.status(of: render(page, nil), at: page.path, in: output))
            }
            clock.finish(.render, pages.count, "page")
            for (path, source) in files {
                statuses.append((path, OutputComparison.status(of: FileBytes(try OutputSink.data(source, path: path)), at: path, in: output)))
            }
            return OutputComparison(statuses, besides: OutputComparison.files(in: output))
        }
        return nil
    }

    private static func data(_ source: Source, path: String) throws(OutputWriter.Failure) -> Data {
        switch source {
        case .data(let data): return data
        case .file(let file):
            guard let data = try? Data(contentsOf: file.url) else { throw .cannotRead(file.path) }
            return data
        }
    }

    /// The stamps of the output's files once written: after a build in place, the
    /// last build's with those written or removed since brought up to date.
    func outputStamps(in output: URL, jobs: Int) -> [BuildCache.Stamped] {
        guard case .inPlace(let previous, _) = use else { return BuildCache.stamps(paths, in: output.path, jobs: jobs) }
        let written = pages.map(\.path) + files.map(\.path)
        let changed = written + removed
        // Few (a rebuild writes a page or two) are looked for one by one: hashing every path cost more.
        let isChanged: (String) -> Bool = changed.count <= 16 ? { changed.contains($0) } : { [set = Set(changed)] in set.contains($0) }
        // The last build's (sorted, unless it was a full build) and the few written, sorted, merged.
        var kept = previous.state.outputs.filter { !isChanged($0.path) }
        kept.sortInUTF8 { $0.path }
        var stamped = BuildCache.stamps(written, in: output.path, jobs: jobs)
        stamped.sortInUTF8 { $0.path }
        return Linker.merged(kept, stamped) { $0.path.precedesInUTF8($1.path) }
    }
}
