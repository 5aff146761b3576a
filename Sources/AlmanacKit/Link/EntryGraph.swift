/// One reference between two entries.
public struct Edge: Sendable, Hashable, Codable {
    public let from: EntryID
    public let to: EntryID
    public let relation: Relation
}

/// Every reference of the site, from front matter and from bodies, inverted
/// once so that each page can list what refers to it.
public struct EntryGraph: Sendable {
    /// Incoming edges of each entry, grouped by relation, then by the kind of the
    /// referring entry, each group in display order (`order`: an entry's place among its kind).
    public let backlinks: [EntryID: [Edge]]

    init(edges: [Edge], order: [EntryID: Int]) {
        var incoming: [EntryID: Set<Edge>] = [:]
        for edge in edges where edge.from != edge.to {
            incoming[edge.to, default: []].insert(edge)
        }
        backlinks = incoming.mapValues { edges in
            edges.sorted { a, b in
                if a.relation != b.relation { return a.relation < b.relation }
                if a.from.kind != b.from.kind { return a.from.kind < b.from.kind }
                let (ra, rb) = (order[a.from, default: .max], order[b.from, default: .max])
                return ra != rb ? ra < rb : a.from < b.from
            }
        }
    }

    public func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        (backlinks[id] ?? []).filter { $0.relation == relation }.map(\.from)
    }

    /// Incoming edges with their sources listed once per relation.
    public func incoming(_ id: EntryID) -> [Edge] { backlinks[id] ?? [] }
}
