import Foundation

/// A small site for the determinism and minimal-diff tests: every kind of entry,
/// entries of several kinds referring to the same actor (lists that mix kinds),
/// titles with Turkish dotted and dotless I (case rules that differ by locale),
/// and a base URL, so the feed and sitemap are written.
enum ReviewSite {
    static let files: [String: String] = [
        "Content/site.yml": "title: Review Test\ndescription: A site for review tests.\nbase_url: https://example.org/review/\n",
        "Content/index.md": "Welcome. Start with [Alice](actor:alice).\n",
        "Content/actors/alice.md": """
            ---
            title: Alice Example
            summary: Alice chairs the council.
            kind: person
            role: Chair
            ---
            Alice spoke at <event:spring-talks>.

            """,
        "Content/actors/bob.md": """
            ---
            title: Bob Group
            summary: Bob is a group.
            kind: group
            ---
            Bob works with [Alice](actor:alice).

            """,
        "Content/actors/izmir-council.md": """
            ---
            title: İzmir Council
            summary: A city council.
            kind: organization
            ---
            The council met [Alice](actor:alice).

            """,
        "Content/actors/ilgaz-media.md": """
            ---
            title: Ilgaz Media
            summary: An outlet.
            kind: media
            ---
            An outlet that ran <poll:council-poll>.

            """,
        "Content/actors/ulke.md": """
            ---
            title: ılke State
            kind: state
            ---
            A state.

            """,
        "Content/events/winter-meeting.md": """
            ---
            title: Winter meeting
            summary: The first meeting.
            date: 2020-01-05
            actors: [alice, bob]
            sources: [report]
            ---
            The council met for the first time and [Alice](actor:alice) was chosen
            to chair it. The meeting was short and
            the minutes were published a week later.

            """,
        "Content/events/spring-talks.md": """
            ---
            title: Spring talks
            summary: Talks in spring.
            date: 2020-03
            actors: [bob]
            ---
            Talks were held in spring.

            """,
        "Content/events/summer-vote.md": """
            ---
            title: Summer vote
            summary: A vote.
            date: 2020-07-14
            end: 2020-07-15
            actors: [izmir-council]
            sources: [report, letter]
            ---
            The council voted; see <event:winter-meeting>.

            """,
        "Content/events/year-review.md": """
            ---
            title: Year in review
            date: 2021
            circa: true
            actors: [ulke]
            ---
            A look back at the year with [Alice](actor:alice).

            """,
        "Content/polls/council-poll.md": """
            ---
            title: Council poll
            pollster: ilgaz-media
            date: 2020-06
            question: Do you trust the council?
            results:
              - {answer: Yes, percent: 41.5}
              - {answer: No, percent: 50}
            actors: [alice]
            sources: [report]
            ---
            Asked after the talks; mentions [Alice](actor:alice).

            """,
        "Content/sources/report.md": """
            ---
            title: The annual report
            publication: Council Press
            published: 2020-12
            ---
            The report on [Alice](actor:alice).

            """,
        "Content/sources/letter.md": """
            ---
            title: An open letter
            publication: Ilgaz Media
            ---
            A letter.

            """,
        "Content/pages/about.md": """
            ---
            title: About
            ---
            About [Alice](actor:alice) and <event:winter-meeting>.

            """,
    ]

    /// Writes the site into `folder/name`, creating its files in sorted order, or in
    /// reverse order (so a file system that lists in creation order lists them backwards).
    static func write(in folder: TemporaryFolder, at name: String, reversed: Bool = false) -> URL {
        let paths = files.keys.sorted()
        for path in reversed ? paths.reversed() : paths { folder.write("\(name)/\(path)", files[path]!) }
        return folder.url.appending(path: name)
    }
}

/// The paths whose bytes differ between two trees, added and removed ones included.
func changedFiles(_ before: [String: Data], _ after: [String: Data]) -> [String] {
    Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
}

/// The lines of `a` and `b` that differ, after their common start and end.
func differingLines(_ a: Data, _ b: Data) -> (removed: [Substring], added: [Substring]) {
    var old = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...]
    var new = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let x = old.first, let y = new.first, x == y { old.removeFirst(); new.removeFirst() }
    while let x = old.last, let y = new.last, x == y { old.removeLast(); new.removeLast() }
    return (Array(old), Array(new))
}
