/// The ids the default theme (Templates/*.mustache) puts on an entry's page
/// beside its body's headings: the one place that lists them. Keep it in step
/// with the templates.
enum ThemeAnchors {
    /// Ids on every page of the kind: a fragment on a cross-reference may name them.
    static func always(on kind: EntryKind) -> [String] {
        switch kind {
        case .poll: ["main", "results", "results-heading", "cite"]
        case .home: ["main"]
        default: ["main", "cite"]
        }
    }

    /// Every id the theme may put on a page of the kind (some only when there is
    /// something to show): a heading's id is never one of them.
    static func reserved(on kind: EntryKind) -> Set<String> {
        var ids = Set(always(on: kind))
        if kind != .home { ids.insert("referenced-by") }
        switch kind {
        case .actor: ids.formUnion(["timeline-heading", "actor-timeline-caption", "events", "polls-run", "polls-named"])
        case .event: ids.formUnion(["actors", "sources"])
        case .poll: ids.formUnion(["chart-title", "actors", "sources"])
        case .source: ids.formUnion(["cited-by"])
        case .page: break
        case .home: ids.formUnion(["about-site", "downloads"])
        }
        return ids
    }
}
