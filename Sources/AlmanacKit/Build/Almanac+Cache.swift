extension Almanac {
    /// The first part of saving what the next build starts from, once every page is
    /// rendered: the traces, made and written on one core, and the records on the
    /// other. How many records were written; nil if they could not be. A build from
    /// the cache appends the records of the entries that differ from theirs, until
    /// the file holds twice as many records as there are entries: then every
    /// entry's is written afresh. The state, which names both, is saved after the
    /// output is written (`encodedState`).
    static func saveRecordsAndTraces(_ site: LinkedSite, renderer: SiteRenderer, loaded: Loaded, listing: Listing, traces: TraceLog,
                                     previous: Previous?, reuse: Reuse?, fingerprints: Fingerprints, options: Options) -> Int? {
        BuildCache.dropState(options)
        let (tracesSaved, saved) = Parallel.both(jobs: options.jobs, {
            BuildCache.save(tracesToKeep(renderer: renderer, rendered: traces.all, previous: previous, reuse: reuse, fingerprints: fingerprints), options: options)
        }) { saveRecords(site, renderer: renderer, loaded: loaded, listing: listing, previous: previous, reuse: reuse, options: options) }
        return tracesSaved ? saved : nil
    }

    /// The state, encoded: the build's options, its diagnostics and the stamps of
    /// its inputs and of the output as it is now (saved last, `BuildCache.saveState`).
    static func encodedState(sink: OutputSink, inputs: [BuildCache.Stamped], diagnostics: [Diagnostic], options: Options) -> [UInt8] {
        BinaryCoder.encode(BuildCache.State(includeDrafts: options.includeDrafts, output: options.output.path, diagnostics: diagnostics,
                                            inputs: inputs, outputs: sink.outputStamps(in: options.output, jobs: options.jobs)))
    }

    /// Each page's trace: what it read now, or, not rendered, what it read when it was.
    /// Keys keep their numbers from the last build, so the traces of pages not
    /// rendered are kept as they are; new keys are added after them.
    private static func tracesToKeep(renderer: SiteRenderer, rendered: [String: (reads: Set<ReadKey>, parts: [PartedText.Part])], previous: Previous?, reuse: Reuse?,
                                     fingerprints: Fingerprints) -> BuildCache.Traces {
        var keys = previous?.traces.keys ?? []
        var codes = previous?.traces.keyCodes ?? []
        // Every key's number: made only when pages read more than a few keys they did
        // not read before (a few are looked for one by one, a hundred thousand keys each).
        var numbers: [ReadKey: Int32]?
        var searches = 0
        func number(_ key: ReadKey) -> Int32 {
            if numbers == nil, searches < 8 {
                searches += 1
                if let index = keys.firstIndex(of: key) { return Int32(index) }
                keys.append(key)
                return Int32(keys.count - 1)
            }
            if numbers == nil { numbers = Dictionary(keys.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first }) }
            if let number = numbers?[key] { return number }
            keys.append(key)
            numbers?[key] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }
        /// `reads` numbered, sorted: as `before` when those are the same keys (a page rendered again reads what it read).
        func numbered(_ reads: Set<ReadKey>, before: [Int32]?) -> [Int32] {
            if let before, before.count == reads.count, before.allSatisfy({ reads.contains(keys[Int($0)]) }) { return before }
            return reads.map(number).sorted()
        }
        let earlier = reuse?.traces ?? [:]
        var pages = renderer.paths.compactMap { path -> BuildCache.Traces.Page? in
            guard let trace = rendered[path] else {
                return earlier[path].map { BuildCache.Traces.Page(path: path, reads: $0, parts: reuse?.parts[path]) }
            }
            guard !trace.parts.isEmpty else { return BuildCache.Traces.Page(path: path, reads: numbered(trace.reads, before: earlier[path])) }
            let before = reuse?.parts[path]
            // The last build's parts, listed at the first part made again, and found as `PartedText` finds them.
            var beforeParts: [(name: String, range: Range<Int>, reads: ArraySlice<Int32>)]?
            var places = PartedText.Places()
            func readsBefore(_ name: String, at index: Int) -> [Int32]? {
                guard let before else { return nil }
                if beforeParts == nil { beforeParts = before.all }
                let all = beforeParts!
                return places.place(of: name, at: index, in: all.lazy.map(\.name)).map { Array(all[$0].reads) }
            }
            var parts = BuildCache.Traces.Parts(outside: numbered(trace.reads, before: before?.outside))
            // Every part as it was, in its place: the page reads what it read.
            var asBefore = before.map { $0.outside == parts.outside && $0.names.count == trace.parts.count } ?? false
            for (index, part) in trace.parts.enumerated() {
                let reads: ArraySlice<Int32>
                switch part.reads {
                case .recorded(let keys):
                    let earlier = readsBefore(part.name, at: index)
                    reads = numbered(keys, before: earlier)[...]
                    asBefore = asBefore && earlier?[...] == reads
                case .kept(let numbers):
                    reads = numbers
                }
                parts.append(part.name, part.range, reads: reads)
                asBefore = asBefore && before?.names[index] == part.name
            }
            if asBefore, let reads = earlier[path] { return BuildCache.Traces.Page(path: path, reads: reads, parts: parts) }
            var all = Set(parts.outside)
            all.formUnion(parts.reads)
            return BuildCache.Traces.Page(path: path, reads: all.sorted(), parts: parts)
        }
        var values = reuse?.current ?? []
        values += keys[values.count...].map { fingerprints.value(of: $0) }
        // Keys no page reads any more (a removed entry's) are dropped when they are half of them.
        var used = [Bool](repeating: false, count: keys.count)
        for page in pages { for read in page.reads { used[Int(read)] = true } }
        if used.count(where: { $0 }) * 2 < keys.count {
            var renumbered = [Int32](repeating: -1, count: keys.count)
            var kept = 0
            for index in keys.indices where used[index] {
                renumbered[index] = Int32(kept)
                kept += 1
            }
            keys = keys.indices.filter { used[$0] }.map { keys[$0] }
            codes = codes.indices.filter { used[$0] }.map { codes[$0] }
            values = values.indices.filter { used[$0] }.map { values[$0] }
            pages = pages.map { page in
                var parts = page.parts
                if var table = parts {
                    table.outside = table.outside.map { renumbered[Int($0)] }
                    table.reads = table.reads.map { renumbered[Int($0)] }
                    parts = table
                }
                return BuildCache.Traces.Page(path: page.path, reads: page.reads.map { renumbered[Int($0)] }, parts: parts)
            }
        }
        let table = renderer.searchIndex.table
        return BuildCache.Traces(keys: keys, keyCodes: codes, fingerprints: values, pages: pages, numbering: fingerprints.numbering,
                                 searchWords: table.map(\.word), searchPostings: table.map(\.postings))
    }

    /// Writes the entries' records (those that changed, appended, or all); how many, or nil if they could not be written.
    private static func saveRecords(_ site: LinkedSite, renderer: SiteRenderer, loaded: Loaded, listing: Listing, previous: Previous?, reuse: Reuse?,
                                    options: Options) -> Int? {
        func record(_ id: EntryID) -> BuildCache.EntryRecord? {
            let entry = site[id]
            guard let stamp = listing.stamps[entry.path], let hashes = loaded.hashes[id], let facts = site.facts(id) else { return nil }
            return BuildCache.EntryRecord(path: entry.path, stamp: stamp, entry: entry, fields: site.config.fields.fingerprint(of: entry.kind), hashes: hashes,
                                          warnings: loaded.warnings[entry.path] ?? [], facts: facts, rendered: renderer.reusable(id))
        }
        var changed = Array(site.entries.keys)
        // What an entry's record keeps (its list item, its search row) shows the theme and the interface's words.
        if let previous, let reuse, !reuse.themeChanged, !reuse.interfaceChanged {
            let fields = site.config.fields.fingerprints
            changed = changed.filter { id in
                let path = site[id].path
                guard let old = previous.records[path] else { return true }
                // An entry whose file is as it was has its item still, if its record had one.
                return old.stamp != listing.stamps[path] || old.fields != fields[id.kind] || (old.rendered?.item == nil && renderer.hasItem(id))
            }
        }
        let appending = previous.map { $0.recordCount + changed.count <= 2 * site.entries.count } ?? false
        let ids = (appending ? changed : Array(site.entries.keys)).sorted()
        let records = Parallel.map(ids, jobs: options.jobs) { record($0) }.compactMap { $0 }
        return BuildCache.save(records, appending: appending, options: options) ? records.count : nil
    }
}
