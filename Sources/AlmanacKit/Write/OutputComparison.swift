import Foundation

/// What `build --check` finds when it holds what a build would write against
/// the output folder as it is: files whose bytes differ, files the build would
/// write that are not there, and files there that the build would not write.
public struct OutputComparison: Sendable, Equatable {
    public var stale: [String] = []
    public var missing: [String] = []
    public var extra: [String] = []

    public var isCurrent: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty }

    public init(stale: [String] = [], missing: [String] = [], extra: [String] = []) {
        self.stale = stale
        self.missing = missing
        self.extra = extra
    }

    /// The comparison of the files a build writes (`statuses`) with the files in the output folder (`existing`).
    init(_ statuses: [(String, Status)], besides existing: [String]) {
        for (path, status) in statuses {
            switch status {
            case .current: break
            case .stale: stale.append(path)
            case .missing: missing.append(path)
            }
        }
        let expected = Set(statuses.map(\.0))
        extra = existing.filter { !expected.contains($0) }
        stale.sort { $0.precedesInUTF8($1) }
        missing.sort { $0.precedesInUTF8($1) }
    }

    /// The problems as diagnostics, one per file, paths relative to the site's root.
    public func diagnostics(outputPath: String) -> [Diagnostic] {
        let prefix = outputPath.isEmpty ? "" : outputPath + "/"
        return (stale.map { Diagnostic.error(prefix + $0, nil, "stale: differs from what the build gives; run almanac build") }
            + missing.map { Diagnostic.error(prefix + $0, nil, "missing: the build writes it; run almanac build") }
            + extra.map { Diagnostic.error(prefix + $0, nil, "extra: the build does not write it; run almanac build") }).sorted()
    }

    /// How a file the build writes compares with the one in `output`.
    enum Status: Sendable { case current, stale, missing }

    static func status(of bytes: FileBytes, at path: String, in output: URL) -> Status {
        guard let existing = try? Data(contentsOf: output.appending(path: path)) else {
            return FileManager.default.fileExists(atPath: output.appending(path: path).path) ? .stale : .missing
        }
        return bytes.isEqual(to: existing) ? .current : .stale
    }

    /// Every file below `folder`, and every name there that is not followed (see
    /// `FileTree`): the build writes no link, so each is extra.
    static func files(in folder: URL) -> [String] {
        let listing = FileTree.list(folder)
        return (listing.files + listing.refused.map(\.path)).sortedInUTF8()
    }
}
