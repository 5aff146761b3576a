import Foundation

/// A file's bytes as runs written one after another. A page is one run; a long
/// file made of parts (see `PartedText`) runs mostly over slices of the last
/// build's file, mapped: a one-event rebuild writes a 100 MB `site.json` from
/// them without first copying it into memory (at 20,000 events that copy, and
/// the memory for it, took a third of a second).
struct FileBytes: Sendable {
    let runs: [Data]
    /// The file that already holds the bytes before `runs`, written while they
    /// were made (see `OutputFile`); the writer adds `runs` to it. Only the writer
    /// gets such bytes: `count`, `isEqual(to:)` and `joined` know only `runs`.
    let head: OutputFile?
    /// The same bytes as a change of the file they were made from, when they
    /// begin and end as it does (a one-event edit of `site.json`; see `OutputPatch`).
    let patch: Patch?

    /// A file's first `kept` bytes as they are, then `middle`, then its bytes in `tail`.
    struct Patch: Sendable {
        /// How long the file is.
        let earlierCount: Int
        let kept: Int
        let middle: [Data]
        let tail: Range<Int>

        /// Worth making in place: a long file, little of it new.
        var isSmall: Bool { earlierCount >= 1 << 22 && middle.reduce(0) { $0 + $1.count } <= earlierCount / 8 }
    }

    init(_ data: Data) { self.init(runs: [data]) }
    init(runs: [Data], patch: Patch? = nil, head: OutputFile? = nil) {
        self.runs = runs
        self.patch = patch
        self.head = head
    }

    var count: Int { runs.reduce(0) { $0 + $1.count } }

    /// Writes every run to `descriptor`; why not, if it could not.
    func write(to descriptor: Int32) -> String? {
        for run in runs {
            if let failure = run.withUnsafeBytes({ writeAll($0, to: descriptor) }) { return failure }
        }
        return nil
    }

    /// Whether `data` holds these bytes.
    func isEqual(to data: Data) -> Bool {
        guard data.count == count else { return false }
        var start = data.startIndex
        for run in runs {
            guard data[start ..< start + run.count] == run else { return false }
            start += run.count
        }
        return true
    }

    /// The bytes in one piece (for callers that take a page whole).
    var joined: Data { runs.count == 1 ? runs[0] : runs.reduce(into: Data(capacity: count)) { $0.append($1) } }
}
