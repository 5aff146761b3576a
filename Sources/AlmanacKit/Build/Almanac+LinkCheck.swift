extension Almanac {
    /// After rendering is planned, when every file of the build is known: the
    /// fragments and plain links of every body, linked now or reused, checked
    /// against the pages' ids and the files written (see `LinkCheck`).
    static func checkLinks(_ site: LinkedSite, pages: [Page], theme: Theme, staticFiles: [ContentFile]) -> [Diagnostic] {
        var files = Set(pages.map(\.path))
        // An entry whose file has errors has its page once they are fixed: a link to it is not wrong.
        files.formUnion(site.broken.keys.map(\.outputPath))
        files.formUnion(theme.assets.map(\.path))
        for file in staticFiles {
            if case .staticFile(let path) = file.role { files.insert(path) }
        }
        return LinkCheck.problems(in: site, files: files)
    }
}
