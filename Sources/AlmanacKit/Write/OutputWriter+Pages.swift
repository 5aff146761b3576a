import Foundation

extension OutputWriter {
    /// Renders `pages` on up to `jobs` threads and writes them from one. Creating
    /// a file takes its folder's lock, and a site's pages crowd into a few folders:
    /// writers on several threads mostly spun waiting for each other.
    /// `rendered`: called once every page is rendered, while the last ones may still be written.
    func writePages(_ pages: [Page], jobs: Int, render: (Page, OutputPlace) -> FileBytes, rendered: () -> Void = {}) throws(Failure) {
        try OutputWriter.renderAndWrite(pages, jobs: jobs, place: OutputPlace(folder: staging.path + "/", suffix: ""), render: render,
                                        rendered: rendered) { data, path throws(Failure) in try self.write(data, to: path) }
    }

    /// `writePages` with the writing left to `write`, called on one thread in turn;
    /// `place`: where `write` puts each page's file, for a page written while it is made.
    static func renderAndWrite(_ pages: [Page], jobs: Int, place: OutputPlace, render: (Page, OutputPlace) -> FileBytes, rendered: () -> Void = {},
                               write: @escaping @Sendable (FileBytes, String) throws(Failure) -> Void) throws(Failure) {
        let queue = DispatchQueue(label: "almanac.output")
        // Rendered pages waiting to be written, at most: memory stays bounded.
        let slots = DispatchSemaphore(value: 64)
        let failures = FirstFailure()
        Parallel.forEach(pages, jobs: jobs) { page in
            let data = render(page, place)
            slots.wait()
            queue.async {
                defer { slots.signal() }
                do throws(Failure) { try write(data, page.path) } catch { failures.record(error) }
            }
        }
        rendered()
        queue.sync {}
        if let failure = failures.first { throw failure }
    }
}

/// The first failure of several threads.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: OutputWriter.Failure?

    func record(_ failure: OutputWriter.Failure) {
        lock.withLock { if self.failure == nil { self.failure = failure } }
    }

    var first: OutputWriter.Failure? { lock.withLock { failure } }
}
