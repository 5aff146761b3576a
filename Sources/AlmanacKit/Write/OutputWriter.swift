import CExchange
import Foundation

/// Stage 5, write: fills a fresh folder beside the output folder and, only
/// when every file is in it, swaps it in for the old one in one step. A build
/// that fails or is killed leaves the previous output exactly as it was.
public final class OutputWriter: @unchecked Sendable {
    public let output: URL
    let staging: URL

    public enum Failure: Error, CustomStringConvertible {
        case notAFolder(String)
        case symbolicLink(String)
        case escapes(String)
        case cannotCreate(String, String)
        case cannotWrite(String, String)
        case cannotSwap(String)
        case cannotRead(String)

        public var description: String {
            switch self {
            case .notAFolder(let path): "\(path) exists and is not a folder; move it away or choose --output"
            case .symbolicLink(let path): "\(path) is a symbolic link; almanac does not write through links (remove it or choose --output)"
            case .escapes(let path): "'\(path)' would be written outside the output folder; refused"
            case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            case .cannotSwap(let reason): "cannot replace the output folder: \(reason)"
            case .cannotRead(let path): "cannot read \(path)"
            }
        }
    }

    /// Prepares a staging folder next to `output`.
    public init(output: URL) throws(Failure) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        if isSymbolicLink(self.output) { throw .symbolicLink(self.output.path) }
        if exists(self.output), !isDirectory(self.output) { throw .notAFolder(self.output.path) }
        OutputWriter.removeAbandonedStaging(in: parent, name: name)
        staging = parent.appending(path: ".\(name).almanac-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw .cannotCreate(staging.path, OutputWriter.reason(error))
        }
        // Only a hint (see `makeTopFolder`): file systems without the flag refuse it.
        _ = almanac_mark_top_directory(staging.path)
    }

    /// Creates the folders files will go into (once, before writing in parallel).
    public func makeFolders(for paths: some Sequence<String>) throws(Failure) {
        for path in paths { try OutputWriter.checkInside(path) }
        let folders = OutputWriter.folders(of: paths)
        for top in Set(folders.map { String($0.prefix { $0 != "/" }) }).sorted() { try makeTopFolder(top) }
        for folder in folders.sorted() where folder.contains("/") {
            do {
                try FileManager.default.createDirectory(at: staging.appending(path: folder), withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o755])
            } catch {
                throw .cannotCreate(folder, OutputWriter.reason(error))
            }
        }
    }

    /// The folders that hold `paths` (paths inside the output folder).
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        Set(paths.compactMap { path -> String? in
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            return String(path[..<slash])
        })
    }

    /// Creates a folder at the top of the staging folder where the file system
    /// can put its files among free inodes. ext4 without a journal skips inodes
    /// freed in the last minutes when it allocates new ones, one lookup each, so
    /// files created where a previous output was just deleted cost a scan of
    /// every freed inode before them (measured here: 5,000 files in 2.2–3.3 s of
    /// kernel time, against 0.15 s in a fresh block group). The staging folder is
    /// marked as a top of hierarchy, so each folder made in it is placed by the
    /// hash of its name: a name used once, renamed into place, lands in a fresh group.
    private func makeTopFolder(_ folder: String) throws(Failure) {
        let target = staging.appending(path: folder)
        if isDirectory(target) { return }
        let fresh = staging.appending(path: ".\(folder).\(String(UInt64.random(in: 1...UInt64.max), radix: 36))")
        guard mkdir(fresh.path, 0o755) == 0 else { throw .cannotCreate(folder, String(cString: strerror(errno))) }
        guard rename(fresh.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            rmdir(fresh.path)
            throw .cannotCreate(folder, reason)
        }
    }

    /// Writes one file (world-readable, as a web server or link checker expects).
    public func write(_ data: Data, to path: String) throws(Failure) { try write(FileBytes(data), to: path) }

    func write(_ bytes: FileBytes, to path: String) throws(Failure) {
        try OutputWriter.checkInside(path)
        if let reason = OutputWriter.create(staging.appending(path: path).path, with: bytes) { throw .cannotWrite(path, reason) }
    }

    /// Creates (or truncates) the file at `path`, never through a symbolic link,
    /// and writes `data` into it; why not, if it could not. Bytes whose first
    /// part is in a file already (their `head`, at `path`) are added to it.
    static func create(_ path: String, with bytes: FileBytes) -> String? {
        if let head = bytes.head {
            assert(head.path == path, "\(head.path) written as \(path)")
            return head.finish(with: bytes)
        }
        let fd = openNew(path)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return bytes.write(to: fd)
    }

    /// Creates (or truncates) a file of the output, world-readable, never through a
    /// symbolic link: its descriptor, or -1 with `errno` set.
    static func openNew(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644) }

    /// A path inside the output folder is relative and has no empty, `.` or `..` part.
    /// (One pass over the bytes: every page's path is checked, tens of thousands a build.)
    static func checkInside(_ path: String) throws(Failure) {
        // A part is empty, `.` or `..` when it is at most two bytes, all dots.
        var (length, dots) = (0, 0)
        for byte in path.utf8 {
            switch byte {
            case 0: throw .escapes(path)
            case UInt8(ascii: "/"):
                if length == dots, length <= 2 { throw .escapes(path) }
                (length, dots) = (0, 0)
            case UInt8(ascii: "."): (length, dots) = (length + 1, dots + 1)
            default: length += 1
            }
        }
        if length == dots, length <= 2 { throw .escapes(path) }
    }

    /// Puts the staged folder in place of the output, atomically where the
    /// system allows (`renameat2` with `RENAME_EXCHANGE`), and removes the old one.
    public func commit() throws(Failure) {
        if FileManager.default.fileExists(atPath: output.path) {
            if almanac_exchange_paths(staging.path, output.path) != 0 {
                // No exchange on this file system: two renames, the old folder kept until the new one is in.
                let old = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).almanac-old-\(getpid())")
                guard rename(output.path, old.path) == 0 else { throw .cannotSwap(String(cString: strerror(errno))) }
                guard rename(staging.path, output.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(old.path, output.path)
                    throw .cannotSwap(reason)
                }
                try? FileManager.default.removeItem(at: old)
                return
            }
            // The staging path now holds the previous output.
            try? FileManager.default.removeItem(at: staging)
        } else {
            guard rename(staging.path, output.path) == 0 else { throw .cannotSwap(String(cString: strerror(errno))) }
        }
    }

    /// Removes the staging folder of a build that failed.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Staging folders left by builds that were killed (their process is gone).
    private static func removeAbandonedStaging(in parent: URL, name: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in names {
            for prefix in [".\(name).almanac-", ".\(name).almanac-old-"] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                try? FileManager.default.removeItem(at: parent.appending(path: entry))
            }
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
