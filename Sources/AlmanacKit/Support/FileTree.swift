import Foundation

/// The files below a folder, found as `build` finds a site's files: a symbolic
/// link is followed only to a file inside the folder; one that leads out of it,
/// to a folder, nowhere or in a circle is refused, and so is a name that is not
/// UTF-8. Nothing outside the folder is ever read through what this lists.
enum FileTree {
    struct Listing {
        /// Paths relative to the folder, in the order of their bytes.
        var files: [String] = []
        /// Path → why it is not listed.
        var refused: [(path: String, reason: String)] = []
    }

    static func list(_ folder: URL) -> Listing {
        var listing = Listing()
        let base = realPath(folder) ?? folder.standardizedFileURL.path
        walk(folder.standardizedFileURL.path, prefix: "", base: base, into: &listing)
        listing.files.sort { $0.precedesInUTF8($1) }
        return listing
    }

    private static func walk(_ folder: String, prefix: String, base: String, into listing: inout Listing) {
        for (name, type) in DirectoryEntries.sorted(in: folder) ?? [] {
            let path = prefix + name
            let absolute = folder + "/" + name
            switch type {
            case .regular: listing.files.append(path)
            case .directory: walk(absolute, prefix: path + "/", base: base, into: &listing)
            case .invalidName: listing.refused.append((path, "the name is not valid UTF-8; not read"))
            case .other:
                let url = URL(fileURLWithPath: absolute)
                guard isSymbolicLink(url) else {
                    if isDirectory(url) { walk(absolute, prefix: path + "/", base: base, into: &listing) }
                    else if isRegularFile(url) { listing.files.append(path) }
                    else { listing.refused.append((path, "not a regular file (a pipe, socket or device); not read")) }
                    continue
                }
                guard let target = realPath(url) else {
                    listing.refused.append((path, "symbolic link that leads nowhere or in a circle; not followed"))
                    continue
                }
                if !(target.hasPrefix(base + "/")) {
                    listing.refused.append((path, "symbolic link to \(target), outside the folder; not followed"))
                } else if isDirectory(url) {
                    listing.refused.append((path, "symbolic link to a folder; not followed"))
                } else if isRegularFile(url) {
                    listing.files.append(path)
                } else {
                    listing.refused.append((path, "symbolic link to something that is not a regular file; not followed"))
                }
            }
        }
    }
}
