import Mustache

/// The theme's templates as a graph of the partials they include, checked
/// before anything is rendered: swift-mustache renders a partial that
/// includes itself (directly, through other partials, or as its own parent)
/// until the stack overflows, and so it does with nesting thousands deep.
struct TemplateGraph {
    struct Template {
        let origin: String
        let text: String
        let template: MustacheTemplate
    }

    let templates: [String: Template]
    /// The site's own templates: problems are reported in them.
    let own: Set<String>
    private var structures: [String: TemplatePartials.Structure] = [:]
    /// Each template's deepest nesting, partials included; nil when it recurses or nests too deep.
    private var depths: [String: Int?] = [:]
    private var path: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(templates: [String: Template], own: Set<String>) {
        self.templates = templates
        self.own = own
    }

    /// The partials `name` names, in order (its token tree is walked once).
    mutating func structure(of name: String) -> TemplatePartials.Structure {
        if let known = structures[name] { return known }
        let structure = templates[name].map { TemplatePartials.structure(of: $0.template) } ?? .init()
        structures[name] = structure
        return structure
    }

    /// Checks every template reachable from the site's own.
    mutating func check() {
        for name in own.sorted() { _ = depth(of: name) }
    }

    private mutating func depth(of name: String) -> Int? {
        if let known = depths[name] { return known }
        guard templates[name] != nil else { return 0 }  // a missing partial is reported on its own
        if let start = path.firstIndex(of: name) {
            reportCycle(Array(path[start...]) + [name])
            return nil
        }
        path.append(name)
        defer { path.removeLast() }
        let structure = structure(of: name)
        var total: Int? = structure.depth
        for reference in structure.references {
            if reference.isDynamic {
                report(in: name, at: reference.name, "dynamic partial '*\(reference.name)': its template is chosen by the data, so Almanac cannot check it for recursion; name the partial")
                total = nil
                continue
            }
            guard let inner = depth(of: reference.name) else { total = nil; continue }
            let nested = reference.depth + 1 + inner
            if nested > TemplateNesting.limit {
                report(in: name, at: reference.name, "partial '\(reference.name)' takes sections and partials \(nested) deep; at most \(TemplateNesting.limit) may stand one inside another")
                total = nil
            }
            total = total.map { max($0, nested) }
        }
        depths[name] = total
        return total
    }

    /// `cycle` starts and ends with the same template; it is reported at the
    /// last of the site's own templates in it, where it names the next.
    private mutating func reportCycle(_ cycle: [String]) {
        let at = cycle.dropLast().lastIndex(where: own.contains) ?? cycle.count - 2
        let chain = cycle.joined(separator: " → ")
        report(in: cycle[at], at: cycle[at + 1],
               "partial '\(cycle[at + 1])' includes this template again (\(chain)); a template must not include itself, directly or through other partials")
    }

    private mutating func report(in name: String, at partial: String, _ message: String) {
        guard let template = templates[name] else { return }
        // A template that names a partial twice (the default `partials/mentions` names the list twice) meets a cycle twice: said once.
        let diagnostic = Diagnostic.error(template.origin, TemplatePartials.position(of: partial, in: template.text), message)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
}
