import Foundation

/// The text of a long file made of a part per entry (a data file's rows,
/// an object of `site.json`), with what each part read. A rebuild that must
/// make the file again copies from the last build's file every part whose
/// reads all give what they gave, and makes only the others: a one-event edit
/// makes one object of a 100 MB `site.json` again, not all of them.
///
/// Reads made while a part is made are the part's; those made outside any
/// part are the file's, and every part depends on them (when one of them
/// changes, every part is made again). Each part is checked with
/// `AllowedText` on its own, so that the whole never has to be changed after
/// the parts' places in it are known.
///
/// The text is kept as runs (`FileBytes`): what is copied stays a slice of the
/// last build's file, mapped, and a copy grows over the next part and over a
/// separator that is as it was, so that a one-event edit gives three runs (before
/// the new part, the part, after it), written as they are: never copied into
/// memory. At 20,000 events that copy took 85 ms and 108 MB of new memory.
///
/// A file made from nothing, given the file it becomes (`OutputFile`), goes
/// there about a MiB at a time (`piece`) as it is made, so that it is never
/// all in memory (`site.json` held whole was a full build's peak of memory).
final class PartedText {
    /// A part as this build left it: where it is in the file, and what it read.
    struct Part: Sendable {
        let name: String
        let range: Range<Int>
        let reads: Reads
    }

    enum Reads: Sendable {
        /// Made in this build: what it read.
        case recorded(Set<ReadKey>)
        /// Copied from the last build's file: its reads, as numbered in the last build's traces.
        case kept(ArraySlice<Int32>)
    }

    /// The parts of the last build's file, and that file's bytes.
    struct Earlier {
        let file: Data
        /// Every part in the file's order: its name, and its place and reads when it may be copied.
        let parts: [(name: String, kept: (range: Range<Int>, reads: ArraySlice<Int32>)?)]
    }

    /// Finds the last build's part of a name: first at the place given, where the
    /// new part will be (parts keep their order from one build to the next), then
    /// through an index of every name, made at the first part not where it was.
    struct Places {
        private var byName: [String: Int]?

        mutating func place<Names: RandomAccessCollection<String>>(of name: String, at place: Int, in names: Names) -> Int? where Names.Index == Int {
            if place < names.count, names[place] == name { return place }
            if byName == nil { byName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
            return byName?[name]
        }
    }

    private let site: SiteReads
    private let earlier: Earlier?
    /// The runs so far (see `FileBytes`): text made in this build, and slices of the
    /// earlier file, each with its range of the earlier file (nil for text made).
    private var runs: [(bytes: Data, source: Range<Int>?)] = []
    /// Text made since the last run was closed (a `Data`: the file's bytes, never copied again).
    private var made = Data()
    /// The range of the earlier file being copied, grown while what follows in
    /// the new file follows it there too (the next part, a separator as it was).
    private var copying: Range<Int>?
    /// How long the text is so far.
    private(set) var count = 0
    private(set) var parts: [Part] = []
    /// Where the earlier file's parts are, by name.
    private var places = Places()
    /// The file the text becomes, when it is written as it is made.
    private let file: OutputFile?
    /// How much text is held before it goes to `file`.
    private let piece: Int

    /// `estimate`: about how long a file made from nothing will be, asked only
    /// when there is no earlier file and no `file` to write to. Room for all of
    /// it at once: a buffer grown by doubling held the old copy and the new one
    /// (a 537 MB `site.json` at 100,000 events); room never written takes no memory.
    /// `file` (without an earlier file): where the text goes as it is made, `piece` bytes at a time.
    init(site: SiteReads, earlier: Earlier?, writingTo file: OutputFile? = nil, piece: Int = 1 << 20, estimate: () -> Int = { 0 }) {
        self.site = site
        self.earlier = earlier
        self.file = earlier == nil ? file : nil
        self.piece = piece
        // A copy starts at the earlier file's start: its header, as it was, is copied too.
        if earlier != nil { copying = 0 ..< 0 } else if self.file != nil { made.reserveCapacity(piece + piece / 4) } else { made.reserveCapacity(estimate()) }
    }

    /// The text, as runs to write one after another (after what went to the file, if any did).
    var bytes: FileBytes {
        var runs = runs
        if let copying, !copying.isEmpty, let slice = copied(copying) { runs.append((slice, copying)) }
        if !made.isEmpty { runs.append((made, nil)) }
        return FileBytes(runs: runs.map(\.bytes), patch: patch(runs), head: file?.isStarted == true ? file : nil)
    }

    /// The text as a change of the earlier file, when it starts and ends as that file does.
    private func patch(_ runs: [(bytes: Data, source: Range<Int>?)]) -> FileBytes.Patch? {
        guard let file = earlier?.file, let first = runs.first?.source, first.lowerBound == 0, let last = runs.last?.source, last.upperBound == file.count
        else { return nil }
        if runs.count == 1 { return FileBytes.Patch(earlierCount: file.count, kept: file.count, middle: [], tail: file.count ..< file.count) }
        return FileBytes.Patch(earlierCount: file.count, kept: first.count, middle: runs[1 ..< runs.count - 1].map(\.bytes), tail: last)
    }

    /// The earlier file's part named `name`, if it may be copied.
    private func earlierPart(_ name: String, in earlier: Earlier) -> (range: Range<Int>, reads: ArraySlice<Int32>)? {
        places.place(of: name, at: parts.count, in: earlier.parts.lazy.map(\.name)).flatMap { earlier.parts[$0].kept }
    }

    /// Text that belongs to no part (a header, separators).
    func append(_ text: String) {
        var text = AllowedText.valid(text)
        text.withUTF8 { append($0) }
    }

    /// The part named `name` (unique in the file): copied, or made by `make`,
    /// whose reads of the site are the part's.
    func part(_ name: String, _ make: () -> String) {
        let start = count
        if let earlier, let kept = earlierPart(name, in: earlier) {
            copy(kept.range)
            parts.append(Part(name: name, range: start ..< count, reads: .kept(kept.reads)))
            return
        }
        let (text, reads) = site.readingPart(make)
        append(text)
        parts.append(Part(name: name, range: start ..< count, reads: .recorded(reads)))
    }

    /// Bytes made in this build: the earlier file's next bytes, when they are the same
    /// (a separator between two copied parts), or else text of their own.
    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        count += bytes.count
        if let range = copying, let file = earlier?.file, range.upperBound + bytes.count <= file.count,
           file.withUnsafeBytes({ UnsafeRawBufferPointer(rebasing: $0[range.upperBound ..< range.upperBound + bytes.count]).elementsEqual(bytes) }) {
            copying = range.lowerBound ..< range.upperBound + bytes.count
            return
        }
        closeCopy()
        made.append(bytes)
        if let file, made.count >= piece {
            file.append(made)
            made.removeAll(keepingCapacity: true)
        }
    }

    /// `range` of the earlier file, copied: the copy under way grows when it ends where `range` starts.
    private func copy(_ range: Range<Int>) {
        count += range.count
        if let copying, copying.upperBound == range.lowerBound {
            self.copying = copying.lowerBound ..< range.upperBound
            return
        }
        closeCopy()
        if !made.isEmpty {
            runs.append((made, nil))
            made = Data()
        }
        copying = range
    }

    private func closeCopy() {
        guard let range = copying, let slice = copied(range) else { return }
        if !range.isEmpty { runs.append((slice, range)) }
        copying = nil
    }

    /// `range` of the earlier file: a slice of it, not a copy.
    private func copied(_ range: Range<Int>) -> Data? {
        earlier.map { $0.file[$0.file.startIndex + range.lowerBound ..< $0.file.startIndex + range.upperBound] }
    }
}
