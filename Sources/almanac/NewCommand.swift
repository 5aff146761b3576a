import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new entry with every required key filled in (and Content/site.yml when there is none).",
        discussion: "What is left to write is marked: the body's first sentence and front matter lines ending in '# placeholder', which check and build warn about until they are edited. To start a whole site, use almanac init."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case actor, event, poll, source, page
    }

    @Argument(help: "actor, event, poll, source or page")
    var kind: Kind

    @Argument(help: "The entry's slug: lower-case letters, digits and single hyphens.")
    var slug: String

    @Option(help: "The entry's title (default: made from the slug).")
    var title: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        if let problem = Slug.problem(with: slug) { throw ValidationError("'\(slug)' is not a valid slug: \(problem)") }
    }

    func run() throws {
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        let today = PartialDate(year: now.year!, month: now.month!, day: now.day!)
        do {
            let (written, notes) = try Scaffold.create(EntryKind(rawValue: kind.rawValue)!, slug: slug, title: title,
                                                       root: site.rootURL, today: today)
            for path in written { print("created \(path)") }
            for note in notes { print("note: \(note)") }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
