import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a site, page by page, in a reviewer's terms.",
        discussion: """
            OLD and NEW are each an output folder (an existing folder is always taken as one) or a git revision of \
            the repository that holds ROOT (HEAD, main, a1b2c3d, HEAD~2, ...). A revision is copied out of the \
            repository into a temporary folder and built there; with one revision, it is compared with the site \
            in the working tree, built the same way. The repository, its working tree and ROOT/Output are only read, \
            and the temporary folders are removed. The report: pages added and removed, and for each changed page \
            which parts changed (title, dates, body, actors, backlinks, results, ...) with a short diff of the \
            visible text. Exit status 0 whether or not they differ, 1 when a revision cannot be found or built.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The site before the change: an output folder or a git revision.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The site after the change: an output folder or a git revision (default: the working tree).", valueName: "NEW"))
    var new: String?

    @Option(help: "text for people, json for tools.")
    var format: Format = .text

    @OptionGroup var site: SiteOptions

    @Flag(help: "Include entries marked draft: true when building a revision or the working tree.")
    var drafts = false

    func validate() throws {
        if new == nil, isFolder(old) {
            throw ValidationError("'\(old)' is a folder: compare it with another folder (almanac diff OLD NEW), or give a git revision")
        }
    }

    func run() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let diff: SiteDiff
        do {
            let oldOutput = try output(of: old, in: scratch, name: "old")
            let newOutput = try output(of: new, in: scratch, name: "new")
            diff = try SiteDiff.compare(old: oldOutput, new: newOutput)
        } catch let error as CustomStringConvertible & Error {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        report(diff.problems)
        FileHandle.standardOutput.write(Data((format == .json ? diff.json() : diff.text()).utf8))
    }

    /// The output folder to compare for one argument: the folder itself, or the
    /// site of a revision (nil: of the working tree) built into `scratch`.
    private func output(of argument: String?, in scratch: TemporaryFolder, name: String) throws -> URL {
        if let argument, isFolder(argument) { return URL(fileURLWithPath: argument).standardizedFileURL }
        let root: URL
        let label: String
        if let argument {
            let repository = try RevisionSite(root: site.rootURL)
            let commit = try repository.commit(argument)
            root = try repository.export(commit, into: scratch.url.appending(path: name))
            label = "revision \(argument)"
        } else {
            root = site.rootURL
            label = "the working tree"
        }
        var options = Almanac.Options(root: root, output: scratch.url.appending(path: name + "-output"))
        options.includeDrafts = drafts
        let result = Almanac.build(options)
        guard result.succeeded else {
            report(result.diagnostics, quiet: true)
            throw BuildFailure(description: "\(label) does not build: \(summary(of: result.diagnostics))")
        }
        return options.output
    }

    struct BuildFailure: Error, CustomStringConvertible { let description: String }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A folder of its own under the system's temporary folder, removed after use.
struct TemporaryFolder {
    let url: URL

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/almanac-diff-XXXXXX").utf8CString)
        guard let path = mkdtemp(&template) else {
            throw DiffCommand.BuildFailure(description: "cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        url = URL(fileURLWithPath: String(cString: path))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
