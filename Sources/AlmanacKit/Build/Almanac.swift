import Foundation

/// The whole build as a list of named stages: load, parse, link, render, write.
public enum Almanac {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var includeDrafts = false
        public var jobs = Parallel.defaultJobs
        /// Keep a build cache in `ROOT/.almanac-cache/` and use it to rebuild only
        /// what changed (the command line's default; off for library callers).
        public var useCache = false
        /// Called as each stage finishes, for progress lines; nil prints nothing.
        public var progress: ProgressHandler?
        /// The process exits after this build: what it made is not freed (see `ExitHeap`).
        public var endsProcess = false

        public init(root: URL, output: URL? = nil) {
            self.root = root.standardizedFileURL
            self.output = (output ?? root.appending(path: "Output")).standardizedFileURL
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var filesWritten = 0
        public var pagesWritten = 0
        /// The build started from the cache of the previous one.
        public var reusedCache = false
        public var succeeded: Bool { !diagnostics.contains(where: \.isError) }
    }

    /// A site read, parsed and linked, with everything that was wrong with it.
    public struct Loaded: Sendable {
        public var site: LinkedSite?
        public var staticFiles: [ContentFile] = []
        /// Every file the loader listed.
        public var listedFiles: [ContentFile] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Stages 1 to 3: load, parse, link.
    public static func load(_ options: Options) -> Loaded {
        var clock = StageClock(options.progress)
        let loader = ContentLoader(root: options.root)
        let listing = loader.list()
        var loaded = Loaded(listedFiles: listing.files, diagnostics: listing.diagnostics)
        clock.finish(.load, listing.files.count, "file")

        var parsed = Parallel.map(listing.files, jobs: options.jobs) { file in parse(file, with: loader) }
        var config: SiteConfig?
        var entries: [Entry] = []
        var broken: [Entry] = []
        var markdown: [EntryID: String] = [:]
        markdown.reserveCapacity(parsed.count)
        for (file, result) in zip(listing.files, parsed) {
            loaded.diagnostics += result.diagnostics
            switch (file.role, result.value) {
            case (.siteConfig, .config(let value)): config = value
            case (.entry, .entry(let entry, let body)): entries.append(entry); markdown[entry.id] = body
            case (.entry, .partial(let entry, let body)): broken.append(entry); markdown[entry.id] = body
            case (.staticFile, _): loaded.staticFiles.append(file)
            default: break
            }
        }
        // The bodies' only holder is now `markdown`, which the linker takes (see `Linker.link`).
        parsed = []
        clock.finish(.parse, entries.count + broken.count, "entry")
        // Without usable settings the entries are still linked, so that every problem is reported at once.
        let (site, linkDiagnostics) = Linker.link(config: config ?? SiteConfig(title: ""), entries: entries, broken: broken,
                                                  markdown: consume markdown, includeDrafts: options.includeDrafts, jobs: options.jobs)
        clock.finish(.link, site?.graph.backlinks.values.reduce(0) { $0 + $1.count } ?? 0, "link")
        loaded.diagnostics += linkDiagnostics
        loaded.diagnostics.sort()
        if config != nil, !loaded.diagnostics.contains(where: \.isError) { loaded.site = site }
        return loaded
    }

    private enum Parsed { case config(SiteConfig), entry(Entry, body: String), partial(Entry, body: String) }

    private static func parse(_ file: ContentFile, with loader: ContentLoader) -> (value: Parsed?, diagnostics: [Diagnostic]) {
        if case .staticFile = file.role { return (nil, []) }
        let text: String
        switch loader.read(file) {
        case .success(let value): text = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        switch file.role {
        case .siteConfig:
            let (config, diagnostics) = EntryParser.parseSiteConfig(text, path: file.path)
            return (config.map(Parsed.config), diagnostics)
        case .entry(let id):
            let parsed = EntryParser.parse(text, id: id, path: file.path)
            let value = parsed.entry.map { Parsed.entry($0, body: parsed.body) } ?? parsed.partial.map { Parsed.partial($0, body: parsed.body) }
            return (value, parsed.diagnostics)
        case .staticFile:
            return (nil, [])
        }
    }

    /// Validates everything and writes nothing.
    public static func check(_ options: Options) -> Report {
        var report = Report(diagnostics: load(options).diagnostics)
        let (_, themeDiagnostics) = Theme.load(root: options.root)
        report.diagnostics = (report.diagnostics + themeDiagnostics).sorted()
        return report
    }

    /// All five stages. On any error nothing in the output folder changes.
    public static func build(_ options: Options) -> Report {
        var report = Report()
        if let problem = outputProblem(options) {
            report.diagnostics.append(.error(relative(options.output, to: options.root), nil, problem))
            return report
        }
        var clock = StageClock(options.progress)
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        // A theme with errors is reported by its diagnostics, not by a stage line.
        if let theme { clock.finish(.theme, theme.assets.count, "asset") }
        if options.useCache, let theme, !themeDiagnostics.contains(where: \.isError),
           let incremental = incrementalBuild(options, theme: theme, themeDiagnostics: themeDiagnostics) {
            return incremental
        }
        let loaded = load(options)
        clock.restart()  // load reported its own stages
        report.diagnostics = (loaded.diagnostics + themeDiagnostics).sorted()
        guard let site = loaded.site, let theme, report.succeeded else { return report }

        let renderer = SiteRenderer(site: site, theme: theme, jobs: options.jobs)
        let statics = staticFiles(loaded.staticFiles, renderer: renderer, theme: theme)
        report.diagnostics = (report.diagnostics + statics.diagnostics).sorted()
        guard report.succeeded else { return report }
        let files = renderer.pages.map(\.path) + theme.assets.map(\.path) + statics.files.map(\.0)

        do throws(OutputWriter.Failure) {
            let writer = try OutputWriter(output: options.output)
            do throws(OutputWriter.Failure) {
                try writer.makeFolders(for: files)
                try write(renderer, theme: theme, staticFiles: statics.files, to: writer, jobs: options.jobs, clock: &clock)
                try writer.commit()
                report.filesWritten = files.count
                report.pagesWritten = renderer.pages.count
                clock.finish(.write, report.filesWritten - report.pagesWritten, "other file")
                if options.useCache {
                    let inputs = BuildCache.inputStamps(loaded.listedFiles, root: options.root, jobs: options.jobs)
                    let outputs = BuildCache.outputStamps(files, in: options.output, jobs: options.jobs)
                    saveCache(site, renderer: renderer, warnings: Dictionary(grouping: report.diagnostics, by: \.path), inputs: inputs,
                              outputs: outputs, diagnostics: report.diagnostics, options: options)
                    clock.finish(.cache, site.entries.count, "entry")
                }
                ExitHeap.keep((loaded, renderer), if: options.endsProcess)
            } catch {
                writer.discard()
                throw error
            }
        } catch {
            report.diagnostics.append(.error(relative(options.output, to: options.root), nil, error.description))
        }
        return report
    }

    /// Pages are rendered and written in one parallel pass (the `render` stage);
    /// assets, static files and the swap are the `write` stage.
    private static func write(_ renderer: SiteRenderer, theme: Theme, staticFiles: [(String, ContentFile)], to writer: OutputWriter, jobs: Int,
                              clock: inout StageClock) throws(OutputWriter.Failure) {
        try writer.writePages(renderer.pages, jobs: jobs, render: renderer.render)
        clock.finish(.render, renderer.pages.count, "page")
        for asset in theme.assets { try writer.write(asset.data, to: asset.path) }
        for (path, file) in staticFiles {
            guard let data = try? Data(contentsOf: file.url) else { throw .cannotWrite(path, "cannot read \(file.path)") }
            try writer.write(data, to: path)
        }
    }

    /// Why the output folder must not be written, if it must not.
    static func outputProblem(_ options: Options) -> String? {
        let root = options.root.path
        let output = options.output.path
        if output == root || root.hasPrefix(output + "/") {
            return "the output folder \(output) would hold the site itself; choose another --output"
        }
        for protected in ["Content", "Templates"] {
            let folder = options.root.appending(path: protected).path
            if output == folder || output.hasPrefix(folder + "/") {
                return "the output folder must not be inside \(protected)/"
            }
        }
        return OutputMarker.problem(with: options.output)
    }

    /// `path` relative to `root` when inside it, for diagnostics.
    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }
}
