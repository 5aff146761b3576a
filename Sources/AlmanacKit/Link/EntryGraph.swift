/// One reference between two entries.
public struct Edge: Sendable, Hashable {
    public let from: EntryID
    public let to: EntryID
    public let relation: Relation
}

/// Every reference of the site, from front matter and from bodies, inverted
/// once so that each page can list what refers to it.
public struct EntryGraph: Sendable {
    /// Incoming edges of each entry, grouped by relation, each group in display order.
    public let backlinks: [EntryID: [Edge]]

    init(edges: [Edge], order: [EntryID: Int]) {
        var incoming: [EntryID: Set<Edge>] = [:]
        for edge in edges where edge.from != edge.to {
            incoming[edge.to, default: []].insert(edge)
        }
        backlinks = incoming.mapValues { edges in
            edges.sorted { a, b in
                if a.relation != b.relation { return a.relation < b.relation }
                let (rankA, rankB) = (order[a.from, default: .max], order[b.from, default: .max])
                // Ranks are per kind, so entries of different kinds can tie: the ID decides.
                return rankA != rankB ? rankA < rankB : a.from < b.from
            }
        }
    }

    public func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        (backlinks[id] ?? []).filter { $0.relation == relation }.map(\.from)
    }

    /// Incoming edges with their sources listed once per relation.
    public func incoming(_ id: EntryID) -> [Edge] { backlinks[id] ?? [] }
}
