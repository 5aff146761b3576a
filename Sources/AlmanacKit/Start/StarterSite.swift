import Foundation

/// `almanac init`: a new site that builds with no warning, with one entry of each
/// kind referring to the others, for a new user to read, change and replace.
public enum StarterSite {
    public enum Failure: Error, CustomStringConvertible {
        case contentExists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .contentExists(let path): "\(path) exists and is not empty: this folder holds a site already (nothing was changed)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason) (nothing was left of the new site)"
            }
        }
    }

    /// What `.gitignore` must hold: the build cache is rebuilt from Content/ and
    /// Templates/, while Output/ is committed so that reviews show its diff.
    static let ignored = ".almanac-cache/"

    /// Writes the starter site into `root` (made if missing) and returns the paths
    /// written, relative to it. Refuses, changing nothing, when `root/Content`
    /// exists and is not an empty folder. An existing `.gitignore` gets the cache's
    /// line added when it lacks it.
    public static func create(in root: URL) throws(Failure) -> [String] {
        let content = root.appending(path: "Content")
        let contentExisted = FileManager.default.fileExists(atPath: content.path)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: content.path) {
            if !names.isEmpty { throw .contentExists("Content/") }
        } else if FileManager.default.fileExists(atPath: content.path) || isSymbolicLink(content) {
            throw .contentExists("Content")
        }
        var written: [String] = []
        do {
            for (path, text) in files {
                let url = root.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(path)
            }
            if let line = try ignoreCache(in: root) { written.append(line) }
        } catch {
            // Content/ was missing or empty: it is again.
            if written.contains(where: { $0.hasPrefix("Content/") }) {
                try? FileManager.default.removeItem(at: content)
                if contentExisted { try? FileManager.default.createDirectory(at: content, withIntermediateDirectories: false) }
            }
            throw .cannotWrite(root.path, (error as NSError).localizedDescription)
        }
        return written
    }

    /// Adds the cache to `root/.gitignore`; returns ".gitignore" when it changed the file.
    private static func ignoreCache(in root: URL) throws -> String? {
        let url = root.appending(path: ".gitignore")
        guard let existing = try? String(contentsOf: url, encoding: .utf8) else {
            if FileManager.default.fileExists(atPath: url.path) || isSymbolicLink(url) { return nil }
            try Data("\(ignored)\n".utf8).write(to: url, options: .withoutOverwriting)
            return ".gitignore"
        }
        let lines = existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !lines.contains(where: { [ignored, "/" + ignored, ".almanac-cache", "/.almanac-cache"].contains($0) }) else { return nil }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(separator)\(ignored)\n".utf8))
        return ".gitignore"
    }

    private static func isSymbolicLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// The starter site's files, by path from the root. The entries are made up
    /// (a city council, a vote, a survey, a newspaper report) and say so.
    static let files: [(path: String, text: String)] = [
        ("Content/site.yml", """
            title: My Almanac
            description: A reference of actors, events, polls and sources.
            language: en
            # base_url: https://example.org/   # where the site will be published; gives a feed and a sitemap

            """),
        ("Content/index.md", """
            This site was made by `almanac init`. It holds one entry of each kind, all
            made up, that refer to each other: start with <event:rent-cap-vote>, then
            read [how this site is made](page:about).

            """),
        ("Content/actors/riverside-council.md", """
            ---
            title: Riverside City Council
            summary: The elected council of Riverside, a made-up city.
            kind: organization
            role: City council
            aliases: [the council]
            ---
            The council has 31 members, elected every four years. Before it voted on
            a cap on rents (<event:rent-cap-vote>) it asked residents what they
            thought ([the survey](poll:rent-cap-survey)).

            """),
        ("Content/events/rent-cap-vote.md", """
            ---
            title: The council votes for a rent cap
            summary: Riverside's council limits rent rises to 3% a year.
            date: 2024-03-12
            actors: [riverside-council]
            places: [Riverside]
            tags: [Housing]
            sources: [gazette-rent-cap]
            ---
            After a debate of six hours the [council](actor:riverside-council) voted
            19 to 12 to limit rent rises to 3% a year from July. A
            [survey](poll:rent-cap-survey) a month before had found most residents in
            favour. The [Riverside Gazette](source:gazette-rent-cap) reported the vote.

            """),
        ("Content/polls/rent-cap-survey.md", """
            ---
            title: Residents' survey on a rent cap
            summary: Six in ten residents asked were for a cap on rent rises.
            pollster: riverside-council
            date: 2024-02
            method: online panel
            sample_size: 1200
            population: adult residents of Riverside
            question: Should the council limit yearly rent rises?
            tags: [Housing]
            results:
              - {answer: "Yes", percent: 61}
              - {answer: "No", percent: 31}
              - {answer: "Don't know", percent: 8}
            sources: [gazette-rent-cap]
            ---
            The [council](actor:riverside-council) ran this survey before its
            [vote](event:rent-cap-vote).

            """),
        ("Content/sources/gazette-rent-cap.md", """
            ---
            title: Council caps rent rises at 3%
            summary: The Riverside Gazette's report of the vote.
            publication: Riverside Gazette
            author: A. Reporter
            published: 2024-03-13
            url: https://example.org/riverside-gazette/rent-cap
            ---
            A newspaper report, cited by the [vote](event:rent-cap-vote) and the
            [survey](poll:rent-cap-survey).

            """),
        ("Content/pages/about.md", """
            ---
            title: About this site
            summary: What this site is and how it is made.
            ---
            This is a new site made with Almanac. Every entry is a Markdown file in
            `Content/`: actors in `actors/`, events in `events/`, polls in `polls/`,
            sources in `sources/` and pages like this one in `pages/`. The examples
            (<actor:riverside-council> and the others) are made up: change them, or
            delete them once you have entries of your own.

            `almanac new event SLUG` starts a new entry, `almanac check` says what is
            wrong, `almanac serve` previews the site and `almanac build` writes it into
            `Output/`.

            """),
    ]
}
