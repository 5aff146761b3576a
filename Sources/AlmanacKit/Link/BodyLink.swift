import Foundation

/// A link in a body that names something the build must make: an id on a page
/// (a fragment), or a file in the output folder. Found when the body is linked,
/// kept with its facts, and checked by every build (see `LinkCheck`), when every
/// page's ids and every file the build writes are known.
public struct BodyLink: Sendable, Hashable, Codable {
    public enum Target: Sendable, Hashable, Codable {
        /// `actor:csto#history`, or `#history` on the page itself.
        case fragment(EntryID, id: String)
        /// A path inside the output folder, and the fragment after it (if any).
        case file(String, fragment: String?)
        /// A relative path that climbs above the output folder.
        case outside
    }

    public let target: Target
    /// The destination as written, for messages.
    public let url: String
    /// Where it starts, in the body (the entry's front matter lines not counted).
    public let line: Int
    public let column: Int
}

/// Coded as its case's number, then what it holds (see `Entry.Details`).
extension BodyLink.Target {
    private enum Case: UInt8 { case fragment, file, outside }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch Case(rawValue: try container.decode(UInt8.self)) {
        case .fragment: self = .fragment(try container.decode(EntryID.self), id: try container.decode(String.self))
        case .file: self = .file(try container.decode(String.self), fragment: try container.decode(Bool.self) ? try container.decode(String.self) : nil)
        case .outside: self = .outside
        case nil: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a link's target")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .fragment(let page, let id): try container.encode(Case.fragment.rawValue); try container.encode(page); try container.encode(id)
        case .file(let path, let fragment):
            try container.encode(Case.file.rawValue)
            try container.encode(path)
            try container.encode(fragment != nil)
            if let fragment { try container.encode(fragment) }
        case .outside: try container.encode(Case.outside.rawValue)
        }
    }
}

extension Resolver {
    /// Where a plain destination (no scheme) leads inside the output folder, from
    /// the page of `page`: root-relative (`/map.png`) from the folder's root, others
    /// from the page's folder. Queries are ignored; `dir/` means `dir/index.html`.
    /// Nil for a link to the page itself without a fragment (`?q=x`, empty).
    static func plainTarget(_ url: String, from page: EntryID) -> BodyLink.Target? {
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncodingIfPossible
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        if rest.isEmpty {
            guard let fragment, !fragment.isEmpty else { return nil }
            return .fragment(page, id: fragment)
        }
        let path = String(rest).removingPercentEncodingIfPossible
        var parts: [Substring] = path.hasPrefix("/") || page.kind == .home ? [] : [Substring(page.kind.folder)]
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .outside }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        if path.hasSuffix("/") || parts.isEmpty { parts.append("index.html") }
        return .file(parts.joined(separator: "/"), fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Whether a destination is checked as a path in the site: no scheme
    /// (`mailto:`, `https:`, ...) and not `//host/...`.
    static func isPlain(_ url: String) -> Bool {
        if url.hasPrefix("//") { return false }
        // A scheme is a letter, then letters, digits, `+`, `-` or `.`, then `:`, before any `/`, `?` or `#`.
        for (offset, byte) in url.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset == 0
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return true
            default: continue
            }
        }
        return true
    }
}

private extension String {
    var removingPercentEncodingIfPossible: String { removingPercentEncoding ?? self }
}
