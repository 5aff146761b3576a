import Foundation
import Testing
@testable import AlmanacKit

/// A long file made of parts (`PartedText`) is written as runs (`FileBytes`):
/// the parts copied from the last build's file, and the separators between them
/// where they were, stay slices of that file, so the runs are few however many
/// parts there are, and their bytes are the file's as if made whole.
struct PartedTextTests {
    static func site() throws -> (LinkedSite, TemporaryFolder) {
        let folder = TemporaryFolder()
        let site = try #require(Almanac.loadParseAndLink(Almanac.Options(root: makeSite(["Content/actors/a.md": "---\ntitle: A\nkind: person\n---\n"], in: folder))).site)
        return (site, folder)
    }

    /// Writes a header, the parts named `names` (each made as `text(name)`) separated by ",\n", and a footer.
    static func write(_ text: PartedText, _ names: [String], _ make: (String) -> String) {
        text.append("[\n")
        for (index, name) in names.enumerated() {
            if index > 0 { text.append(",\n") }
            text.part(name) { make(name) }
        }
        text.append("\n]\n")
    }

    @Test func onePartMadeAgainLeavesTheRestAsSlicesOfTheEarlierFile() throws {
        let (site, _) = try Self.site()
        let names = (0 ..< 500).map { "part-\($0)" }
        let first = PartedText(site: SiteReads(site), earlier: nil)
        Self.write(first, names) { "{\"name\": \"\($0)\"}" }
        let file = first.bytes.joined
        #expect(first.bytes.runs.count == 1)

        let kept = first.parts.map { (name: $0.name, kept: $0.name == "part-250" ? nil : (range: $0.range, reads: ArraySlice<Int32>())) }
        let second = PartedText(site: SiteReads(site), earlier: PartedText.Earlier(file: file, parts: kept))
        Self.write(second, names) { $0 == "part-250" ? "{\"name\": \"the new part 250\"}" : "unused" }
        let expected = PartedText(site: SiteReads(site), earlier: nil)
        Self.write(expected, names) { $0 == "part-250" ? "{\"name\": \"the new part 250\"}" : "{\"name\": \"\($0)\"}" }

        #expect(second.bytes.joined == expected.bytes.joined)
        #expect(second.bytes.isEqual(to: expected.bytes.joined))
        #expect(second.bytes.count == expected.bytes.joined.count)
        // Before the new part, the new part with its separators, and after it.
        #expect(second.bytes.runs.count == 3, "\(second.bytes.runs.map(\.count))")
        #expect(second.parts.map(\.range) == expected.parts.map(\.range))
    }

    @Test func separatorsThatChangedAreWrittenAsMade() throws {
        let (site, _) = try Self.site()
        let names = ["a", "b", "c"]
        let first = PartedText(site: SiteReads(site), earlier: nil)
        Self.write(first, names) { $0.uppercased() }
        let kept = first.parts.map { (name: $0.name, kept: Optional((range: $0.range, reads: ArraySlice<Int32>()))) }
        let second = PartedText(site: SiteReads(site), earlier: PartedText.Earlier(file: first.bytes.joined, parts: kept))
        second.append("{\n")
        for name in names {
            second.part(name) { "unused" }
            second.append(";")
        }
        #expect(String(decoding: second.bytes.joined, as: UTF8.self) == "{\nA;B;C;")
    }

    /// Given the file it becomes, a file made from nothing goes there as it is
    /// made, a piece at a time: what is held at the end is less than a piece and a
    /// part, and the file written is the text made in memory, part for part.
    @Test func aFileMadeFromNothingIsWrittenAsItIsMade() throws {
        let (site, folder) = try Self.site()
        let names = (0 ..< 500).map { "part-\($0)" }
        let make = { (name: String) in "{\"name\": \"\(name)\"}" }
        let inMemory = PartedText(site: SiteReads(site), earlier: nil)
        Self.write(inMemory, names, make)
        let path = folder.url.appending(path: "site.json").path
        let written = PartedText(site: SiteReads(site), earlier: nil, writingTo: OutputFile(path: path), piece: 256)
        Self.write(written, names, make)

        let head = try #require(written.bytes.head)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(written.bytes.count < 256 + 32)
        #expect(OutputWriter.create(path, with: written.bytes) == nil)
        #expect(try Data(contentsOf: URL(filePath: path)) == inMemory.bytes.joined)
        #expect(written.parts.map(\.range) == inMemory.parts.map(\.range))
        #expect(head.path == path)

        // A text shorter than a piece creates no file: the writer writes it whole.
        let short = PartedText(site: SiteReads(site), earlier: nil, writingTo: OutputFile(path: path + ".short"), piece: 1 << 20)
        Self.write(short, names, make)
        #expect(short.bytes.head == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".short"))
    }

    /// A file that cannot be created while its text is made is the writer's to
    /// report, as for any page: the build fails, it does not lose the text silently.
    @Test func aFileThatCannotBeCreatedIsReportedByTheWriter() throws {
        let (site, folder) = try Self.site()
        let path = folder.url.appending(path: "no-such-folder/site.json").path
        let text = PartedText(site: SiteReads(site), earlier: nil, writingTo: OutputFile(path: path), piece: 64)
        Self.write(text, (0 ..< 50).map { "part-\($0)" }) { $0 }
        #expect(text.bytes.head != nil)
        #expect(OutputWriter.create(path, with: text.bytes) == String(cString: strerror(ENOENT)))
    }

    /// A part is looked for where it will be, then by name: a part added before
    /// others, or parts in another order, still copy theirs.
    @Test func partsNotWhereTheyWereAreFoundByName() throws {
        let (site, _) = try Self.site()
        let first = PartedText(site: SiteReads(site), earlier: nil)
        Self.write(first, ["a", "b", "c"]) { $0.uppercased() }
        let kept = first.parts.map { (name: $0.name, kept: Optional((range: $0.range, reads: ArraySlice<Int32>()))) }
        let second = PartedText(site: SiteReads(site), earlier: PartedText.Earlier(file: first.bytes.joined, parts: kept))
        Self.write(second, ["new", "c", "a", "b"]) { $0 == "new" ? "NEW" : "unused" }
        #expect(String(decoding: second.bytes.joined, as: UTF8.self) == "[\nNEW,\nC,\nA,\nB\n]\n")
        #expect(second.parts.map(\.name) == ["new", "c", "a", "b"])
        #expect(second.parts.filter { if case .kept = $0.reads { true } else { false } }.map(\.name) == ["c", "a", "b"])
    }

    /// `Data` in the cache are read as slices of the file they are in, and
    /// give the same value as when read from a copy of their bytes.
    @Test func cachedBytesAreSlicesOfTheirFile() throws {
        struct Held: Codable, Equatable {
            let name: String
            let bytes: Data
        }
        let value = Held(name: "words", bytes: Data("some words, kept as bytes".utf8))
        let encoded = BinaryCoder.encode(value)
        let file = Data([1, 2, 3] + encoded + [4])
        let read = try BinaryCoder.decode(Held.self, from: file, in: 3 ..< 3 + encoded.count)
        #expect(read == value)
        #expect(read.bytes.startIndex > 3, "a slice of the file, at its place in it")
        #expect(try encoded.withUnsafeBytes { try BinaryCoder.decode(Held.self, from: $0) } == value)
    }
}
