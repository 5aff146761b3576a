import Foundation

/// Where the writer puts each page's file: `folder` + the page's path + `suffix`
/// (the staging folder of a full build; beside the old file, under a temporary
/// name, for a rebuild in place). A page long enough to be written while it is
/// made (see `PartedText`) opens its file there itself.
struct OutputPlace: Sendable {
    let folder: String
    let suffix: String

    /// The file of the page at `path` (relative to the output folder), not created
    /// until something is written to it; nil for a path outside the output folder,
    /// which the writer refuses when the page comes to it.
    func file(for path: String) -> OutputFile? {
        guard (try? OutputWriter.checkInside(path)) != nil else { return nil }
        return OutputFile(path: folder + path + suffix)
    }
}

/// A file of the output written while its page is made: a long data file made
/// from nothing (`site.json`, 27 MB at 5,000 events) goes out in pieces as its
/// parts are made, instead of being held whole until the writer takes it (that
/// was a build's peak of memory). The page's `FileBytes` then carry it as their
/// `head`: the writer writes their runs after what it holds, and closes it.
/// Written by the thread that renders the page, then by the writer.
final class OutputFile: @unchecked Sendable {
    let path: String
    private var descriptor: Int32 = -1
    /// Why the file could not be written, once it could not: nothing more is written to it.
    private var failure: String?

    init(path: String) { self.path = path }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether writing began (the file was created, or could not be): from then
    /// on the writer must finish it, or report why not.
    var isStarted: Bool { descriptor >= 0 || failure != nil }

    /// Creates the file at the first call (never through a symbolic link), then adds `bytes`.
    func append(_ bytes: Data) {
        guard failure == nil else { return }
        if descriptor < 0 {
            descriptor = OutputWriter.openNew(path)
            guard descriptor >= 0 else {
                failure = String(cString: strerror(errno))
                return
            }
        }
        failure = FileBytes(bytes).write(to: descriptor)
    }

    /// Writes `rest` after what the file holds and closes it; why not, if it could not.
    func finish(with rest: FileBytes) -> String? {
        defer {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
        if let failure { return failure }
        return rest.write(to: descriptor)
    }
}
