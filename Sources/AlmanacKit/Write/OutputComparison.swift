import Foundation

/// What `build --check` finds when it holds what a build would write against
/// the output folder as it is: files whose bytes differ, files the build would
/// write that are not there, and files there that the build would not write.
public struct OutputComparison: Sendable, Equatable {
    public var stale: [String] = []
    public var missing: [String] = []
    public var extra: [String] = []

    public var isCurrent: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty }

    /// The problems as diagnostics, one per file, paths relative to the site's root.
    public func diagnostics(outputPath: String) -> [Diagnostic] {
        let prefix = outputPath.isEmpty ? "" : outputPath + "/"
        return (stale.map { Diagnostic.error(prefix + $0, nil, "stale: differs from what the build gives; run almanac build") }
            + missing.map { Diagnostic.error(prefix + $0, nil, "missing: the build writes it; run almanac build") }
            + extra.map { Diagnostic.error(prefix + $0, nil, "extra: the build does not write it; run almanac build") }).sorted()
    }

    /// How a file the build writes compares with the one in `output`.
    enum Status: Sendable { case current, stale, missing }

    static func status(of data: Data, at path: String, in output: URL) -> Status {
        guard let existing = try? Data(contentsOf: output.appending(path: path)) else {
            return FileManager.default.fileExists(atPath: output.appending(path: path).path) ? .stale : .missing
        }
        return existing == data ? .current : .stale
    }

    /// Every file below `folder` (following no links), by path relative to it.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var paths: [String] = []
        while let url = walker.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return paths.sorted { $0.precedesInUTF8($1) }
    }
}
