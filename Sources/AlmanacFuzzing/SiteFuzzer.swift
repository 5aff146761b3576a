import AlmanacKit
import Foundation

/// One fuzzing input as a site: the bytes, split at each 0xFF (a byte UTF-8
/// never uses), become site.yml and one file of each kind. The site is built
/// with the whole pipeline, and what must hold whatever the input is checked.
///
/// Used by the libFuzzer target `almanac-fuzz` and by `FuzzRegressionTests`,
/// which replays the corpus and every input that ever failed.
public enum SiteFuzzer {
    static let paths = [
        "Content/site.yml", "Content/actors/a.md", "Content/events/e.md", "Content/polls/p.md",
        "Content/sources/s.md", "Content/pages/g.md", "Content/index.md",
    ]

    /// Writes the site of `input` into `root` (emptied first).
    public static func materialize(_ input: [UInt8], at root: URL) throws {
        try? FileManager.default.removeItem(at: root)
        for folder in ["actors", "events", "polls", "sources", "pages"] {
            try FileManager.default.createDirectory(at: root.appending(path: "Content/\(folder)"), withIntermediateDirectories: true)
        }
        let pieces = input.split(separator: 0xFF, omittingEmptySubsequences: false)
        for (path, piece) in zip(paths, pieces) {
            try Data(piece).write(to: root.appending(path: path))
        }
    }

    /// Builds the site of `input` in `root` and returns what went wrong that never should.
    public static func check(_ input: [UInt8], root: URL) -> [String] {
        do { try materialize(input, at: root) } catch { return ["cannot write the site: \(error)"] }
        var options = Almanac.Options(root: root)
        options.jobs = 1
        let report = Almanac.build(options)
        var problems: [String] = []
        for diagnostic in report.diagnostics where !["Content", "Templates", "Output"].contains(where: { diagnostic.path.hasPrefix($0) }) {
            problems.append("diagnostic outside the site: \(diagnostic)")
        }
        for diagnostic in report.diagnostics where diagnostic.message.isEmpty || (diagnostic.line ?? 1) < 1 || (diagnostic.column ?? 1) < 1 {
            problems.append("diagnostic without a message or with a bad position: \(diagnostic)")
        }
        let output = options.output
        guard report.succeeded else {
            if FileManager.default.fileExists(atPath: output.path) { problems.append("a failed build wrote \(output.path)") }
            return problems
        }
        let siteYml = (try? String(contentsOf: root.appending(path: paths[0]), encoding: .utf8)) ?? ""
        let unsafeHTML = siteYml.contains("unsafe")
        let files = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? []
        if !files.contains("index.html") { problems.append("a successful build wrote no index.html") }
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".js") {
            guard let data = FileManager.default.contents(atPath: output.appending(path: file).path) else { continue }
            let text = String(decoding: data, as: UTF8.self).lowercased()
            if !unsafeHTML, file.hasSuffix(".html") {
                for scheme in ["javascript:", "vbscript:", "data:text"] where text.contains("href=\"\(scheme)") || text.contains("src=\"\(scheme)") {
                    problems.append("\(file) links to \(scheme)")
                }
                let scripts = text.components(separatedBy: "<script").count - 1
                // The theme's: scripts it loads, and the page's JSON-LD, which no value may end or leave.
                let linkedData = text.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
                let themeScripts = text.components(separatedBy: "<script src=").count - 1 + linkedData.count
                if scripts != themeScripts { problems.append("\(file) has a script the theme did not put there") }
                // Its first `<` must be the one of its own `</script>`.
                if linkedData.contains(where: { $0.firstIndex(of: "<") != $0.firstRange(of: "</script>")?.lowerBound }) {
                    problems.append("\(file) has JSON-LD that a value ends early")
                }
            }
            if file.hasSuffix(".js"), text.contains("</script") { problems.append("\(file) can close a script element") }
        }
        return problems
    }
}
