import Foundation
import Testing
@testable import AlmanacKit

/// Custom fields (site.yml `fields:`) as the model gives them to other stages:
/// typed values in declared order, references as edges of the entry graph.
@Suite struct CustomFieldTests {
    static let settings = """
        title: T
        fields:
          events:
            vote: { type: string, required: true }
            attendance: integer
            members: [actor]
            when: date
            notes: text

        """

    func fields() throws -> SiteFields {
        let (config, diagnostics) = EntryParser.parseSiteConfig(CustomFieldTests.settings, path: "site.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(config).fields
    }

    @Test func valuesAreTypedAndInDeclaredOrder() throws {
        let text = "---\ntitle: T\ndate: 2022\nnotes: |\n  See <actor:a>.\nwhen: 2022-03\nmembers: [a, b]\nattendance: 9\nvote: \"5-4\"\n---\nBody\n"
        let parsed = EntryParser.parse(text, id: EntryID(.event, "x"), path: "x.md", fields: try fields())
        let entry = try #require(parsed.entry, "\(parsed.diagnostics)")
        #expect(entry.customFields.map(\.key) == ["vote", "attendance", "members", "when", "notes"])
        #expect(entry.field("attendance") == .integer(9))
        #expect(entry.field("members") == .references([EntryID(.actor, "a"), EntryID(.actor, "b")]))
        #expect(entry.field("when") == .date(PartialDate(year: 2022, month: 3)))
        #expect(entry.field("notes") == .text("See <actor:a>."))
        #expect(entry.field("members")?.written == "a; b")
        // The references are checked and linked as `actors:` are, under the field's relation.
        #expect(entry.fieldReferences.map(\.relation) == [.field(.event, "members"), .field(.event, "members")])
        // A `|` block's lines are the file's: its text starts on line 5, column 3.
        #expect(entry.customFields.last?.filePosition(SourcePosition(line: 1, column: 5)) == SourcePosition(line: 5, column: 7))
    }

    @Test func eachItemOfAListIsCheckedAgainstValuesAtItsLine() {
        let settings = "title: T\nfields:\n  events:\n    topics: { type: \"[string]\", values: [housing, budget] }\n"
        let fields = EntryParser.parseSiteConfig(settings, path: "site.yml").0?.fields ?? .none
        let text = "---\ntitle: T\ndate: 2022\ntopics:\n  - []\n  - housing\n  - budgte\n---\n"
        let parsed = EntryParser.parse(text, id: EntryID(.event, "x"), path: "x.md", fields: fields)
        #expect(parsed.diagnostics.map(\.description) == [
            "x.md:5:5: error: every item of 'topics' must be a string, not a list",
            "x.md:7:5: error: 'topics' must be one of housing, budget, not 'budgte' (did you mean 'budget'?)",
        ])
    }

    @Test func anUnquotedListTypeIsAListOfReferences() throws {
        #expect(try fields().declaration("members", of: .event)?.type == .references(.actor))
    }

    @Test func theLinkedSiteGivesFieldsAndRelations() throws {
        let loaded = Almanac.loadParseAndLink(Almanac.Options(root: Fixtures.site("fields")))
        let site = try #require(loaded.site, "\(loaded.diagnostics)")
        let jane = EntryID(.actor, "jane-okafor")
        #expect(site.customFields(jane).map(\.declaration.key) == ["born", "party", "member_of", "successor", "profile"])
        #expect(site.fieldHTML(jane, key: "profile")?.contains("<a href=\"../actors/council.html\">Riverside Council</a>") == true)
        let council = EntryID(.actor, "council")
        let members = site.graph.incoming(council, .field(.actor, "member_of"))
        #expect(members == [EntryID(.actor, "jane-okafor"), EntryID(.actor, "greens"), EntryID(.actor, "tom-reyes")])
        // A text field's cross-references are mentions, as a body's are.
        #expect(site.graph.incoming(council, .mentions).contains(jane))
        // Relations come after the built-in ones and before mentions, in declared order.
        let relations = site.graph.incoming(council).map(\.relation).uniqued()
        #expect(relations == [.participant, .pollster, .field(.actor, "member_of"), .field(.poll, "funded_by"), .mentions])
    }
}
