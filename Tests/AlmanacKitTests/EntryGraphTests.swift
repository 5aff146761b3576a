import Testing
@testable import AlmanacKit

@Suite struct EntryGraphTests {
    @Test func backlinksAreOrderedByRelationThenKindThenPlace() {
        let actor = EntryID(.actor, "a")
        let (event0, event1, poll0) = (EntryID(.event, "e0"), EntryID(.event, "e1"), EntryID(.poll, "p0"))
        let page = EntryID(.page, "about")
        // Entries are numbered by their place in `ids`, as the linker numbers them.
        let ids = [actor, event0, event1, poll0, page]
        // Entries of different kinds share places (0 among events, 0 among polls): kind breaks the tie.
        let rank = [1 << 40, 0, 1, 0, 0]
        func edge(_ from: EntryID, _ relation: Relation) -> EntryGraph.NumberedEdge {
            EntryGraph.NumberedEdge(from: Int32(ids.firstIndex(of: from)!), to: 0, relation: relation)  // to the actor
        }
        let edges = [
            edge(poll0, .mentions), edge(event1, .mentions), edge(page, .mentions), edge(event0, .mentions),
            edge(event1, .participant), edge(event1, .participant), edge(actor, .mentions),
        ]
        let graph = EntryGraph(ids: ids, edges: edges, rank: rank)
        #expect(graph.incoming(actor, .participant) == [event1])
        #expect(graph.incoming(actor, .mentions) == [event0, event1, poll0, page])
    }
}
