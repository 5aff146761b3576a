import AlmanacKit
import Foundation

/// One fuzzing input as a theme: the bytes, split at each 0xFF, become the
/// templates below, over a small fixed site that uses each of them. The site
/// is checked, built and checked against its output, and what must always hold
/// is checked: a theme may be refused, but never crash or hang a build.
///
/// Used by `almanac-fuzz` when ALMANAC_FUZZ_TARGET=theme (`scripts/fuzz theme`)
/// and by `FuzzRegressionTests`, which replays `Fixtures/fuzz-theme/`.
public enum ThemeFuzzer {
    static let templates = [
        "Templates/actor.mustache", "Templates/layout.mustache", "Templates/partials/a.mustache",
        "Templates/partials/b.mustache", "Templates/page.mustache", "Templates/home.mustache",
    ]

    static let site = [
        "Content/site.yml": "title: Fuzz\nbase_url: https://example.org/\n",
        "Content/index.md": "---\ntitle: Home\n---\nSee [Ann](actor:ann).\n",
        "Content/actors/ann.md": "---\ntitle: Ann\nkind: person\naliases: [A]\n---\nAnn and [the page](page:p).\n",
        "Content/pages/p.md": "---\ntitle: P\nsummary: A page\n---\n# P\n\nText <b>.\n",
    ]

    /// Writes the site and the theme of `input` into `root` (emptied first).
    public static func materialize(_ input: [UInt8], at root: URL) throws {
        try? FileManager.default.removeItem(at: root)
        for folder in ["Content/actors", "Content/pages", "Templates/partials"] {
            try FileManager.default.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        for (path, text) in site { try Data(text.utf8).write(to: root.appending(path: path)) }
        let pieces = input.split(separator: 0xFF, omittingEmptySubsequences: false)
        for (path, piece) in zip(templates, pieces) {
            try Data(piece).write(to: root.appending(path: path))
        }
    }

    /// Checks and builds the theme of `input` in `root`; returns what went wrong that never should.
    public static func check(_ input: [UInt8], root: URL) -> [String] {
        do { try materialize(input, at: root) } catch { return ["cannot write the site: \(error)"] }
        var options = Almanac.Options(root: root)
        options.jobs = 2
        let checked = Almanac.check(options)
        let report = Almanac.build(options)
        var problems: [String] = []
        for diagnostic in checked.diagnostics + report.diagnostics {
            if !["Content/", "Templates/", "(default theme) Templates/"].contains(where: diagnostic.path.hasPrefix) {
                problems.append("diagnostic outside the site: \(diagnostic)")
            }
            if diagnostic.message.isEmpty || (diagnostic.line ?? 1) < 1 || (diagnostic.column ?? 1) < 1 || diagnostic.description.contains("\n") {
                problems.append("diagnostic without a message, on two lines or with a bad position: \(diagnostic)")
            }
        }
        if checked.succeeded != report.succeeded {
            problems.append("check and build disagree: \(checked.diagnostics) / \(report.diagnostics)")
        }
        let output = options.output
        guard report.succeeded else {
            if FileManager.default.fileExists(atPath: output.path) { problems.append("a failed build wrote \(output.path)") }
            return problems
        }
        let current = Almanac.checkOutput(options)
        if current.comparison?.isCurrent != true { problems.append("build --check after a build: \(current.diagnostics)") }
        return problems
    }
}
