/// The characters no page of the output may hold. HTML reads control
/// characters as errors and XML 1.0 forbids most of them even escaped; front
/// matter can hold them (YAML escapes such as "\a") and so can a body (cmark
/// passes them through). Every file the build renders goes through `valid`,
/// so the rule is one for pages, feed, sitemap and search index.
enum AllowedText {
    /// `text` without C0 control characters (but tab, line feed and carriage
    /// return), DEL, C1 control characters and the noncharacters U+FFFE and U+FFFF.
    static func valid(_ text: String) -> String {
        var text = text
        // One pass over the bytes finds nothing in nearly every page.
        let clean = text.withUTF8 { bytes in
            // Eight bytes at a time: a word with no byte that may start a forbidden
            // character is passed at once (every output file goes through here).
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if mayHoldSuspect(word) {
                    for at in index..<index + 8 where suspect[Int(bytes[at])] && isForbidden(bytes, at: at) { return false }
                }
                index += 8
            }
            for at in index..<bytes.count where suspect[Int(bytes[at])] && isForbidden(bytes, at: at) { return false }
            return true
        }
        if clean { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(result)
    }

    /// Whether any byte of `word` is below 0x20, or 0x7F, 0xC2 or 0xEF (a line
    /// break is below 0x20: its word is looked at byte by byte).
    private static func mayHoldSuspect(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2)) || hasZeroByte(word ^ (ones &* 0xEF))
    }

    /// The bytes that may start a forbidden character.
    private static let suspect: [Bool] = (0...255).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Whether the character that starts at `index` is forbidden (a C1 control
    /// is 0xC2 0x80-0x9F in UTF-8; U+FFFE and U+FFFF are 0xEF 0xBF 0xBE-0xBF).
    private static func isForbidden(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F: return true
        case 0xC2: return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
        default: return false
        }
    }
}
