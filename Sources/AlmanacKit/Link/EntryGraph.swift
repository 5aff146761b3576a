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
        // Each edge with its sort key computed once, as one integer: relation, kind of
        // the referring entry, its place; sorting puts duplicates side by side.
        struct Keyed {
            let edge: Edge
            let key: Int
        }
        var incoming: [EntryID: [Keyed]] = [:]
        for edge in edges where edge.from != edge.to {
            let place = min(order[edge.from, default: 1 << 40], 1 << 40)
            let key = edge.relation.rank << 48 | edge.from.kind.rank << 41 | place
            incoming[edge.to, default: []].append(Keyed(edge: edge, key: key))
        }
        backlinks = incoming.mapValues { edges in
            let sorted = edges.sorted { a, b in
                a.key != b.key ? a.key < b.key : a.edge.from < b.edge.from
            }
            var unique: [Edge] = []
            unique.reserveCapacity(sorted.count)
            for keyed in sorted where unique.last != keyed.edge { unique.append(keyed.edge) }
            return unique
        }
    }

    public func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        (backlinks[id] ?? []).filter { $0.relation == relation }.map(\.from)
    }

    /// Incoming edges with their sources listed once per relation.
    public func incoming(_ id: EntryID) -> [Edge] { backlinks[id] ?? [] }
}
