/// Which input each file of the output comes from: a page the build makes, an
/// entry's page, a file of the theme, a static file. Two that would be written
/// to one path (or a file where the build makes a folder) are an error naming
/// both, so that nothing the build writes silently replaces something else.
struct OutputClaims {
    /// One file the build would write.
    struct Claim {
        let path: String
        /// The input file it comes from, relative to the root; nil for a page Almanac makes.
        let origin: String?
        /// How a message names it.
        let name: String
    }

    private(set) var diagnostics: [Diagnostic] = []
    private var claims: [String: Claim] = [:]
    private var order: [Claim] = []

    /// The pages of a site, then the theme's files, then the static files:
    /// each later claim on a path is reported where it comes from.
    /// `paths`: each page's path.
    init(pages: [Page], paths: [String], site: LinkedSite, assets: [Theme.Asset], staticFiles: [ContentFile]) {
        for (page, path) in zip(pages, paths) {
            if case .entry(let id) = page, let entry = site.entries[id] {
                add(Claim(path: path, origin: entry.path, name: entry.path))
            } else {
                add(Claim(path: path, origin: nil, name: page.summary))
            }
        }
        for asset in assets { add(Claim(path: asset.path, origin: asset.origin, name: asset.origin)) }
        for file in staticFiles {
            if case .staticFile(let path) = file.role { add(Claim(path: path, origin: file.path, name: file.path)) }
        }
        reportFilesWhereFoldersGo()
        diagnostics.sort()
    }

    private mutating func add(_ claim: Claim) {
        guard let earlier = claims[claim.path] else {
            claims[claim.path] = claim
            order.append(claim)
            return
        }
        let (reported, other) = claim.origin == nil ? (earlier, claim) : (claim, earlier)
        guard let origin = reported.origin else { return }  // two generated pages: cannot happen
        diagnostics.append(.error(origin, nil, other.origin == nil
            ? "would overwrite the generated \(claim.path) (\(other.name)); rename or move it"
            : "would be written to \(claim.path), as \(other.name) is; rename or move one of them"))
    }

    /// A file at `a/b` and another at `a/b/c.html` cannot both be written.
    private mutating func reportFilesWhereFoldersGo() {
        var folders: [String: Claim] = [:]
        for claim in order {
            var path = claim.path[...]
            // Searched as bytes: as `Character`s, from the end, this was a twentieth of a one-event rebuild.
            while let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                path = path[..<slash]
                // A folder already claimed has its parents claimed too.
                guard folders[String(path)] == nil else { break }
                folders[String(path)] = claim
            }
        }
        for claim in order {
            guard let inside = folders[claim.path] else { continue }
            if let origin = claim.origin {
                diagnostics.append(.error(origin, nil, "would be written to \(claim.path), where the output needs a folder for \(inside.path) (\(inside.name)); rename or move it"))
            } else if let origin = inside.origin {
                diagnostics.append(.error(origin, nil, "would be written to \(inside.path), inside the generated \(claim.path) (\(claim.name)); rename or move it"))
            }
        }
    }
}
