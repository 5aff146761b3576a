import Foundation
import Testing
@testable import AlmanacKit

/// The search index: folding as the script folds, postings that decode to the
/// right entries and fields, shards on large sites.
@Suite struct SearchIndexTests {
    /// A small linked site: three events and an actor.
    static func site(in folder: TemporaryFolder) throws -> LinkedSite {
        let root = makeSite([
            "Content/actors/bob.md": "---\ntitle: Bob Brown\nkind: person\naliases: [Bobby]\n---\nA Café owner.\n",
            "Content/events/first.md": "---\ntitle: Summit in Almaty\ndate: 2022-03-06\nsummary: Leaders met.\nplaces: [Astana]\n---\nThe summit was quiet.\n",
            "Content/events/second.md": "---\ntitle: Quiet day\ndate: 2022-04\nactors: [bob]\n---\nNothing at the summit.\n",
            "Content/events/third.md": "---\ntitle: Élection\ndate: 2023\n---\nVotes.\n",
        ], in: folder)
        return try #require(Almanac.loadParseAndLink(Almanac.Options(root: root)).site)
    }

    /// word -> [(doc, field)], decoded as search.js decodes.
    static func postings(_ index: SearchIndex) -> [String: [(doc: Int, field: Int)]] {
        var result: [String: [(doc: Int, field: Int)]] = [:]
        for (word, text) in index.table {
            var value = 0
            result[word] = text.split(separator: ",").map { gap in
                value += Int(gap, radix: 36)!
                return (value >> 2, value & 3)
            }
        }
        return result
    }

    @Test func foldsAsTheScriptDoes() {
        #expect(SearchIndex.fold("Élection À Almaty") == "election a almaty")
        #expect(SearchIndex.words("Kazakhstan's CSTO, the UN (2022) & a, the Élysée") == "kazakhstan csto the un 2022 elysee")
        #expect(SearchIndex.words("E\u{301}lysée Қазақстан") == "elysee қазақстан")
        // Lower-case ASCII words are taken straight from the text, unless a
        // capital or a non-ASCII letter carries the word on.
        #expect(SearchIndex.words("word wordCase word1 woRD cafés x y1 word") == "word wordcase word1 cafes y1")
        #expect(SearchIndex.words("end") == "end")
    }

    /// Names in ASCII are split without Unicode's tables: the same terms as the
    /// general path, on random ASCII text (every byte, runs past the word limit).
    @Test func asciiNamesSplitAsAnyName() {
        var random = SeededRandom(seed: 29)
        let samples = ["Kazakhstan's CSTO, the UN (2022) & a", "", "x", "A1 b2-C3_d4", String(repeating: "Ab", count: 30) + " z9"]
            + (0 ..< 300).map { _ in String(decoding: (0 ..< Int(random.next() % 60)).map { _ in UInt8(random.next() % 128) }, as: UTF8.self) }
        for text in samples {
            #expect(SearchIndex.asciiTerms(text) == SearchIndex.unicodeTerms(text), "\(text.debugDescription)")
        }
        #expect(SearchIndex.asciiTerms("café") == nil)
        #expect(SearchIndex.terms("Élysée Palace") == ["elysee", "palace"])
    }

    @Test func postingsKeepEachEntrysBestField() throws {
        let folder = TemporaryFolder()
        let index = SearchIndex(site: try SearchIndexTests.site(in: folder))
        let docs = try index.docs.map { quoted in
            let text = try #require(try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String)
            return text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let kinds = EntryKind.referenceable.map(\.folder)
        func doc(_ url: String) -> Int { docs.firstIndex { kinds[Int($0[0])!] + "/" + $0[1] + ".html" == url }! }
        let postings = SearchIndexTests.postings(index)
        let summit = postings["summit"]!
        #expect(summit.contains { $0.doc == doc("events/first.html") && $0.field == 3 }, "title beats body")
        #expect(summit.contains { $0.doc == doc("events/second.html") && $0.field == 0 })
        #expect(postings["bobby"]!.map(\.doc) == [doc("actors/bob.html")])
        #expect(postings["bobby"]!.first?.field == 2, "an alias")
        #expect(postings["astana"]!.first?.field == 1, "places rank with the summary")
        #expect(postings["election"]!.first?.field == 3, "folded")
        #expect(postings["cafe"] != nil)
        #expect(docs[doc("events/first.html")] == ["1", "first", "Summit in Almaty", "6 March 2022", "Leaders met.", ""])
        #expect(docs[doc("actors/bob.html")].last == "Bobby")
        #expect(index.script.contains("\"kinds\": [[\"actors\",\"actor\",1],[\"events\",\"event\",3],"))
        // The place Astana is a document after the entries, with no year.
        #expect(index.script.contains("\"years\": \"*1,2022*2,2023*1,*1\""), "\(index.script)")
        #expect(index.script.contains("\"bob brown\":\"0\",\n\"bobby\":\"0\",") && index.script.contains("\"summit in almaty\":\"1\""), "\(index.script)")
        #expect(index.shards == nil)
        #expect(index.script.hasPrefix("window.ALMANAC_SEARCH = {\n\"kinds\": "))
    }

    @Test func largeIndexesAreShardedByPrefix() throws {
        let folder = TemporaryFolder()
        let site = try SearchIndexTests.site(in: folder)
        let inline = SearchIndex(site: site)
        let sharded = SearchIndex(site: site, inlineLimit: 0)
        let shards = try #require(sharded.shards)
        #expect(shards.shards.map(\.key) == shards.shards.map(\.key).sorted { $0.precedesInUTF8($1) })
        #expect(sharded.partNames.contains("w-s") && sharded.partNames.contains("d-0"))
        let script = try #require(sharded.part("w-s"))
        #expect(script.hasPrefix("ALMANAC_SEARCH_SHARD(\"s\", {\n"))
        #expect(script.contains("\"summit\":") && script.contains("\"summit in almaty\":\"1\""), "\(script)")
        #expect(!script.contains("\"quiet\":"))
        #expect(sharded.script.contains("\"shards\": [\"a\",\"b\",\"c\""), "\(sharded.script)")
        #expect(sharded.script.contains("\"docs\": [],") && sharded.script.contains("\"chunk\": 32,"))
        #expect(try #require(sharded.part("d-0")).contains("\"1\\tfirst\\tSummit in Almaty\\t6 March 2022"))
        #expect(sharded.part("d-1") == nil && sharded.part("w-zz") == nil)
        #expect(sharded.table.map(\.word) == inline.table.map(\.word))
    }

    /// However finely the shards are cut, the script finds every word that starts
    /// with a term in the shards it loads for the term (SearchShards' rule, as search.js applies it).
    @Test func everyPrefixFindsItsWordsInTheShardsItLoads() throws {
        let folder = TemporaryFolder()
        let site = try SearchIndexTests.site(in: folder)
        for limit in [1, 40, 200] {
            let index = SearchIndex(site: site, inlineLimit: 0, shardLimit: limit)
            let shards = try #require(index.shards).shards
            let keys = shards.map(\.key)
            func loaded(_ term: String) -> Set<String> {
                let own = keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count }
                return Set((own.map { [$0] } ?? []) + keys.filter { $0.count > term.count && $0.hasPrefix(term) })
            }
            for shard in shards {
                for entry in index.table[shard.words] + index.names[shard.names] {
                    #expect(entry.word.hasPrefix(shard.key))
                    let characters = Array(entry.word)
                    for length in 2 ... characters.count {
                        #expect(loaded(String(characters[..<length])).contains(shard.key), "\(entry.word) at \(length), limit \(limit)")
                    }
                }
            }
            #expect(Set(shards.flatMap { index.table[$0.words].map(\.word) }) == Set(index.table.map(\.word)))
        }
        #expect(SearchShards.name(of: "ab c\u{439}") == "w-ab_20_c_439_")
    }

    /// A rebuild patches the last index with the entries parsed again; the result
    /// is the index made anew: words gained, lost, moved to a better field, and
    /// words that appear or vanish from the whole site.
    @Test func aPatchedIndexIsTheIndexMadeAnew() throws {
        let folder = TemporaryFolder()
        let before = try SearchIndexTests.site(in: folder)
        let old = SearchIndex(site: before, inlineLimit: 0)
        let root = folder.url
        folder.write("Content/events/second.md", "---\ntitle: Quiet summit\ndate: 2022-04\nactors: [bob]\n---\nNothing new; zebras.\n")
        folder.write("Content/actors/bob.md", "---\ntitle: Bob Brown\nkind: person\n---\nA Café owner in Almaty.\n")
        let after = try #require(Almanac.loadParseAndLink(Almanac.Options(root: root)).site)
        let changed = [EntryID(.event, "second"), EntryID(.actor, "bob")]
        let previous = SearchIndex.Previous(table: old.table, entries: Dictionary(uniqueKeysWithValues: changed.map { id in
            (id, (document: old.documents[id]!, words: before.searchWords(id)))
        }))
        let known = old.documents.filter { !changed.contains($0.key) }
        let patched = SearchIndex(site: after, known: { known[$0] }, previous: previous, inlineLimit: 0)
        let fresh = SearchIndex(site: after, inlineLimit: 0)
        #expect(patched.table.map(\.word) == fresh.table.map(\.word))
        #expect(patched.table.map(\.postings) == fresh.table.map(\.postings))
        #expect(patched.script == fresh.script)
        #expect(fresh.table.contains { $0.word == "zebras" } && !fresh.table.contains { $0.word == "bobby" })
    }

    @Test func quotingIsSafeInAScript() {
        #expect(SearchIndex.quoted("a\"b\\c</script>&\u{2028}\u{1}") == "\"a\\\"b\\\\c\\u003c/script\\u003e\\u0026\\u2028\\u0001\"")
    }
}
