extension Almanac {
    /// Stores what the next build needs to start from this one; returns how many
    /// entry records it wrote. A build from the cache appends the records of the
    /// entries that differ from theirs, until the file holds twice as many records
    /// as there are entries: then every entry's is written afresh.
    static func saveCache(_ site: LinkedSite, renderer: SiteRenderer, loaded: Loaded, listing: Listing, inputs: [BuildCache.Stamped],
                          sink: OutputSink, traces: TraceLog, previous: Previous?, reuse: Reuse?, fingerprints: Fingerprints, diagnostics: [Diagnostic],
                          options: Options) -> Int {
        // Each page's trace: what it read now, or, not rendered, what it read when it was.
        // Keys keep their numbers from the last build, so the traces of pages not
        // rendered are kept as they are; new keys are added after them.
        var keys = previous?.traces.keys ?? []
        var numbers = Dictionary(keys.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        func number(_ key: ReadKey) -> Int32 {
            if let number = numbers[key] { return number }
            keys.append(key)
            numbers[key] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }
        let rendered = traces.all
        let earlier = Dictionary((previous?.traces.pages ?? []).map { ($0.path, $0.reads) }, uniquingKeysWith: { first, _ in first })
        var pages = renderer.pages.compactMap { page -> BuildCache.Traces.Page? in
            guard let reads = rendered[page.path].map({ $0.map(number).sorted() }) ?? earlier[page.path] else { return nil }
            return BuildCache.Traces.Page(path: page.path, reads: reads)
        }
        var values = reuse?.current ?? []
        values += Parallel.map(Array(keys[values.count...]), jobs: options.jobs) { fingerprints.value(of: $0) }
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
            values = values.indices.filter { used[$0] }.map { values[$0] }
            pages = pages.map { BuildCache.Traces.Page(path: $0.path, reads: $0.reads.map { renumbered[Int($0)] }) }
        }
        let table = renderer.searchIndex.table
        let traces = BuildCache.Traces(keys: keys, fingerprints: values, pages: pages, numbering: fingerprints.numbering,
                                       searchWords: table.map(\.word), searchPostings: table.map(\.postings))

        func record(_ id: EntryID) -> BuildCache.EntryRecord? {
            let entry = site[id]
            guard let stamp = listing.stamps[entry.path], let hashes = loaded.hashes[id], let facts = site.facts(id) else { return nil }
            return BuildCache.EntryRecord(path: entry.path, stamp: stamp, entry: entry, fields: site.config.fields.fingerprint(of: entry.kind), hashes: hashes, warnings: loaded.warnings[entry.path] ?? [],
                                          facts: facts, rendered: renderer.reusable(id))
        }
        let ids = site.entries.keys.sorted()
        var changed = ids
        if let previous {
            let themeChanged = traces.keys.firstIndex(of: .theme).map { traces.fingerprints[$0] } != previous.traces.keys.firstIndex(of: .theme)
                .map { previous.traces.fingerprints[$0] }
            changed = ids.filter { id in
                let path = site[id].path
                guard !themeChanged, let old = previous.records[path] else { return true }
                return old.stamp != listing.stamps[path] || old.fields != site.config.fields.fingerprint(of: id.kind)
                    || (old.rendered?.item == nil) != (renderer.reusable(id)?.item == nil)
            }
        }
        let appending = previous.map { $0.recordCount + changed.count <= 2 * ids.count } ?? false
        let records = Parallel.map(appending ? changed : ids, jobs: options.jobs, record).compactMap { $0 }
        let state = BuildCache.State(includeDrafts: options.includeDrafts, output: options.output.path, diagnostics: diagnostics,
                                     inputs: inputs, outputs: sink.outputStamps(in: options.output, jobs: options.jobs))
        BuildCache.save(state, records: records, appending: appending, traces: traces, options: options)
        return records.count
    }
}
