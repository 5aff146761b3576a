import Foundation

/// Slugs: `^[a-z0-9]+(-[a-z0-9]+)*$`.
public enum Slug {
    /// Why `text` is not a slug, or nil when it is one.
    public static func problem(with text: String) -> String? {
        let bytes = text.utf8
        // The common case first, in one pass: lower-case letters and digits in runs joined by single hyphens.
        var previous: UInt8 = UInt8(ascii: "-")
        var wellFormed = !bytes.isEmpty
        for byte in bytes {
            let isHyphen = byte == UInt8(ascii: "-")
            if !(isHyphen || (97...122).contains(byte) || (48...57).contains(byte)) || (isHyphen && previous == UInt8(ascii: "-")) {
                wellFormed = false
                break
            }
            previous = byte
        }
        if wellFormed && previous != UInt8(ascii: "-") { return nil }
        // Otherwise say what is allowed, and what is there that is not.
        if bytes.isEmpty { return "it is empty" }
        var found: [String] = []
        if bytes.contains(where: { (65...90).contains($0) }) { found.append("capitals") }
        if bytes.contains(where: { $0 >= 0x80 }) { found.append("non-ASCII letters") }
        if bytes.contains(UInt8(ascii: " ")) { found.append("spaces") }
        var others: [Character] = []
        for character in text where character.isASCII && !(character.isLetter || character.isNumber || character == " " || character == "-") {
            if !others.contains(character) { others.append(character) }
        }
        found += others.map { "'\($0)'" }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") { found.append("a hyphen at the start or end") }
        if hasDoubleHyphen(bytes) { found.append("two hyphens in a row") }
        return "only lower-case letters a-z, digits and single hyphens between them are allowed, not " + found.joined(separator: ", ")
    }

    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// The slug `text` most likely meant: accents removed, lower-cased, every run
    /// of anything but `a-z0-9` turned into one hyphen (`Rent_Cap` -> `rent-cap`);
    /// nil when nothing of it is left.
    public static func made(from text: String) -> String? {
        // ASCII needs no folding (Foundation's is the cost of a build's every tag and place, three times).
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                slug.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        if slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    private static func hasDoubleHyphen(_ bytes: String.UTF8View) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }
    }
}
