import Foundation

/// A request's path, checked before it touches the file system.
///
/// Works on the raw, percent-encoded target (not the server's normalized
/// path), so `/../`, `/%2e%2e/`, `/%2E%2e%2f..` and the like are seen and
/// refused rather than quietly resolved.
enum RequestPath: Equatable {
    /// Segments of a path inside the site, decoded: `["actors", "csto.html"]`; `[]` is the root.
    case inside([String], trailingSlash: Bool)
    /// A dot segment, an encoded slash or backslash, a NUL, or bad percent-encoding.
    case refused
    /// A hidden name (`.git`): never served.
    case hidden

    init(raw: String) {
        guard raw.hasPrefix("/") else { self = .refused; return }
        var segments: [String] = []
        var hidden = false
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(part).removingPercentEncoding else { self = .refused; return }
            if decoded == "." || decoded == ".." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                self = .refused
                return
            }
            if decoded.hasPrefix(".") { hidden = true }
            segments.append(decoded)
        }
        self = hidden ? .hidden : .inside(segments, trailingSlash: raw.hasSuffix("/"))
    }

    /// The path of these segments as a link on this server: one leading slash,
    /// each segment percent-encoded, so it can never read as `//other-host/`.
    static func location(of segments: [String], folder: Bool) -> String {
        let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? "" }
        return "/" + encoded.joined(separator: "/") + (folder && !segments.isEmpty ? "/" : "")
    }

    /// What a path segment may hold unencoded (RFC 3986 `pchar`).
    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
}
