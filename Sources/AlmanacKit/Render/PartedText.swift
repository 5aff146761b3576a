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
        case kept([Int32])
    }

    /// The parts of the last build's file that may be copied, and that file's bytes.
    struct Earlier {
        let file: Data
        let parts: [String: (range: Range<Int>, reads: [Int32])]
    }

    private let site: SiteReads
    private let earlier: Earlier?
    /// The text so far (a `Data`: the file's bytes, never copied again).
    private(set) var bytes = Data()
    private(set) var parts: [Part] = []

    /// `estimate`: about how long a file made from nothing will be, asked only
    /// when there is no earlier file. Room for all of it at once: a buffer grown
    /// by doubling held the old copy and the new one (a 537 MB `site.json` at
    /// 100,000 events); room never written takes no memory.
    init(site: SiteReads, earlier: Earlier?, estimate: () -> Int = { 0 }) {
        self.site = site
        self.earlier = earlier
        // Copied, most of the file: room for it, and for an edit's growth.
        bytes.reserveCapacity(earlier.map { $0.file.count + $0.file.count / 64 } ?? estimate())
    }

    /// Text that belongs to no part (a header, separators).
    func append(_ text: String) {
        var text = AllowedText.valid(text)
        text.withUTF8 { bytes.append($0) }
    }

    /// The part named `name` (unique in the file): copied, or made by `make`,
    /// whose reads of the site are the part's.
    func part(_ name: String, _ make: () -> String) {
        let start = bytes.count
        if let earlier, let kept = earlier.parts[name] {
            earlier.file.withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[kept.range])) }
            parts.append(Part(name: name, range: start ..< bytes.count, reads: .kept(kept.reads)))
            return
        }
        let (text, reads) = site.readingPart(make)
        append(text)
        parts.append(Part(name: name, range: start ..< bytes.count, reads: .recorded(reads)))
    }
}
