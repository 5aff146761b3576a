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
        /// The process exits after this build: what it made is not freed (see `KeptUntilExit`).
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
        /// How many records the cache's entry file held (a rebuild appends to it).
        var cacheRecords = 0
        public var succeeded: Bool { !diagnostics.contains(where: \.isError) }
    }

    /// Validates everything and writes nothing.
    public static func check(_ options: Options) -> Report {
        let loaded = loadParseAndLink(options)
        var report = Report(diagnostics: loaded.diagnostics)
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        report.diagnostics += themeDiagnostics
        if let site = loaded.linked, let theme {
            // The pages a build would plan, search shards included, so that check finds what build finds.
            let (interface, interfaceDiagnostics) = Interface.load(language: site.config.language, own: theme.strings)
            report.diagnostics += interfaceDiagnostics
            let renderer = SiteRenderer(site: site, theme: theme, interface: interface, jobs: options.jobs)
            report.diagnostics += outputProblems(renderer, theme: theme, staticFiles: loaded.staticFiles)
        }
        report.diagnostics.sort()
        return report
    }

    /// All five stages, the same for every build. With `Options.useCache` and the
    /// cache of the last build, a file whose stamp is as it was is not read again,
    /// a body as it was is not linked again, and a page whose recorded reads all
    /// give what they gave (see `ReadKey`) is not rendered again: the others replace
    /// theirs in the output folder. Without, every page goes into a new folder,
    /// swapped in for the old one. On any error nothing in the output folder changes.
    public static func build(_ options: Options) -> Report { run(options, comparing: false).report }

    /// The build; `comparing`: for `build --check`, compared with the output folder, not written.
    static func run(_ options: Options, comparing: Bool) -> (report: Report, comparison: OutputComparison?) {
        var report = Report()
        if !comparing, let problem = outputProblem(options) {  // a comparison writes nothing
            report.diagnostics.append(.error(relative(options.output, to: options.root), nil, problem))
            return (report, nil)
        }
        var clock = StageClock(options.progress)
        let last = options.useCache ? BuildCache.loadState(options) : nil
        // Stamped before the theme reads them, as the Content files are before they are read.
        let templateStamps = options.useCache ? BuildCache.templateStamps(root: options.root) : []
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        // A theme with errors is reported by its diagnostics, not by a stage line.
        if let theme { clock.finish(.theme, theme.assets.count, "asset") }
        // Listing Content/ takes one core: the output is checked on the other meanwhile.
        let (listing, outputIntact) = Parallel.both(jobs: options.jobs, { list(options, stamp: options.useCache) }) {
            last.map { BuildCache.stamps($0.outputs.map(\.path), in: options.output.path, jobs: 1) == $0.outputs } ?? false
        }
        // Content/ comes before Templates/, each sorted.
        var inputs = listing.stamped + templateStamps
        inputs.sortInUTF8 { $0.path }
        var previous: Previous?
        let inputsAsBefore = last?.inputs == inputs
        if let state = last, outputIntact || inputsAsBefore {
            if inputsAsBefore, outputIntact {
                // No file changed: nothing any page read can have changed.
                clock.finish(.load, 0, "changed file")
                return (Report(diagnostics: state.diagnostics, reusedCache: true), nil)
            }
            if let loaded = BuildCache.loadRecordsAndTraces(options) {
                previous = Previous(state: state, records: loaded.records, recordCount: loaded.recordCount, traces: loaded.traces)
            }
        }
        // The output folder was emptied or edited, but no input changed: every page is
        // written again, into a new folder, from the entries and list items of the
        // cache; its records and traces still describe the site, and only the state is saved.
        let restoring = previous != nil && !outputIntact
        report.reusedCache = previous != nil
        clock.finish(.load, listing.files.count, "file")

        let loaded = parseAndLink(listing, options: options, records: previous?.records ?? [:], clock: &clock)
        report.diagnostics = (loaded.diagnostics + themeDiagnostics).sorted()
        guard let linked = loaded.linked, let theme else { return (report, nil) }
        let (interface, interfaceDiagnostics) = Interface.load(language: linked.config.language, own: theme.strings)
        report.diagnostics = (report.diagnostics + interfaceDiagnostics).sorted()
        guard let site = loaded.site, report.succeeded else {
            // Not rendered, but its links are checked, so that every problem is reported at once.
            let renderer = SiteRenderer(site: linked, theme: theme, interface: interface, jobs: options.jobs)
            report.diagnostics = (report.diagnostics + outputProblems(renderer, theme: theme, staticFiles: loaded.staticFiles)).sorted()
            return (report, nil)
        }
        var fingerprints = Fingerprints(site: site, theme: theme.fingerprint, config: loaded.configHash, interface: interface.fingerprint, hashes: loaded.hashes)
        var reuse = previous.map { Reuse(site: site, loaded: loaded, previous: $0, fingerprints: fingerprints) }
        // The search index is made on one core while the other fingerprints the keys that do not read it.
        let (renderer, early) = Parallel.both(jobs: options.jobs, { [reuse] in
            SiteRenderer(site: site, theme: theme, interface: interface, jobs: options.jobs, reusing: reuse?.known ?? [:], previousIndex: reuse?.searchIndex)
        }) { [fingerprints] in restoring ? nil : previous.map { Reuse.fingerprints(besidesSearch: fingerprints, of: $0) } }
        fingerprints.searchIndex = renderer.searchIndex
        if let previous, let early { reuse?.compare(fingerprints, with: previous, early: early) }
        let pathsAsBefore = previous.map { reuse?.samePaths(as: $0, pages: renderer.paths, staticFiles: loaded.staticFiles) ?? false } ?? false
        report.diagnostics = (report.diagnostics + outputProblems(renderer, theme: theme, staticFiles: loaded.staticFiles, pathsAsBefore: pathsAsBefore)).sorted()
        guard report.succeeded else { return (report, nil) }

        let use: OutputSink.Use = if comparing { .comparison } else if !restoring, let previous, let reuse { .inPlace(previous, reuse) } else { .newFolder }
        let recording = options.useCache && !restoring
        let sink = OutputSink(use, renderer: renderer, theme: theme, statics: staticPaths(loaded.staticFiles), inputs: listing.stamps, pathsAsBefore: pathsAsBefore)
        let traces = TraceLog()
        let comparison: OutputComparison?
        let reusing = restoring ? nil : reuse
        let saveRecordsAndTraces = { [previous, fingerprints] () -> Int? in
            Almanac.saveRecordsAndTraces(site, renderer: renderer, loaded: loaded, listing: listing, traces: traces,
                                         previous: previous, reuse: reusing, fingerprints: fingerprints, options: options)
        }
        var saving: Background<Int?>?
        do throws(OutputWriter.Failure) {
            if previous != nil { BuildCache.dropState(options) }  // the cache stops describing the output from here
            comparison = try sink.write(to: options.output, jobs: options.jobs, clock: &clock, render: { page, place in
                let earlier = reusing?.earlierParts(of: page, in: options.output)
                let (bytes, reads, parts) = renderer.render(page, recordingReads: recording, earlier: earlier, writingTo: place)
                if recording { traces.add(page.path, reads, parts: parts) }
                return bytes
            }, rendered: {
                // Every page's reads are known: the records and traces are saved on
                // another core while the last pages are written (a 100 MB site.json).
                if recording, !comparing { saving = Background(saveRecordsAndTraces) }
            })
        } catch {
            _ = saving?.value  // nothing is left writing once the build has returned
            report.diagnostics.append(.error(relative(options.output, to: options.root), nil, error.description))
            return (report, nil)
        }
        if comparing { return (report, comparison) }
        report.filesWritten = sink.files.count + sink.pages.count
        report.pagesWritten = sink.pages.count
        clock.finish(.write, sink.files.count, "other file")
        if restoring {
            // The records and traces of the last build are this one's (no input changed): only the state is saved.
            BuildCache.saveState(encodedState(sink: sink, inputs: inputs, diagnostics: report.diagnostics, options: options), options: options)
            clock.finish(.cache, 0, "entry")
        } else if options.useCache {
            // The state last: it names the records and traces, and the output as it is
            // now (made while the other core still saves them).
            let state = encodedState(sink: sink, inputs: inputs, diagnostics: report.diagnostics, options: options)
            let saved = saving.map(\.value) ?? saveRecordsAndTraces()
            if saved != nil { BuildCache.saveState(state, options: options) }
            clock.finish(.cache, saved ?? 0, "entry")
        }
        KeptUntilExit.keep((loaded, renderer, previous as Any), if: options.endsProcess)
        return (report, nil)
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
