import Foundation

/// Stage 5 for a rebuild from the cache: writes the pages that changed over
/// the previous output, where a full build fills a staging folder (see
/// `OutputWriter`). Carrying 23,000 unchanged files into a new folder took
/// longer than the whole rest of a one-page rebuild.
///
/// Every page is first written beside its file under a temporary name; only
/// when all are written are they renamed over the old files, each in one
/// step. A failure before that removes the temporary files and leaves the
/// output as it was. The caller drops the cache's state before calling: a
/// build killed halfway leaves a cache that the next build cannot use, so it
/// builds in full, into a fresh folder, and nothing half-written survives it.
struct OutputPatch {
    let output: URL

    /// Renders and writes `pages`, writes `files`, then removes the files at `removed`
    /// (and the folders that leaves empty). `rendered`: as for `OutputWriter.writePages`.
    func write(_ pages: [Page], files: [(path: String, data: Data)], removing removed: [String], jobs: Int,
               render: (Page) -> FileBytes, rendered: () -> Void) throws(OutputWriter.Failure) {
        if isSymbolicLink(output) { throw .symbolicLink(output.path) }
        let paths = pages.map(\.path) + files.map(\.path)
        for path in paths + removed { try OutputWriter.checkInside(path) }
        try makeFolders(for: paths)
        let folder = output.path + "/"
        let suffix = ".almanac-\(getpid())"
        let written = WrittenFiles()
        let create = { @Sendable (bytes: FileBytes, path: String) throws(OutputWriter.Failure) in
            let temporary = folder + path + suffix
            written.paths.append(temporary)
            if let reason = OutputWriter.create(temporary, with: bytes) { throw .cannotWrite(path, reason) }
        }
        do throws(OutputWriter.Failure) {
            try OutputWriter.renderAndWrite(pages, jobs: jobs, render: render, rendered: rendered, write: create)
            for (path, data) in files { try create(FileBytes(data), path) }
        } catch {
            for path in written.paths { unlink(path) }
            throw error
        }
        for (index, path) in paths.enumerated() where rename(folder + path + suffix, folder + path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in paths[index...] { unlink(folder + rest + suffix) }
            throw .cannotWrite(path, reason)
        }
        for path in removed {
            unlink(folder + path)
            // Up the folders while they are empty (`rmdir` leaves a folder with anything in it).
            var parent = path
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = String(parent[..<slash])
                guard rmdir(folder + parent) == 0 else { break }
            }
        }
    }

    /// Creates the folders of `paths` that are missing; a folder that is a
    /// symbolic link is refused, as `OutputWriter` refuses an output folder that is one.
    private func makeFolders(for paths: [String]) throws(OutputWriter.Failure) {
        for folder in OutputWriter.folders(of: paths).sorted() {
            var prefix = ""
            for part in folder.split(separator: "/") {
                prefix += (prefix.isEmpty ? "" : "/") + part
                let url = output.appending(path: prefix)
                if isSymbolicLink(url) { throw .symbolicLink(url.path) }
                if isDirectory(url) { continue }
                guard mkdir(url.path, 0o755) == 0 else { throw .cannotCreate(prefix, String(cString: strerror(errno))) }
            }
        }
    }
}

/// Temporary files written so far, appended to from the one writing thread.
private final class WrittenFiles: @unchecked Sendable {
    var paths: [String] = []
}
