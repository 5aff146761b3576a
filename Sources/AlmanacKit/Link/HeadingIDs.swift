import Foundation

/// The ids of a body's headings: each heading's text as a slug, made unique on
/// the page with `-2`, `-3`, ... The ids the theme puts on the page are taken
/// before the first heading, so a heading never shares one (see `ThemeAnchors`).
struct HeadingIDs {
    private var taken: Set<String>
    /// The ids given, in the order of the headings.
    private(set) var ids: [String] = []

    init(reserved: Set<String>) {
        taken = reserved
    }

    /// The id of the next heading, whose visible text is `text`.
    mutating func claim(_ text: String) -> String {
        let base = HeadingIDs.slug(text)
        var id = base
        var number = 2
        while taken.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        taken.insert(id)
        ids.append(id)
        return id
    }

    /// A heading's text as an id: lower-cased; a letter with an accent that is
    /// a Latin letter without it loses the accent (`é` → `e`); other letters and
    /// digits of any script are kept (`История` → `история`); every run of
    /// anything else becomes one `-`, and none is left at either end.
    /// A heading with no letter or digit is `section`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            let kept: String
            if character.isASCII {
                kept = character.isLetter || character.isNumber ? String(character) : ""
            } else if character.isLetter || character.isNumber {
                let plain = String(character).folding(options: .diacriticInsensitive, locale: nil)
                kept = plain.allSatisfy(\.isASCII) && plain.allSatisfy({ $0.isLetter || $0.isNumber }) ? plain : String(character)
            } else {
                kept = ""
            }
            if kept.isEmpty {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug += "-" }
            pendingHyphen = false
            slug += kept
        }
        return slug.isEmpty ? "section" : slug
    }
}
