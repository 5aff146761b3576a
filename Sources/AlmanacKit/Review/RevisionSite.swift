import Foundation

/// `almanac diff REV [REV]`: a site as a git revision holds it, copied out of the
/// repository (`git archive`) into a temporary folder, where it can be built.
/// The repository, its index and its working tree are only read.
public struct RevisionSite {
    public enum Failure: Error, CustomStringConvertible {
        case notInRepository(String)
        case unknownRevision(String)
        case git(String)

        public var description: String {
            switch self {
            case .notInRepository(let root): "\(root) is not in a git repository: give two output folders to compare"
            case .unknownRevision(let name): "'\(name)' is neither a folder nor a revision of the git repository"
            case .git(let message): "git: \(message)"
            }
        }
    }

    /// The git repository's top folder and the site's root as a path inside it ("" or "site/").
    let top: URL
    let prefix: String

    /// The repository that holds the site at `root`.
    public init(root: URL) throws(Failure) {
        guard let top = try? Self.git(["rev-parse", "--show-toplevel"], in: root), !top.isEmpty,
              let prefix = try? Self.git(["rev-parse", "--show-prefix"], in: root)
        else { throw .notInRepository(root.path) }
        self.top = URL(fileURLWithPath: top)
        self.prefix = prefix
    }

    /// The commit that `revision` names.
    public func commit(_ revision: String) throws(Failure) -> String {
        guard !revision.hasPrefix("-"), let commit = try? Self.git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: top)
        else { throw .unknownRevision(revision) }
        return commit
    }

    /// Writes the files of the site at `commit` into `folder` (an empty folder)
    /// and returns the site's root in it.
    public func export(_ commit: String, into folder: URL) throws(Failure) -> URL {
        let archive = folder.appending(path: "site.tar")
        let files = folder.appending(path: "files")
        do {
            try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
            var arguments = ["archive", "--format=tar", "-o", archive.path, commit]
            if !prefix.isEmpty { arguments += ["--", prefix] }
            _ = try Self.git(arguments, in: top)
            _ = try Self.run("/usr/bin/env", ["tar", "-x", "-f", archive.path, "-C", files.path])
            try? FileManager.default.removeItem(at: archive)
        } catch let error as Failure {
            throw error
        } catch {
            throw .git("\(error)")
        }
        return prefix.isEmpty ? files : files.appending(path: prefix)
    }

    /// Runs git in `folder` and returns what it printed, without the last line break.
    static func git(_ arguments: [String], in folder: URL) throws(Failure) -> String {
        try run("/usr/bin/env", ["git", "-C", folder.path] + arguments)
    }

    private static func run(_ program: String, _ arguments: [String]) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .git("cannot run \(arguments.first ?? program): \(error)") }
        // The commands run here print little (an archive goes to a file): standard
        // error cannot fill its pipe while standard output is read.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .git(message.isEmpty ? "\(arguments.joined(separator: " ")) failed" : message)
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
