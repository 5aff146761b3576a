import Foundation

/// The search tokenizer: what counts as a word, folded as the search script folds a query.
extension SearchIndex {
    /// Words are indexed by their first this many characters (folded scalars), and
    /// the search script cuts a query's terms as long: a 2 MB "word" adds 40 bytes
    /// to the shard of its first letter, and is still found by any part of its start.
    static let wordLimit = 40

    /// The distinct words of `text`, folded (see `fold`), of two characters or
    /// more, cut to `wordLimit`, separated by spaces in order of first use. Works
    /// on UTF-8 bytes; only non-ASCII scalars consult Unicode's tables.
    static func words(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // About one new word in every 16 bytes of text: few tables need to grow.
            var table = WordTable(capacity: bytes.count / 16)
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var length = 0
            var index = 0
            func isLowerOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
            while index <= bytes.count {
                // Most words are lower-case ASCII letters and digits, ended by ASCII
                // that is not a letter: such a word is already folded, and goes into
                // the table straight from the text.
                if length == 0, index < bytes.count, isLowerOrDigit(bytes[index]) {
                    var end = index + 1
                    while end < bytes.count, isLowerOrDigit(bytes[end]) { end += 1 }
                    if end == bytes.count || (bytes[end] < 0x80 && !(0x41...0x5A).contains(bytes[end])) {
                        if end - index > 1 { _ = table.insert(bytes[index ..< min(end, index + wordLimit)]) }
                        index = end
                        continue
                    }
                }
                // Past the last byte, a space ends the last word.
                let byte = index < bytes.count ? bytes[index] : 0x20
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39:
                        if length < wordLimit { word.append(byte) }
                        length += 1
                        continue
                    case 0x41...0x5A:
                        if length < wordLimit { word.append(byte + 0x20) }
                        length += 1
                        continue
                    default:
                        break
                    }
                } else {
                    // A String's UTF-8 is valid: the lead byte tells the scalar's length.
                    let count = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (0x7F >> count)
                    for next in bytes[index + 1 ..< index + count] { value = value << 6 | UInt32(next & 0x3F) }
                    index += count
                    let scalar = Unicode.Scalar(value)!
                    if scalar.properties.generalCategory == .nonspacingMark {
                        continue  // a combining mark: dropped, as after decomposition
                    } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        for folded in fold(String(scalar)).unicodeScalars {
                            if length < wordLimit { word += String(folded).utf8 }
                            length += 1
                        }
                        continue
                    }
                }
                // Anything else ends a word.
                if length > 1 { _ = table.insert(word) }
                word.removeAll(keepingCapacity: true)
                length = 0
            }
            return table.spaced
        }
    }

    /// The words of `text` in order, repeats kept, as the search script splits a
    /// query or a name (`termsOf`): folded, at least two UTF-16 units, cut to `wordLimit`.
    static func terms(_ text: String) -> [String] {
        asciiTerms(text) ?? unicodeTerms(text)
    }

    /// `terms` of ASCII text, without Unicode's tables: folded, it is the text in
    /// lower case, and its letters and digits are its words' characters (names of
    /// every entry and term are split so, 2% of a build through `fold`).
    static func asciiTerms(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var terms: [String] = []
            var word: [UInt8] = []
            var length = 0
            func close() {
                if word.count > 1 { terms.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
                length = 0
            }
            for byte in bytes {
                switch byte {
                case 0x61...0x7A, 0x30...0x39:
                    if length < wordLimit { word.append(byte) }
                    length += 1
                case 0x41...0x5A:
                    if length < wordLimit { word.append(byte + 0x20) }
                    length += 1
                default:
                    close()
                }
            }
            close()
            return terms
        }
    }

    static func unicodeTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var term = String.UnicodeScalarView()
        var length = 0
        func close() {
            let word = String(term)
            if word.utf16.count > 1 { terms.append(word) }
            term.removeAll()
            length = 0
        }
        for scalar in fold(text).unicodeScalars {
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                close()
                continue
            }
            if length < wordLimit { term.append(scalar) }
            length += 1
        }
        close()
        return terms
    }

    /// As the script folds: canonical decomposition, combining marks dropped, lower case.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }
}
