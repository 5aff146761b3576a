import Foundation
import Mustache

/// The templates and assets a site is rendered with: the default theme built
/// into `almanac` (the repository's `Templates/`), overridden file by file by
/// the site's own `Templates/`.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Files that are not templates (CSS, scripts, images), copied to `Output/` at the same path.
    public let assets: [Asset]

    public struct Asset: Sendable {
        public let path: String
        public let data: Data
        /// `Templates/PATH`, or `(default theme) Templates/PATH`.
        public let origin: String
    }
    /// A hash of every file of the theme: what a page reads of it (`ReadKey.theme`).
    let fingerprint: UInt64
    /// The site's own interface strings, `Templates/i18n/LANGUAGE.yml`, by language (see `Interface.load`).
    let strings: [String: StringTable]
    /// Each template's text, by name (`partials/item`), for `InterfaceConstants`.
    let texts: [String: String]

    /// A site's own stylesheet, linked after the theme's (`assets/style.css`) when
    /// the site has one: it adjusts the look without replacing the whole stylesheet.
    static let siteStylesheet = "assets/site.css"

    var hasSiteStylesheet: Bool { assets.contains { $0.path == Theme.siteStylesheet } }

    /// The templates every site needs; a theme without one of them cannot render.
    static let requiredTemplates = [
        "layout", "home", "timeline", "actors", "actor", "event", "polls", "poll",
        "sources", "source", "page", "search", "404", "feed", "sitemap", "tags", "tag", "places", "place",
    ]

    public static func load(root: URL) -> (Theme?, [Diagnostic]) {
        var files: [String: (origin: String, data: Data)] = [:]
        for (path, base64) in DefaultTheme.base64Files {
            files[path] = ("(default theme) Templates/" + path, Data(base64Encoded: base64)!)
        }
        let defaults = files
        var diagnostics: [Diagnostic] = []
        let own = root.appending(path: "Templates")
        if isSymbolicLink(own) {
            diagnostics.append(.error("Templates", nil, "symbolic link; not followed (a theme's files must be inside the site)"))
        } else if isDirectory(own) {
            collect(own, prefix: "", into: &files, diagnostics: &diagnostics)
        }

        FastHTMLContentType.register()
        var library = MustacheLibrary()
        var templates: [String: TemplateGraph.Template] = [:]
        var assets: [Asset] = []
        var strings: [String: StringTable] = [:]
        var fingerprint = StableHasher()
        for path in files.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            let (origin, data) = files[path]!
            fingerprint.combine(path)
            data.withUnsafeBytes { fingerprint.combine($0) }
            if path.hasPrefix(DefaultStrings.folder) {
                // Interface strings: the built-in ones are read from the binary; a site's own file adds to them.
                guard let language = DefaultStrings.language(of: path) else {
                    diagnostics.append(.error(origin, nil, "not an interface strings file: Templates/i18n/ holds LANGUAGE.yml files only (en.yml, ru.yml...)"))
                    continue
                }
                guard defaults[path]?.data != data else { continue }
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(origin, nil, "is not valid UTF-8"))
                    continue
                }
                if let table = StringTable.parse(text, origin: origin, diagnostics: &diagnostics) {
                    strings[language] = table
                    diagnostics += Interface.problems(in: table)
                }
                continue
            }
            guard path.hasSuffix(".mustache") else {
                assets.append(Asset(path: path, data: data, origin: origin))
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(origin, nil, "is not valid UTF-8"))
                continue
            }
            if let at = TemplateNesting.tooDeep(text) {
                diagnostics.append(.error(origin, at, "sections nest more than \(TemplateNesting.limit) deep"))
                continue
            }
            do {
                let template = try MustacheTemplate(string: FastHTMLContentType.pragma + "\n" + text)
                library.register(template, named: name)
                templates[name] = TemplateGraph.Template(origin: origin, text: text, template: template)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma takes a line of its own before the template's text.
                let at = SourcePosition(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                diagnostics.append(.error(origin, at, "template syntax: \(describe(error.error))"))
            } catch {
                diagnostics.append(.error(origin, nil, "template syntax: \(error)"))
            }
        }
        // swift-mustache renders a partial it cannot find as nothing: name every one that is missing.
        // Only the site's own templates can name one, or recurse: the default theme's partials are
        // all there and include no template twice (tests check it), and a site's files add to them,
        // never take any away. (Finding a template's partials walks its tokens through `Mirror`,
        // which took two thirds of loading the theme.)
        let changed = Set(templates.keys.filter { defaults[$0 + ".mustache"]?.data != files[$0 + ".mustache"]?.data })
        var graph = TemplateGraph(templates: templates, own: changed)
        for name in changed.sorted() {
            let template = templates[name]!
            // A partial whose own file has a syntax error is reported there, not at every use.
            for partial in Set(graph.structure(of: name).references.filter { !$0.isDynamic }.map { $0.name }).sorted() where files[partial + ".mustache"] == nil {
                let known = templates.keys.sorted()
                diagnostics.append(.error(template.origin, TemplatePartials.position(of: partial, in: template.text),
                                          "no template '\(partial)' for this partial\(Suggestions.hint(for: partial, in: known))"))
            }
        }
        graph.check()
        diagnostics += graph.diagnostics
        for name in requiredTemplates where files[name + ".mustache"] == nil {
            diagnostics.append(.error("Templates/\(name).mustache", nil, "missing: the theme has no template '\(name)'"))
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets, fingerprint: fingerprint.value, strings: strings, texts: templates.mapValues(\.text)), diagnostics)
    }

    private static func collect(_ folder: URL, prefix: String, into files: inout [String: (origin: String, data: Data)], diagnostics: inout [Diagnostic]) {
        for (name, type) in DirectoryEntries.sorted(in: folder.path) ?? [] where !name.hasPrefix(".") {
            let url = folder.appending(path: name)
            let path = prefix + name
            if type == .invalidName {
                diagnostics.append(.error("Templates/" + path, nil, "the file's name is not valid UTF-8 (\\xHH marks each byte that is not); rename it"))
            } else if isSymbolicLink(url) {
                diagnostics.append(.error("Templates/" + path, nil, "symbolic link; not followed"))
            } else if isDirectory(url) {
                collect(url, prefix: path + "/", into: &files, diagnostics: &diagnostics)
            } else if !isRegularFile(url) {
                diagnostics.append(.error("Templates/" + path, nil, "not a regular file (a pipe, socket or device); not read"))
            } else if let data = try? Data(contentsOf: url) {
                files[path] = ("Templates/" + path, data)
            } else {
                diagnostics.append(.error("Templates/" + path, nil, "cannot be read"))
            }
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: "only blocks may stand inside an inherited partial"
        case .textInsideInheritSection: "text inside an inherited partial"
        case .invalidConfigVariableSyntax: "malformed config variable"
        case .unrecognisedConfigVariable: "unknown config variable"
        case nil: "\(error)"
        }
    }

    /// Renders `context` with the template `name`.
    func render(_ name: String, _ context: TemplateContext) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
