import Foundation

extension Almanac {
    /// What `build --check` found: the site's own problems, or how the output folder differs from a build.
    public struct OutputCheck: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Nil when the site could not be rendered (see `diagnostics`).
        public var comparison: OutputComparison?
        public var succeeded: Bool { !diagnostics.contains(where: \.isError) }
    }

    /// `build --check`: renders every file in memory, with the same renderer as
    /// `build`, and compares it with the output folder. Writes nothing.
    public static func checkOutput(_ options: Options) -> OutputCheck {
        var check = OutputCheck()
        let outputPath = relative(options.output, to: options.root)
        let loaded = load(options)
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        check.diagnostics = (loaded.diagnostics + themeDiagnostics).sorted()
        guard let site = loaded.site, let theme, check.succeeded else { return check }
        let renderer = SiteRenderer(site: site, theme: theme, jobs: options.jobs)
        let statics = staticFiles(loaded.staticFiles, renderer: renderer, theme: theme)
        check.diagnostics += statics.diagnostics
        guard check.succeeded else { check.diagnostics.sort(); return check }

        // Pages are rendered and compared in parallel, one at a time each, so a large site is never all in memory.
        var statuses: [(String, OutputComparison.Status)] = Parallel.map(renderer.pages, jobs: options.jobs) { page in
            (page.path, OutputComparison.status(of: renderer.render(page), at: page.path, in: options.output))
        }
        for asset in theme.assets {
            statuses.append((asset.path, OutputComparison.status(of: asset.data, at: asset.path, in: options.output)))
        }
        for (path, file) in statics.files {
            guard let data = try? Data(contentsOf: file.url) else {
                check.diagnostics.append(.error(file.path, nil, "cannot be read"))
                continue
            }
            statuses.append((path, OutputComparison.status(of: data, at: path, in: options.output)))
        }
        var comparison = OutputComparison()
        for (path, status) in statuses {
            switch status {
            case .current: break
            case .stale: comparison.stale.append(path)
            case .missing: comparison.missing.append(path)
            }
        }
        let expected = Set(statuses.map(\.0))
        comparison.extra = OutputComparison.files(in: options.output).filter { !expected.contains($0) }
        let order: (String, String) -> Bool = { $0.precedesInUTF8($1) }
        comparison.stale.sort(by: order)
        comparison.missing.sort(by: order)
        check.comparison = comparison
        check.diagnostics = (check.diagnostics + comparison.diagnostics(outputPath: outputPath)).sorted()
        return check
    }

    /// The static files of `Content/static/` with their paths in the output, and an
    /// error for every two inputs that would be written to one path (see `OutputClaims`).
    static func staticFiles(_ files: [ContentFile], renderer: SiteRenderer, theme: Theme) -> (files: [(String, ContentFile)], diagnostics: [Diagnostic]) {
        let claims = OutputClaims(pages: renderer.pages, site: renderer.site, assets: theme.assets, staticFiles: files)
        let statics = files.compactMap { file -> (String, ContentFile)? in
            if case .staticFile(let path) = file.role { (path, file) } else { nil }
        }
        return (statics, claims.diagnostics)
    }
}
