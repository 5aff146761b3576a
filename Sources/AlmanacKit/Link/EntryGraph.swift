/// One reference between two entries.
public struct Edge: Sendable, Hashable {
    public let from: EntryID
    public let to: EntryID
    public let relation: Relation
}

/// Every reference of the site, from front matter and from bodies, inverted
/// once so that each page can list what refers to it.
public struct EntryGraph: Sendable {
    /// An edge between entries named by their number in the list the graph is made from.
    struct NumberedEdge: Sendable {
        let from: Int32
        let to: Int32
        let relation: Relation
    }

    /// Incoming edges of each entry, grouped by relation, then by the kind of the
    /// referring entry, each group in display order (`rank`: an entry's place among all).
    public let backlinks: [EntryID: [Edge]]

    /// `edges` between `ids` by number; `rank[n]`: the place of entry `n` in display order;
    /// `fields`: the site's custom fields, whose reference fields are relations of their own.
    ///
    /// One sort of integer records, not of edges (each holds two ids, whose strings a
    /// sort or a lookup would retain, hash or compare): the target, then one key for
    /// relation, kind of the referring entry and its place, then the referring entry;
    /// duplicates end up side by side.
    init(ids: [EntryID], edges: [NumberedEdge], rank: [Int], fields: SiteFields = .none) {
        var keyed: [(target: Int32, from: Int32, key: Int, relation: Relation)] = []
        keyed.reserveCapacity(edges.count)
        for edge in edges where edge.from != edge.to {
            let from = Int(edge.from)
            keyed.append((edge.to, edge.from, fields.rank(of: edge.relation) << 48 | ids[from].kind.rank << 41 | min(rank[from], 1 << 40), edge.relation))
        }
        keyed.sort { a, b in
            if a.target != b.target { return a.target < b.target }
            if a.key != b.key { return a.key < b.key }
            return a.from < b.from
        }
        var backlinks: [EntryID: [Edge]] = [:]
        var start = 0
        while start < keyed.count {
            let target = keyed[start].target
            var unique: [Edge] = []
            var end = start
            while end < keyed.count, keyed[end].target == target {
                let (_, from, key, relation) = keyed[end]
                if end == start || keyed[end - 1].key != key || keyed[end - 1].from != from {
                    unique.append(Edge(from: ids[Int(from)], to: ids[Int(target)], relation: relation))
                }
                end += 1
            }
            backlinks[ids[Int(target)]] = unique
            start = end
        }
        self.backlinks = backlinks
    }

    public func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        (backlinks[id] ?? []).filter { $0.relation == relation }.map(\.from)
    }

    /// Incoming edges of the reference fields (site.yml `fields:`), in declared order.
    public func incomingFields(_ id: EntryID) -> [Edge] {
        (backlinks[id] ?? []).filter { if case .field = $0.relation { true } else { false } }
    }

    /// Incoming edges with their sources listed once per relation.
    public func incoming(_ id: EntryID) -> [Edge] { backlinks[id] ?? [] }
}
