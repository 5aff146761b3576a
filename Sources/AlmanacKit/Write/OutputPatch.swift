import Foundation

/// Stage 5 for a rebuild from the cache: writes the pages that changed over
/// the previous output, where a full build fills a staging folder (see
/// `OutputWriter`). Carrying 23,000 unchanged files into a new folder took
/// longer than the whole rest of a one-page rebuild.
///
/// Every page is first written beside its file under a temporary name; only
/// when all are written are they renamed over the old files, each in one
/// step. A failure before that removes the temporary files and leaves the
/// output as it was. Then a long file that changes little (a data file after a
/// one-event edit, see `FileBytes.Patch`) is changed in place, last. The caller
/// drops the cache's state before calling: a build killed halfway leaves a cache
/// that the next build cannot use, so it builds in full, into a fresh folder,
/// and nothing half-written survives it.
struct OutputPatch {
    let output: URL

    /// Renders and writes `pages`, writes `files`, then removes the files at `removed`
    /// (and the folders that leaves empty). `rendered`: as for `OutputWriter.writePages`.
    func write(_ pages: [Page], files: [(path: String, data: Data)], removing removed: [String], jobs: Int,
               render: (Page, OutputPlace) -> FileBytes, rendered: () -> Void) throws(OutputWriter.Failure) {
        if isSymbolicLink(output) { throw .symbolicLink(output.path) }
        let paths = pages.map(\.path) + files.map(\.path)
        for path in paths + removed { try OutputWriter.checkInside(path) }
        try makeFolders(for: paths)
        let folder = output.path + "/"
        let suffix = ".almanac-\(getpid())"
        let written = WrittenFiles()
        let create = { @Sendable (bytes: FileBytes, path: String) throws(OutputWriter.Failure) in
            if let patch = bytes.patch, patch.isSmall {
                written.inPlace.append((path, bytes))
                return
            }
            written.paths.append(path)
            if let reason = OutputWriter.create(folder + path + suffix, with: bytes) { throw .cannotWrite(path, reason) }
        }
        do throws(OutputWriter.Failure) {
            try OutputWriter.renderAndWrite(pages, jobs: jobs, place: OutputPlace(folder: folder, suffix: suffix), render: render, rendered: rendered, write: create)
            for (path, data) in files { try create(FileBytes(data), path) }
        } catch {
            for path in written.paths { unlink(folder + path + suffix) }
            throw error
        }
        try rename(written.paths, from: suffix, in: folder)
        for (path, bytes) in written.inPlace {
            switch OutputPatch.changeInPlace(folder + path, as: bytes.patch!) {
            case .changed: continue
            case .failed(let reason): throw .cannotWrite(path, reason)
            case .unchanged:
                // Not the file it was made from, or no room for it to grow: written anew.
                if let reason = OutputWriter.create(folder + path + suffix, with: bytes) {
                    unlink(folder + path + suffix)
                    throw .cannotWrite(path, reason)
                }
                try rename([path], from: suffix, in: folder)
            }
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

    /// Renames each of `paths` + `suffix` over `paths`; on a failure, removes those not renamed yet.
    private func rename(_ paths: [String], from suffix: String, in folder: String) throws(OutputWriter.Failure) {
        for (index, path) in paths.enumerated() where Glibc.rename(folder + path + suffix, folder + path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in paths[index...] { unlink(folder + rest + suffix) }
            throw .cannotWrite(path, reason)
        }
    }

    enum InPlace {
        case changed
        /// Nothing was changed: the file is not the one the patch was made from, or it could not grow.
        case unchanged
        /// Changed halfway: the build fails (and the next one is a full one).
        case failed(String)
    }

    /// Changes the file at `path` as `patch` says, where it is: the pages of a
    /// 100 MB file are changed, not made anew and the old ones freed (at 20,000
    /// events a new `site.json` and its rename took 150–330 ms, this about 20 ms).
    /// Room to grow is taken before any byte changes, so that a full disk fails
    /// with the file as it was.
    static func changeInPlace(_ path: String, as patch: FileBytes.Patch) -> InPlace {
        let descriptor = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .unchanged }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == patch.earlierCount else { return .unchanged }
        // Joined first: its runs may be slices of the bytes about to move.
        let middle = patch.middle.reduce(into: Data()) { $0.append($1) }
        let count = patch.kept + middle.count + patch.tail.count
        if count > patch.earlierCount, posix_fallocate(descriptor, off_t(patch.earlierCount), off_t(count - patch.earlierCount)) != 0 {
            return ftruncate(descriptor, off_t(patch.earlierCount)) == 0 ? .unchanged : .failed("cannot restore its length")
        }
        let length = max(count, patch.earlierCount)
        if length > 0 {
            guard let base = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
                return ftruncate(descriptor, off_t(patch.earlierCount)) == 0 ? .unchanged : .failed(String(cString: strerror(errno)))
            }
            memmove(base + patch.kept + middle.count, base + patch.tail.lowerBound, patch.tail.count)
            middle.withUnsafeBytes { if let bytes = $0.baseAddress { memcpy(base + patch.kept, bytes, $0.count) } }
            munmap(base, length)
        }
        if count < patch.earlierCount, ftruncate(descriptor, off_t(count)) != 0 { return .failed(String(cString: strerror(errno))) }
        return .changed
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

/// Files written under a temporary name so far, and those to change in place,
/// appended to from the one writing thread.
private final class WrittenFiles: @unchecked Sendable {
    var paths: [String] = []
    var inPlace: [(path: String, bytes: FileBytes)] = []
}
