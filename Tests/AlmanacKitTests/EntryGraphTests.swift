import Testing
@testable import AlmanacKit

@Suite struct EntryGraphTests {
    @Test func backlinksAreOrderedByRelationThenKindThenPlace() {
        let actor = EntryID(.actor, "a")
        let (event0, event1, poll0) = (EntryID(.event, "e0"), EntryID(.event, "e1"), EntryID(.poll, "p0"))
        let page = EntryID(.page, "about")
        // Entries of different kinds share places (0 among events, 0 among polls): kind breaks the tie.
        let order = [event0: 0, event1: 1, poll0: 0, page: 0]
        let edges = [
            Edge(from: poll0, to: actor, relation: .mentions), Edge(from: event1, to: actor, relation: .mentions),
            Edge(from: page, to: actor, relation: .mentions), Edge(from: event0, to: actor, relation: .mentions),
            Edge(from: event1, to: actor, relation: .participant), Edge(from: event1, to: actor, relation: .participant),
            Edge(from: actor, to: actor, relation: .mentions),
        ]
        let graph = EntryGraph(edges: edges, order: order)
        #expect(graph.incoming(actor, .participant) == [event1])
        #expect(graph.incoming(actor, .mentions) == [event0, event1, poll0, page])
    }
}
