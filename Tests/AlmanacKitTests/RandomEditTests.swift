import Foundation
import Testing
@testable import AlmanacKit

/// The cached rebuild against the full build, on a generated site of 1,201
/// entries: random edits of every kind a writer makes, first one at a time,
/// then two at once (as a save of several files, or a `git checkout`, gives them),
/// and after each build the output of the rebuild must be byte for byte what a
/// build without any cache gives (`build --check` renders that in memory and
/// compares), with the same diagnostics. An edit with an error must leave the
/// output alone.
@Suite struct RandomEditTests {
    /// A site of `events + 201` entries (1,201 by default: more than a thousand events and polls, so the timeline has year pages and the search index shards) whose every file is held here too, so that edits stay valid.
    final class GeneratedSite {
        let scratch = TemporaryFolder()
        var root: URL { scratch.url }
        var files: [String: String] = [:]
        var random: SeededRandom
        let actors: [String], sources: [String], events: [String], polls: [String]
        /// Events nothing refers to: they can be deleted or made drafts.
        var leaves: [String]
        var added = 0
        /// Spellings of a few tags and places, some of one slug (`Protests`, `protests`).
        let tagNames = ["Protests", "protests", "Civil society", "civil-society", "Civil Society", "CSTO", "Sanctions", "Migration"]
        let placeNames = ["Almaty", "almaty", "Alma-Ata", "Astana", "Shymkent", "Aktau"]

        /// The last 100 events are leaves; the others are what bodies refer to.
        init(seed: UInt64, events eventCount: Int = 1_000) {
            random = SeededRandom(seed: seed)
            actors = (1...80).map { "actor-\($0)" }
            sources = (1...60).map { "source-\($0)" }
            polls = (1...40).map { "poll-\($0)" }
            events = (1...eventCount).map { "event-\($0)" }
            leaves = Array(events.suffix(100))
            files["Content/site.yml"] = siteYML(title: "Generated", reverse: "Members")
            files["Content/index.md"] = "# Home\n\nStart with <actor:actor-1>.\n"
            for (n, slug) in actors.enumerated() {
                // Every fourth actor is a member of the next one (a typed relation), with a custom date.
                let custom = n % 4 == 0 ? "member_of: [\(actors[(n + 1) % actors.count])]\nborn: \"19\(50 + n % 40)\"\ntags: [\(pick(tagNames))]\n" : ""
                files["Content/actors/\(slug).md"] = "---\ntitle: Actor \(n + 1)\nkind: \(["person", "organization", "state", "media", "group"][n % 5])\n\(custom)---\n\(body(mentions: 1))"
            }
            for (n, slug) in sources.enumerated() {
                files["Content/sources/\(slug).md"] = "---\ntitle: Source \(n + 1)\npublication: Paper \(n % 7)\npublished: 2019-0\(1 + n % 9)\n---\n\(body(mentions: 0))"
            }
            for (n, slug) in events.enumerated() {
                // Every source is cited by some event (an uncited one is a warning, which is fine, but rarer is clearer).
                let cited = [sources[n % sources.count]] + (n % 3 == 0 ? [pick(sources)] : [])
                var text = event(title: "Event \(n + 1)", date: randomDate(), actors: twoActors(), sources: Array(Set(cited)).sorted(),
                                 body: body(mentions: n >= eventCount - 100 ? 0 : 2), tags: n % 5 == 0 ? [pick(tagNames)] : [],
                                 places: n % 3 == 0 ? [pick(placeNames)] : [])
                if n % 3 == 0 {
                    setField(&text, "status", ["passed", "rejected"][n % 2])
                    setField(&text, "tabled_by", pick(actors))
                    setField(&text, "notes", "\"Tabled by <actor:\(pick(actors))>.\"")
                }
                files["Content/events/\(slug).md"] = text
            }
            for (n, slug) in polls.enumerated() {
                files["Content/polls/\(slug).md"] = poll(title: "Poll \(n + 1)", pollster: pick(actors), question: "Question \(n % 6)?", yes: 40 + n % 20)
            }
            for n in 1...20 { files["Content/pages/page-\(n).md"] = "---\ntitle: Page \(n)\n---\n\(body(mentions: 1))" }
            for (path, text) in files { scratch.write(path, text) }
        }

        /// The settings, with custom fields: a typed relation of actors, and a value, a relation and a text of events.
        func siteYML(title: String, reverse: String, places: Bool = true) -> String {
            """
            title: \(title)
            description: A generated site.
            base_url: https://example.org/gen/
            fields:
              actors:
                member_of: { type: "[actor]", label: Member of, reverse: \(reverse) }
                born: date
              events:
                status: { type: string, values: [passed, rejected] }
                tabled_by: { type: actor, reverse: Motions tabled }
                notes: text

            """ + (places ? GeneratedSite.places : "")
        }

        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

        /// Two different actors.
        func twoActors() -> [String] {
            let first = Int(random.next() % UInt64(actors.count))
            return [actors[first], actors[(first + 1 + Int(random.next() % UInt64(actors.count - 1))) % actors.count]]
        }

        func randomDate() -> String {
            let year = 2014 + Int(random.next() % 10), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
            return ["\(year)", "\(year)-\(zeroPadded(month, width: 2))", "\(year)-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))"][Int(random.next() % 3)]
        }

        /// A paragraph or two, referring to `mentions` entries that are never deleted.
        func body(mentions: Int) -> String {
            var text = "Some words about \(random.next() % 1000) things, and more words.\n"
            for _ in 0..<mentions {
                switch random.next() % 4 {
                case 0: text += "See [this actor](actor:\(pick(actors))).\n"
                case 1: text += "After <event:\(pick(Array(events.dropLast(100))))>.\n"
                case 2: text += "Compare <poll:\(pick(polls))>.\n"
                default: text += "As [reported](source:\(pick(sources))).\n"
                }
            }
            return text
        }

        func event(title: String, date: String, actors: [String], sources: [String], body: String, tags: [String] = [], places: [String] = []) -> String {
            "---\ntitle: \(title)\ndate: \"\(date)\"\nactors: [\(actors.joined(separator: ", "))]\nsources: [\(sources.joined(separator: ", "))]\n"
                + (tags.isEmpty ? "" : "tags: [\(tags.joined(separator: ", "))]\n") + (places.isEmpty ? "" : "places: [\(places.joined(separator: ", "))]\n")
                + "---\n\(body)"
        }

        /// What `site.yml` says of two places: Alma-Ata is Almaty.
        static let places = "places:\n  almaty:\n    title: Almaty\n    aliases: [Alma-Ata]\n    country: Kazakhstan\n    coordinates: [43.238, 76.945]\n  astana:\n    country: Kazakhstan\n"

        func poll(title: String, pollster: String, question: String, yes: Int) -> String {
            "---\ntitle: \(title)\npollster: \(pollster)\ndate: 2020-0\(1 + yes % 9)\nquestion: \(question)\nresults:\n  - {answer: Yes, percent: \(yes)}\n  - {answer: No, percent: \(95 - yes)}\n---\nA poll.\n"
        }

        func write(_ path: String, _ text: String) {
            files[path] = text
            scratch.write(path, text)
        }

        func remove(_ path: String) {
            files[path] = nil
            try? FileManager.default.removeItem(at: root.appending(path: path))
        }

        /// Replaces the value of `key:` in the front matter of `path`.
        func setField(_ path: String, _ key: String, _ value: String) {
            var text = files[path]!
            setField(&text, key, value)
            write(path, text)
        }

        /// Replaces the value of `key:` in the front matter of `text`.
        func setField(_ text: inout String, _ key: String, _ value: String) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let end = lines.dropFirst().firstIndex(of: "---")!
            if let line = lines[..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[line] = "\(key): \(value)"
            } else {
                lines.insert("\(key): \(value)", at: end)
            }
            text = lines.joined(separator: "\n")
        }

        func eventPath(_ slug: String) -> String { "Content/events/\(slug).md" }
    }

    func cachedBuild(_ root: URL, progress: Almanac.ProgressHandler? = nil) -> Almanac.Report {
        var options = Almanac.Options(root: root)
        options.useCache = true
        options.jobs = 2
        options.progress = progress
        return Almanac.build(options)
    }

    /// The output folder holds exactly what a full build writes, and the rebuild said what a full build says.
    func expectCurrent(_ site: GeneratedSite, after report: Almanac.Report, _ what: String) {
        var options = Almanac.Options(root: site.root)
        options.jobs = 2
        let check = Almanac.checkOutput(options)
        #expect(check.comparison?.isCurrent == true, "after \(what): \(check.diagnostics.filter(\.isError).prefix(5))")
        #expect(report.diagnostics.map(\.description) == check.diagnostics.map(\.description), "after \(what)")
    }

    @Test func randomEditsGiveWhatAFullBuildGives() throws {
        let site = GeneratedSite(seed: 17)
        let first = cachedBuild(site.root)
        #expect(first.succeeded, "\(first.diagnostics.prefix(5))")
        var edits: [(String, () -> Void)] = []
        let referenceable = site.events.dropLast(100).map { site.eventPath($0) } + site.actors.map { "Content/actors/\($0).md" }
        edits.append(("a body", {
            let path = site.pick(referenceable)
            site.write(path, site.files[path]! + site.body(mentions: 1))
        }))
        edits.append(("a title", {
            let path = site.pick(referenceable)
            site.setField(path, "title", "Renamed \(site.random.next() % 1000)")
        }))
        edits.append(("a date", { site.setField(site.eventPath(site.pick(site.events)), "date", "\"\(site.randomDate())\"") }))
        edits.append(("a list of actors", {
            site.setField(site.eventPath(site.pick(site.events)), "actors", "[\(site.twoActors().joined(separator: ", "))]")
        }))
        edits.append(("a list of sources", { site.setField(site.eventPath(site.pick(site.events)), "sources", "[\(site.pick(site.sources))]") }))
        edits.append(("a poll's results", {
            let slug = site.pick(site.polls)
            let yes = 30 + Int(site.random.next() % 30)
            site.write("Content/polls/\(slug).md", site.poll(title: "Poll \(slug)", pollster: site.pick(site.actors), question: "Question \(yes % 6)?", yes: yes))
        }))
        edits.append(("aliases", { site.setField(site.pick(referenceable), "aliases", "[Alias \(site.random.next() % 100)]") }))
        edits.append(("a summary", { site.setField(site.pick(referenceable), "summary", "Summary \(site.random.next() % 100).") }))
        edits.append(("a new entry", {
            site.added += 1
            let slug = "added-\(site.added)"
            site.leaves.append(slug)
            site.write(site.eventPath(slug), site.event(title: "Added \(site.added)", date: site.randomDate(), actors: [site.pick(site.actors)],
                                                        sources: [site.pick(site.sources)], body: site.body(mentions: 2)))
        }))
        edits.append(("a deleted entry", {
            let slug = site.leaves.remove(at: Int(site.random.next() % UInt64(site.leaves.count)))
            site.remove(site.eventPath(slug))
        }))
        edits.append(("a draft", {
            let path = site.eventPath(site.pick(site.leaves))
            site.setField(path, "draft", site.files[path]!.contains("draft: true") ? "false" : "true")
        }))
        edits.append(("site.yml", {
            site.write("Content/site.yml", site.siteYML(title: "Generated \(site.random.next() % 100)", reverse: "Members",
                                                          // Every other time without its places: Alma-Ata is then a place of its own.
                                                          places: !site.files["Content/site.yml"]!.contains("places:")))
        }))
        let actorPaths = site.actors.map { "Content/actors/\($0).md" }
        edits.append(("a custom field", { site.setField(site.eventPath(site.pick(site.events)), "status", site.pick(["passed", "rejected"])) }))
        edits.append(("a custom date", { site.setField(site.pick(actorPaths), "born", "\"19\(50 + site.random.next() % 40)\"") }))
        edits.append(("a typed relation", { site.setField(site.pick(actorPaths), "member_of", "[\(site.twoActors().joined(separator: ", "))]") }))
        edits.append(("a relation of an event", { site.setField(site.eventPath(site.pick(site.events)), "tabled_by", site.pick(site.actors)) }))
        edits.append(("a text field", {
            site.setField(site.eventPath(site.pick(site.events)), "notes", "\"See [this actor](actor:\(site.pick(site.actors))).\"")
        }))
        edits.append(("a relation's reverse label", {
            site.write("Content/site.yml", site.siteYML(title: "Generated", reverse: "Members \(site.random.next() % 100)",
                                                          places: site.files["Content/site.yml"]!.contains("places:")))
        }))
        edits.append(("tags added or removed", {
            let path = site.pick(referenceable)
            let tagged = site.files[path]!.contains("tags: [") && !site.files[path]!.contains("tags: []")
            site.setField(path, "tags", tagged ? "[]" : "[\(site.pick(site.tagNames)), Tag \(site.random.next() % 50)]")
        }))
        edits.append(("a tag spelt otherwise", {
            // One more entry spelling a tag this way can make it the tag's title.
            for _ in 0..<3 { site.setField(site.pick(referenceable), "tags", "[\(site.pick(site.tagNames))]") }
        }))
        edits.append(("a place", {
            site.setField(site.eventPath(site.pick(site.events)), "places", "[\(site.pick(site.placeNames)), Place \(site.random.next() % 20)]")
        }))
        edits.append(("a site template", {
            if site.files["Templates/partials/item.mustache"] == nil {
                site.write("Templates/partials/item.mustache", "<li class=\"custom\"><a href=\"{{url}}\">{{title}}</a></li>\n")
            } else {
                site.remove("Templates/partials/item.mustache")
            }
        }))
        // The data files show what these change (data/site.json the titles an autolink shows in a text).
        edits.append(("a title another entry's text shows", {
            let linking = site.files.values.sorted().first { $0.contains("After <event:") }!
            let slug = linking.components(separatedBy: "After <event:")[1].prefix { $0 != ">" }
            site.setField(site.eventPath(String(slug)), "title", "Retitled \(site.random.next() % 1000)")
        }))
        edits.append(("a source's authors and address", {
            let path = "Content/sources/\(site.pick(site.sources)).md"
            site.setField(path, "author", "[\"Writer \(site.random.next() % 50)\", \"Co, Author\"]")
            site.setField(path, "url", "https://example.org/\(site.random.next() % 50)?a=1&b=2")
        }))
        // Without its declarations, the fields are no columns and their references no relations (then back).
        edits.append(("site.yml without its fields", {
            site.write("Content/site.yml", "title: Generated\nbase_url: https://example.org/gen/\n")
        }))
        edits.append(("the site's date", {
            let settings = site.siteYML(title: "Generated", reverse: "Members")
            site.write("Content/site.yml", settings + (settings.hasSuffix("\n") ? "" : "\n") + "updated: 2024-0\(1 + site.random.next() % 9)\n")
        }))
        edits.append(("an interface string", {
            // A string of the site's own table, in English or Russian: it shows on every page, in list items and search rows.
            let path = "Templates/i18n/\(site.pick(["en", "ru"])).yml"
            if site.files[path] == nil {
                site.write(path, "referenced_by: Linked from \(site.random.next() % 100)\ndate_day: \"{month} {day}, {year}\"\n")
            } else {
                site.remove(path)
            }
        }))
        edits.append(("the language", {
            let language = site.pick(["ru", "kk", "en"])
            site.write("Content/site.yml", "title: Generated\nbase_url: https://example.org/gen/\nlanguage: \(language)\n")
        }))
        edits.append(("a static file", { site.write("Content/static/notes/readme.txt", "Notes \(site.random.next()).\n") }))

        // Each kind alone, then every kind again in three builds of several kinds
        // at once (as a save of several files or a `git checkout` gives them).
        let together = (edits.count + 2) / 3
        let batches = edits.map { [$0] } + stride(from: 0, to: edits.count, by: together).map { Array(edits[$0 ..< min($0 + together, edits.count)]) }
        for batch in batches {
            for (_, edit) in batch { edit() }
            let what = batch.map(\.0).joined(separator: " and ")
            let report = cachedBuild(site.root)
            #expect(report.succeeded, "after \(what): \(report.diagnostics.filter(\.isError))")
            expectCurrent(site, after: report, what)
        }

        for file in DataFile.all {
            #expect(FileManager.default.fileExists(atPath: site.root.appending(path: "Output/\(file.path)").path), "\(file.path)")
        }

        // An edit with an error leaves the output as it was; its fix is then built.
        let path = site.eventPath(site.events[3])
        let before = tree(site.root.appending(path: "Output"))
        let original = site.files[path]!
        site.write(path, original + "See <actor:nobody-at-all>.\n")
        let failed = cachedBuild(site.root)
        #expect(!failed.succeeded && failed.diagnostics.contains { $0.description.contains("no actor 'nobody-at-all'") })
        #expect(tree(site.root.appending(path: "Output")) == before)
        site.write(path, original + "See <actor:\(site.actors[2])>.\n")
        let fixed = cachedBuild(site.root)
        #expect(fixed.succeeded)
        expectCurrent(site, after: fixed, "an error and its fix")
    }

    /// A file edited while a build runs, after it was read, is seen by the next build.
    @Test func anEditDuringABuildIsSeenByTheNextOne() throws {
        let site = GeneratedSite(seed: 23, events: 200)
        #expect(cachedBuild(site.root).succeeded)
        let path = site.eventPath(site.events[10])
        site.write(path, site.files[path]! + "First edit.\n")
        let url = site.root.appending(path: path)
        let late = site.files[path]! + "An edit made while the build runs, after the file was read.\n"
        // Once the files are parsed, the file changes (its size too, whatever the clock's grain).
        let report = cachedBuild(site.root) { stage in
            if stage.stage == .parse { try? Data(late.utf8).write(to: url) }
        }
        #expect(report.succeeded)
        site.files[path] = late
        let next = cachedBuild(site.root)
        #expect(next.succeeded)
        expectCurrent(site, after: next, "an edit during a build")
    }
}

/// SplitMix64: the same numbers for the same seed, on every machine.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
