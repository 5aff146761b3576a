import Foundation
import Testing
@testable import AlmanacKit

/// The build cache: a rebuild after an edit gives byte for byte what a full
/// build gives, renders only what it must, and any doubt means a full build.
@Suite struct BuildCacheTests {
    /// A copy of the basic fixture, built once with the cache.
    func builtSite() -> (TemporaryFolder, URL) {
        let scratch = TemporaryFolder()
        let root = scratch.copy(Fixtures.site("basic"), to: "site")
        try? FileManager.default.removeItem(at: root.appending(path: "expected"))
        let first = cachedBuild(root)
        #expect(first.succeeded && !first.reusedCache, "\(first.diagnostics)")
        return (scratch, root)
    }

    func cachedBuild(_ root: URL) -> Almanac.Report {
        var options = Almanac.Options(root: root)
        options.useCache = true
        options.jobs = 2
        return Almanac.build(options)
    }

    /// The output of a full build of `root` without any cache.
    func fullBuild(_ root: URL, in scratch: TemporaryFolder) -> [String: Data] {
        let output = scratch.url.appending(path: "full-\(UUID().uuidString)")
        #expect(build(root, output: output).succeeded)
        return tree(output)
    }

    func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = root.appending(path: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    @Test func nothingChangedWritesNothing() {
        let (scratch, root) = builtSite()
        let before = tree(root.appending(path: "Output"))
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache && report.filesWritten == 0)
        #expect(tree(root.appending(path: "Output")) == before)
        #expect(before == fullBuild(root, in: scratch))
    }

    @Test(arguments: [
        ("Content/events/summit-2022.md", "title: The Summit", "title: The Great Summit"),
        ("Content/events/summit-2022.md", "date: 2022-03-06", "date: 2021-12-01"),
        ("Content/events/summit-2022.md", "The summit was held.", "The summit was held in March."),
        ("Content/events/summit-2022.md", "Cited in [the article](source:article).", "Not cited."),
        ("Content/events/later.md", "Later.", "Later, with [Alice](actor:alice) and <poll:poll-one>."),
        ("Content/actors/alice.md", "role: President", "role: Former president"),
        ("Content/polls/poll-one.md", "percent: 52.5", "percent: 55"),
        ("Content/sources/article.md", "publication: The Paper", "publication: The Daily Paper"),
        ("Content/pages/about.md", "About <actor:alice>.", "About <actor:bob>."),
        ("Content/index.md", "# Home", "# Home\n\nSee <event:later>."),
    ])
    func anEditGivesWhatAFullBuildGives(_ path: String, _ old: String, _ new: String) throws {
        let (scratch, root) = builtSite()
        try edit(root, path) { text in
            #expect(text.contains(old), "fixture changed: \(path) lacks \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache, "\(report.diagnostics)")
        #expect(report.filesWritten < tree(root.appending(path: "Output")).count)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// An edit of an old event's body alone rewrites its page and the search
    /// index, and the pages it starts or stops mentioning: not the home page, its
    /// neighbours, the timeline, the sitemap, nor the feed of the newest events.
    @Test func aBodyEditRewritesOnlyWhatShowsTheBody() throws {
        let scratch = TemporaryFolder()
        var files = ["Content/actors/ann.md": "---\ntitle: Ann\nkind: person\n---\n"]
        for day in 1...60 {
            files["Content/events/day-\(day).md"] = "---\ntitle: Day \(day)\ndate: 2020-03-\(10 + day % 20)\nactors: [ann]\n---\nOn day \(day).\n"
        }
        let root = makeSite(files, in: scratch)
        scratch.write("Content/site.yml", "title: Days\nbase_url: https://example.org/\n")
        #expect(cachedBuild(root).succeeded)
        try edit(root, "Content/events/day-1.md") { $0.replacingOccurrences(of: "On day 1.", with: "On the first day, with <actor:ann>.") }
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        // The text is also in data/site.json, and its new reference in data/relations.csv.
        #expect(report.pagesWritten == 5, "search index, the event, Ann, site.json and relations.csv: \(report.pagesWritten)")
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// A data file is made of a part per entry (`PartedText`): a body edit makes
    /// the edited entry's part of `site.json` again and copies the others from
    /// the last build's file; `relations.csv` reads only what each entry refers
    /// to, so an edit that keeps the references leaves it as it was.
    @Test func aBodyEditRemakesOnePartOfTheDataFiles() throws {
        let (scratch, root) = builtSite()
        let output = root.appending(path: "Output")
        let relations = BuildCache.Stamp(path: output.appending(path: "data/relations.csv").path)
        try edit(root, "Content/events/summit-2022.md") { $0 + "\nA new closing line.\n" }
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(BuildCache.Stamp(path: output.appending(path: "data/relations.csv").path) == relations)
        #expect(tree(output) == fullBuild(root, in: scratch))
        let traces = try #require(BuildCache.loadTraces(Almanac.Options(root: root)))
        let parts = try #require(traces.pages.first { $0.path == "data/site.json" }?.parts)
        #expect(parts.names.contains("event:summit-2022") && parts.isWhole)
    }

    /// The traces damaged by `damage` and saved, then an event edited: the build
    /// after is a full one, with a full build's output.
    func expectAFullBuild(afterDamagingTraces damage: (inout BuildCache.Traces) throws -> Void) throws {
        let (scratch, root) = builtSite()
        let options = Almanac.Options(root: root)
        var traces = try #require(BuildCache.loadTraces(options))
        try damage(&traces)
        #expect(BuildCache.save(traces, options: options))
        try edit(root, "Content/events/summit-2022.md") { $0 + "\nA new closing line.\n" }
        let report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// A table of parts that does not hold together (a damaged cache) is not
    /// used: the build is a full one, never made of the wrong bytes.
    @Test func aDamagedTableOfPartsMeansAFullBuild() throws {
        try expectAFullBuild { traces in
            let index = try #require(traces.pages.firstIndex { $0.path == "data/site.json" })
            traces.pages[index].parts?.bounds.removeLast()
        }
    }

    /// Traces that decode but whose numbers name no key (a damaged cache) are not
    /// used: the build is a full one, not a crash.
    @Test func tracesWithAReadOfNoKeyMeanAFullBuild() throws {
        try expectAFullBuild { traces in
            traces.pages[0] = BuildCache.Traces.Page(path: traces.pages[0].path, reads: [Int32(traces.keys.count)])
        }
    }

    /// A body's words and text are kept as bytes until asked for (`Deferred`):
    /// when those bytes are damaged, the body is read and linked again, and the
    /// output is still a full build's.
    @Test func aDamagedBodyReadingIsMadeAgain() throws {
        let (scratch, root) = builtSite()
        let entries = root.appending(path: ".almanac-cache/entries.bin")
        var bytes = [UInt8](try Data(contentsOf: entries))
        // The plain text of later.md's body ("Later." and a line end, after its length): its length made wrong.
        let text = [UInt8(7)] + Array("Later.\n".utf8)
        let at = try #require((0 ... bytes.count - text.count).first { Array(bytes[$0 ..< $0 + text.count]) == text })
        bytes[at] = 0x7F
        try Data(bytes).write(to: entries)
        // New settings make every page again, each entry's part of site.json with them.
        try edit(root, "Content/site.yml") { "title: Retitled site\n" + $0.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n" }
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    @Test func anAddedEventGivesWhatAFullBuildGives() {
        let (scratch, root) = builtSite()
        scratch.write("site/Content/events/new-meeting.md", "---\ntitle: New meeting\ndate: 2022-04\nactors: [alice]\nsources: [article]\n---\nMet <actor:bob>.\n")
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// A removed entry, a new template and new settings are rebuilt from the cache
    /// too; an output folder edited since the last build, with an input edited
    /// too, means a full build.
    @Test func removalsTemplatesAndSettingsAreRebuiltEditedOutputMeansAFullBuild() throws {
        let (scratch, root) = builtSite()
        try FileManager.default.removeItem(at: root.appending(path: "Content/pages/about.md"))
        var report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        scratch.write("site/Templates/page.mustache", "{{<layout}}{{$main}}<h1>{{entry.title}}</h1>{{/main}}{{/layout}}\n")
        report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        try edit(root, "Content/site.yml") { "title: Retitled site\n" + $0.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n" }
        report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        scratch.write("site/Output/timeline.html", "edited by hand")
        try edit(root, "Content/actors/bob.md") { $0.replacingOccurrences(of: "title: Bob", with: "title: Robert") }
        report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// An output folder emptied or edited while no input changed (a benchmark, a
    /// clean deploy) is written whole again from the cache's entries: the cache's
    /// records and traces are left as they are, and still serve the next builds.
    @Test func anEmptiedOrEditedOutputIsWrittenAgainFromTheCache() throws {
        let (scratch, root) = builtSite()
        let cache = root.appending(path: ".almanac-cache")
        func stamps() -> [BuildCache.Stamp?] { ["entries.bin", "traces.bin"].map { BuildCache.Stamp(path: cache.appending(path: $0).path) } }
        let kept = stamps()
        let output = root.appending(path: "Output")
        for damage in [{ try FileManager.default.removeItem(at: output) },
                       { scratch.write("site/Output/timeline.html", "edited by hand") },
                       { try FileManager.default.removeItem(at: output.appending(path: "events")) }] as [() throws -> Void] {
            try damage()
            let report = cachedBuild(root)
            #expect(report.succeeded && report.reusedCache && report.pagesWritten > 0, "\(report.diagnostics)")
            #expect(tree(output) == fullBuild(root, in: scratch))
            #expect(stamps() == kept, "the records and traces are not written again")
            let again = cachedBuild(root)
            #expect(again.succeeded && again.reusedCache && again.filesWritten == 0, "the next build finds nothing to do")
        }
        try edit(root, "Content/events/later.md") { $0 + "\nEdited after.\n" }
        let report = cachedBuild(root)
        #expect(report.succeeded && report.reusedCache && report.pagesWritten < 10)
        #expect(tree(output) == fullBuild(root, in: scratch))
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let (scratch, root) = builtSite()
        // Entries cut short, as a rebuild killed while adding to them leaves them.
        let entries = root.appending(path: ".almanac-cache/entries.bin")
        let bytes = try Data(contentsOf: entries)
        try bytes.prefix(bytes.count - 3).write(to: entries)
        try edit(root, "Content/actors/bob.md") { $0.replacingOccurrences(of: "title: Bob", with: "title: Robert") }
        var report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        try Data("not a cache".utf8).write(to: root.appending(path: ".almanac-cache/state.bin"))
        try edit(root, "Content/actors/bob.md") { $0.replacingOccurrences(of: "title: Robert", with: "title: Bob") }
        report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        // A cache of another version of its format.
        let stateFile = root.appending(path: ".almanac-cache/state.bin")
        var state = try Data(contentsOf: stateFile).withUnsafeBytes { try BinaryCoder.decode(BuildCache.State.self, from: $0) }
        state.version += 1
        try Data(BinaryCoder.encode(state)).write(to: stateFile)
        try edit(root, "Content/actors/bob.md") { $0.replacingOccurrences(of: "title: Bob", with: "title: Robert") }
        report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))

        // Traces cut short.
        let traces = root.appending(path: ".almanac-cache/traces.bin")
        let traceBytes = try Data(contentsOf: traces)
        try traceBytes.prefix(traceBytes.count / 2).write(to: traces)
        try edit(root, "Content/actors/bob.md") { $0.replacingOccurrences(of: "title: Robert", with: "title: Bob") }
        report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// Each rebuild adds the entries it parsed to the cache; many in a row still
    /// give a full build's output, and leave nothing temporary beside the pages.
    @Test func repeatedEditsStayExact() throws {
        let (scratch, root) = builtSite()
        for round in 1...6 {
            try edit(root, "Content/events/later.md") { $0 + "\nRound \(round).\n" }
            let report = cachedBuild(root)
            #expect(report.succeeded && report.reusedCache, "round \(round): \(report.diagnostics)")
        }
        let output = tree(root.appending(path: "Output"))
        #expect(output == fullBuild(root, in: scratch))
        #expect(!output.keys.contains { $0.contains(".almanac-") && $0 != OutputMarker.name }, "no staging file is left")
    }

    /// A rebuild writes its pages over the previous output only after dropping the
    /// cache's state: one killed halfway is followed by a full build, which also
    /// removes the temporary files it left.
    @Test func aRebuildKilledWhileWritingIsFollowedByAFullBuild() throws {
        let (scratch, root) = builtSite()
        try edit(root, "Content/events/later.md") { $0 + "\nEdited.\n" }
        // What such a rebuild leaves: no state, a page half written beside its file.
        try FileManager.default.removeItem(at: root.appending(path: ".almanac-cache/state.bin"))
        scratch.write("site/Output/events/later.html.almanac-99999", "<p>half")
        let report = cachedBuild(root)
        #expect(report.succeeded && !report.reusedCache)
        #expect(tree(root.appending(path: "Output")) == fullBuild(root, in: scratch))
    }

    /// A rebuild reports what a full build reports, each warning once: those of
    /// entries it did not touch come from the cache, the others are found again.
    @Test func aRebuildWarnsAsAFullBuildDoes() throws {
        let (scratch, root) = builtSite()
        scratch.write("site/Content/sources/unread.md", "---\ntitle: Unread\npublication: Nobody\n---\n")
        scratch.write("site/Content/sources/read-later.md", "---\ntitle: Read later\npublication: Somebody\n---\n")
        let expected = { build(root, output: scratch.url.appending(path: "full-\(UUID().uuidString)")).diagnostics.map(\.description) }
        var report = cachedBuild(root)
        #expect(report.reusedCache && report.diagnostics.map(\.description) == expected())
        #expect(report.diagnostics.filter { $0.description.contains("is not cited") }.count == 2)
        for round in 1...2 {
            try edit(root, "Content/events/later.md") { $0 + "\nRound \(round).\n" }
            report = cachedBuild(root)
            #expect(report.reusedCache && report.diagnostics.map(\.description) == expected(), "round \(round)")
        }
        try edit(root, "Content/events/later.md") { $0 + "\nSee <source:read-later>.\n" }
        report = cachedBuild(root)
        #expect(report.reusedCache && report.diagnostics.map(\.description) == expected())
        #expect(report.diagnostics.filter { $0.description.contains("is not cited") }.count == 1)
    }

    @Test func anEditWithAnErrorIsReportedAndLeavesTheOutput() throws {
        let (scratch, root) = builtSite()
        defer { withExtendedLifetime(scratch) {} }
        let before = tree(root.appending(path: "Output"))
        try edit(root, "Content/events/later.md") { $0.replacingOccurrences(of: "Later.", with: "See <actor:nobody>.") }
        let report = cachedBuild(root)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == ["Content/events/later.md:7:5: error: no actor 'nobody' in this site"])
        #expect(tree(root.appending(path: "Output")) == before)
    }

    /// A reference is kept in the cache as one string; it reads back as it was,
    /// and a string of another form is refused, never read as something else.
    @Test func referencesReadBackAsTheyWereWritten() throws {
        let references = [
            FieldReference(target: EntryID(.actor, "alice"), relation: .participant, position: SourcePosition(line: 7, column: 12)),
            FieldReference(target: EntryID(.source, "a-b-2020"), relation: .cites, position: nil),
            FieldReference(target: EntryID(.actor, "x"), relation: .field(.actor, "member_of"), position: SourcePosition(line: 1, column: 1)),
            FieldReference(target: EntryID(.poll, "p"), relation: .mentions, position: SourcePosition(line: 123456, column: 0)),
            FieldReference(target: EntryID(.actor, "pollster-1"), relation: .pollster, position: nil),
            FieldReference(target: EntryID(.actor, "s"), relation: .subject, position: nil),
        ]
        let decoded = try BinaryCoder.encode(references).withUnsafeBytes { try BinaryCoder.decode([FieldReference].self, from: $0) }
        #expect(decoded == references)
        for text in ["participant actor/alice 7:12", "cites source/a 3:4", "actor/member_of actor/x"] {
            #expect(FieldReference(coded: text) != nil, "\(text)")
        }
        for text in ["", "participant", "participant actor-alice", "unknown actor/alice", "participant nokind/alice 7:12", " actor/alice",
                     "participant actor/alice 7:", "participant 7:12"] {
            #expect(FieldReference(coded: text) == nil, "\(text)")
        }
    }

    /// What pages read is kept in the cache as one short string a key: every case
    /// reads back as it was, and a string of another form is refused.
    @Test func readKeysReadBackAsTheyWereWritten() throws {
        let id = EntryID(.event, "summit-2022")
        let keys: [ReadKey] = [.config, .theme, .interface, .taxonomies, .years, .entry(id), .body(id), .mentions(id), .incoming(id),
                               .neighbours(EntryID(.poll, "p-1")), .order(.source), .terms(.places), .term(.tags, "un-votes"),
                               .year(2014), .year(-44), .letters(.actor), .letter(.actor, "ж"), .letter(.source, "#"), .searchPart("w-ab")]
        for key in keys {
            #expect(try ReadKey(code: key.code) == key, "\(key.code)")
        }
        for text in ["", "e", "e event", "e nokind/slug", "q x", "y two", "T tag", "o nokind", "g tags"] {
            #expect(throws: (any Error).self, "\(text)") { try ReadKey(code: text) }
        }
    }
}
