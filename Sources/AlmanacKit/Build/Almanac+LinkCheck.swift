extension Almanac {
    /// After rendering is planned, when every file of the build is known: the
    /// fragments and plain links of every body, linked now or reused, checked
    /// against the pages' ids and the files written (see `LinkCheck`).
    /// `paths`: the pages' paths.
    static func checkLinks(_ site: LinkedSite, paths: [String], theme: Theme, staticFiles: [ContentFile]) -> [Diagnostic] {
        LinkCheck.problems(in: site) {
            var files = Set(paths)
            // An entry whose file has errors has its page once they are fixed: a link to it is not wrong.
            files.formUnion(site.broken.keys.map(\.outputPath))
            files.formUnion(theme.assets.map(\.path))
            for file in staticFiles {
                if case .staticFile(let path) = file.role { files.insert(path) }
            }
            return files
        }
    }
}
