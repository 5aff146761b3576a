/// A body's text as a reader sees it, blocks separated by newlines, kept with
/// where its autolinks are: each shows its entry's title, which is looked up
/// when the text is read (`reading`), so a text reused from an earlier build
/// shows titles as they are now.
public struct PlainText: Sendable, Codable {
    public struct Title: Sendable, Codable {
        /// UTF-8 offsets of the autolink's destination in `text`.
        let start: Int
        let end: Int
        let target: EntryID

        init(range: Range<Int>, target: EntryID) {
            start = range.lowerBound
            end = range.upperBound
            self.target = target
        }
    }

    let text: String
    let titles: [Title]

    init(_ text: String, titles: [Title]) {
        self.text = text
        self.titles = titles
    }

    /// The text with each autolink's title (`title(target)`) in place of its destination.
    func reading(_ title: (EntryID) -> String?) -> String {
        guard !titles.isEmpty else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var position = 0
        for link in titles where link.start >= position && link.end <= utf8.count {
            bytes += utf8[position..<link.start]
            bytes += title(link.target).map { Array($0.utf8) } ?? Array(utf8[link.start..<link.end])
            position = link.end
        }
        bytes += utf8[position...]
        return String(decoding: bytes, as: UTF8.self)
    }
}
