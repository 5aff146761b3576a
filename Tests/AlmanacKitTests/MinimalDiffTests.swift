import Foundation
import Testing
@testable import AlmanacKit

/// An edit changes exactly the files that show what was edited, so the diff of a
/// committed `Output/` is as small as the change.
@Suite struct MinimalDiffTests {
    /// Builds the review site, applies `edit`, builds again, and returns both trees.
    private func buildBeforeAndAfter(_ edit: (TemporaryFolder) -> Void) -> (before: [String: Data], after: [String: Data]) {
        let scratch = TemporaryFolder()
        let site = ReviewSite.write(in: scratch, at: "site")
        let output = scratch.url.appending(path: "out")
        #expect(build(site, output: output).succeeded)
        let before = tree(output)
        edit(scratch)
        let report = build(site, output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        return (before, tree(output))
    }

    @Test func editingAnActorsSummaryChangesExactlyThePagesThatShowIt() {
        let (before, after) = buildBeforeAndAfter { scratch in
            scratch.write("site/Content/actors/alice.md", ReviewSite.files["Content/actors/alice.md"]!
                .replacingOccurrences(of: "Alice chairs the council.", with: "Alice chairs the city council."))
        }
        #expect(changedFiles(before, after) == [
            "actors/alice.html",          // her own page: summary and meta description
            "actors/index.html",          // the actor index lists her with her summary
            "data/actors.csv",            // her row
            "data/site.json",             // her summary
            "events/spring-talks.html",   // "Referenced by": her body mentions it
            "events/winter-meeting.html", // "Actors"
            "polls/council-poll.html",    // "Concerns"
            "search-index.js",            // her row
        ])
        for path in ["actors/index.html", "data/actors.csv", "data/site.json", "events/winter-meeting.html", "polls/council-poll.html"] {
            let (removed, added) = differingLines(before[path]!, after[path]!)
            #expect(removed.count == 1 && added.count == 1, "\(path): \(removed) -> \(added)")
        }
        // The search index: her row, and the postings of the word her summary gained.
        let (removed, added) = linesChanged(before["search-index.js"]!, after["search-index.js"]!)
        #expect(removed.count == 2 && removed.contains { $0.contains("Alice chairs the council.") }
                && removed.contains { $0.hasPrefix("\"city\":") }, "\(removed)")
        #expect(added.count == 2 && added.contains { $0.contains("Alice chairs the city council.") }
                && added.contains { $0.hasPrefix("\"city\":") }, "\(added)")
    }

    @Test func addingAnEventChangesItsPageNeighboursTimelineActorsIndexesFeedSitemapAndSearch() {
        let (before, after) = buildBeforeAndAfter { scratch in
            scratch.write("site/Content/events/february-walkout.md", """
                ---
                title: February walkout
                summary: Members walked out.
                date: 2020-02-10
                actors: [alice]
                sources: [letter]
                ---
                Members walked out.

                """)
        }
        #expect(changedFiles(before, after) == [
            "actors/alice.html",            // her events
            "data/events.csv",              // its row
            "data/relations.csv",           // its actors and sources
            "data/site.json",               // its fields and text
            "events/february-walkout.html", // the new page
            "events/spring-talks.html",     // previous link
            "events/winter-meeting.html",   // next link
            "feed.xml",
            "index.html",                   // the home page's count of events
            "search-index.js",
            "sitemap.xml",
            "sources/letter.html",          // "Cited by"
            "timeline.html",
        ])
    }

    @Test func aOneWordEditIsAOneLineChangeInThePage() {
        let (before, after) = buildBeforeAndAfter { scratch in
            scratch.write("site/Content/events/winter-meeting.md", ReviewSite.files["Content/events/winter-meeting.md"]!
                .replacingOccurrences(of: "The meeting was short", with: "The meeting was long"))
        }
        // The page, its text in the feed and in the data, and its words in the search index.
        #expect(changedFiles(before, after) == ["data/site.json", "events/winter-meeting.html", "feed.xml", "search-index.js"])
        for path in ["data/site.json", "events/winter-meeting.html", "feed.xml"] {
            let (removed, added) = differingLines(before[path]!, after[path]!)
            #expect(removed.count == 1 && added.count == 1, "\(path): \(removed) -> \(added)")
        }
        // The search index is inverted: the postings of the word that went and of the one that came.
        let (removedWords, addedWords) = linesChanged(before["search-index.js"]!, after["search-index.js"]!)
        #expect(removedWords.count == 1 && removedWords.allSatisfy { $0.hasPrefix("\"short\":") }, "\(removedWords)")
        #expect(addedWords.count == 1 && addedWords.allSatisfy { $0.hasPrefix("\"long\":") }, "\(addedWords)")
        let (removed, added) = differingLines(before["events/winter-meeting.html"]!, after["events/winter-meeting.html"]!)
        #expect(removed == ["to chair it. The meeting was short and"])
        #expect(added == ["to chair it. The meeting was long and"])
    }
}

/// Lines only in `a` and lines only in `b`, wherever they stand (for files
/// whose changed lines are far apart, such as the search index).
private func linesChanged(_ a: Data, _ b: Data) -> (removed: [Substring], added: [Substring]) {
    let old = String(decoding: a, as: UTF8.self).split(separator: "\n")
    let new = String(decoding: b, as: UTF8.self).split(separator: "\n")
    return (old.filter { !new.contains($0) }, new.filter { !old.contains($0) })
}
