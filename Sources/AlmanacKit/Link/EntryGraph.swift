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
    /// Integer records, not edges, are sorted (each edge holds two ids, whose strings a
    /// sort or a lookup would retain, hash or compare): put in order of target by
    /// counting, then each target's sorted by one key for relation, kind of the
    /// referring entry and its place, then by the referring entry; duplicates end up
    /// side by side.
    init(ids: [EntryID], edges: [NumberedEdge], rank: [Int], fields: SiteFields = .none) {
        // Where each target's records start.
        var starts = [Int](repeating: 0, count: ids.count + 1)
        for edge in edges where edge.from != edge.to { starts[Int(edge.to) + 1] += 1 }
        for target in ids.indices { starts[target + 1] += starts[target] }
        var next = starts
        var keyed = [(key: Int, from: Int32, edge: Int32)](repeating: (0, 0, 0), count: starts[ids.count])
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            let from = Int(edge.from)
            keyed[next[Int(edge.to)]] = (fields.rank(of: edge.relation) << 48 | ids[from].kind.rank << 41 | min(rank[from], 1 << 40), edge.from, Int32(index))
            next[Int(edge.to)] += 1
        }
        var backlinks: [EntryID: [Edge]] = [:]
        backlinks.reserveCapacity(ids.count)
        keyed.withUnsafeMutableBufferPointer { keyed in
            for target in ids.indices where starts[target] < starts[target + 1] {
                var records = UnsafeMutableBufferPointer(rebasing: keyed[starts[target] ..< starts[target + 1]])
                records.sort { a, b in a.key != b.key ? a.key < b.key : a.from < b.from }
                var unique: [Edge] = []
                unique.reserveCapacity(records.count)
                for (place, record) in records.enumerated()
                where place == 0 || records[place - 1].key != record.key || records[place - 1].from != record.from {
                    unique.append(Edge(from: ids[Int(record.from)], to: ids[target], relation: edges[Int(record.edge)].relation))
                }
                backlinks[ids[target]] = unique
            }
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
