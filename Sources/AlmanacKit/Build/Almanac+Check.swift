import Foundation

extension Almanac {
    /// What `build --check` found: the site's own problems, or how the output folder differs from a build.
    public struct OutputCheck: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Nil when the site could not be rendered (see `diagnostics`).
        public var comparison: OutputComparison?
        public var succeeded: Bool { !diagnostics.contains(where: \.isError) }
    }

    /// `build --check`: the build itself, without the cache, through the sink
    /// that compares every file with the output folder instead of writing it.
    public static func checkOutput(_ options: Options) -> OutputCheck {
        var options = options
        options.useCache = false
        let (report, comparison) = run(options, comparing: true)
        var check = OutputCheck(diagnostics: report.diagnostics, comparison: comparison)
        if let comparison {
            check.diagnostics = (check.diagnostics + comparison.diagnostics(outputPath: relative(options.output, to: options.root))).sorted()
        }
        return check
    }

    /// What is wrong with the planned output, once every page is known: two inputs
    /// on one path (see `OutputClaims`), and fragments and plain links that lead
    /// nowhere (see `checkLinks`). Every build and `almanac check` run it.
    /// `pathsAsBefore`: the output's files are the last build's, where no two inputs
    /// claimed one path (it succeeded): their claims are not checked again.
    static func outputProblems(_ renderer: SiteRenderer, theme: Theme, staticFiles: [ContentFile], pathsAsBefore: Bool = false) -> [Diagnostic] {
        let (claims, links) = Parallel.both(jobs: renderer.jobs, {
            pathsAsBefore ? []
                : OutputClaims(pages: renderer.pages, paths: renderer.paths, site: renderer.site, assets: theme.assets, staticFiles: staticFiles).diagnostics
        }) { checkLinks(renderer.site, paths: renderer.paths, theme: theme, staticFiles: staticFiles) }
        return claims + links
    }

    /// The static files of `Content/static/` with their paths in the output.
    static func staticPaths(_ files: [ContentFile]) -> [(String, ContentFile)] {
        files.compactMap { file -> (String, ContentFile)? in
            if case .staticFile(let path) = file.role { (path, file) } else { nil }
        }
    }
}
