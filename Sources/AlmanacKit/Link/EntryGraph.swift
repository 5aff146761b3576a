/// One reference between two entries.
public struct Edge: Sendable, Hashable {
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
        // One sort of small integer records, not of edges (each holds two ids, whose
        // strings a sort would retain and release at every move): the target's number,
        // then one key for relation, kind of the referring entry and its place, then
        // the edge's index; duplicates end up side by side.
        var targets: [EntryID: Int] = [:]
        var targetIDs: [EntryID] = []
        var keyed: [(target: Int, key: Int, index: Int)] = []
        keyed.reserveCapacity(edges.count)
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            let target: Int
            if let known = targets[edge.to] {
                target = known
            } else {
                target = targetIDs.count
                targets[edge.to] = target
                targetIDs.append(edge.to)
            }
            let place = min(order[edge.from, default: 1 << 40], 1 << 40)
            keyed.append((target, edge.relation.rank << 48 | edge.from.kind.rank << 41 | place, index))
        }
        keyed.sort { a, b in
            if a.target != b.target { return a.target < b.target }
            if a.key != b.key { return a.key < b.key }
            return edges[a.index].from < edges[b.index].from
        }
        var backlinks: [EntryID: [Edge]] = [:]
        backlinks.reserveCapacity(targetIDs.count)
        var start = 0
        while start < keyed.count {
            var end = start
            var unique: [Edge] = []
            while end < keyed.count, keyed[end].target == keyed[start].target {
                let edge = edges[keyed[end].index]
                if unique.last != edge { unique.append(edge) }
                end += 1
            }
            backlinks[targetIDs[keyed[start].target]] = unique
            start = end
        }
        self.backlinks = backlinks
    }

    public func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        (backlinks[id] ?? []).filter { $0.relation == relation }.map(\.from)
    }

    /// Incoming edges with their sources listed once per relation.
    public func incoming(_ id: EntryID) -> [Edge] { backlinks[id] ?? [] }
}
