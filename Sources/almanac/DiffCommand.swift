import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two generated sites, page by page, in a reviewer's terms.",
        discussion: """
            Compares two output folders (for example the Output/ of two commits, checked out side by side): \
            pages added and removed, and for each changed page which parts changed (title, dates, body, actors, \
            backlinks, results, ...) with a short diff of the visible text. Exit status 0 whether or not they differ.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The site before the change.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The site after the change.", valueName: "NEW"))
    var new: String

    @Option(help: "text for people, json for tools.")
    var format: Format = .text

    func run() throws {
        let diff: SiteDiff
        do {
            diff = try SiteDiff.compare(old: URL(fileURLWithPath: old).standardizedFileURL, new: URL(fileURLWithPath: new).standardizedFileURL)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        report(diff.problems)
        FileHandle.standardOutput.write(Data((format == .json ? diff.json() : diff.text()).utf8))
    }
}
