/// Turns cmark's positions (line, column in UTF-8 bytes) into the columns
/// people and editors count (characters), in time linear in the text even for
/// thousands of positions on one long line.
struct ColumnMap {
    private let bytes: [UInt8]
    /// The byte offset where each line starts; line 1 at index 0.
    private let lineStarts: [Int]
    /// The last position asked for: the next one on the same line counts on from it.
    private var last: (line: Int, byte: Int, column: Int)?

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The 1-based character column of the 1-based `byteColumn` on `line`.
    mutating func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return byteColumn }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        let target = min(lineStarts[line - 1] + byteColumn - 1, lineEnd)
        var (offset, column) = (lineStarts[line - 1], 1)
        if let last, last.line == line, last.byte <= target { (offset, column) = (last.byte, last.column) }
        while offset < target {
            // Every byte but a continuation byte (10xxxxxx) starts a character.
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        last = (line, target, column)
        return column
    }
}
