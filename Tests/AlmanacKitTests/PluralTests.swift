import Testing
@testable import AlmanacKit

/// Nouns after numbers: CLDR's integer rules, in Swift and the tables.
@Suite struct PluralTests {
    @Test func russianHasOneFewMany() {
        let expected: [(Int, String)] = [
            (0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"), (14, "many"),
            (20, "many"), (21, "one"), (22, "few"), (25, "many"), (101, "one"), (111, "many"), (112, "many"), (122, "few"), (1000, "many"),
        ]
        for (count, category) in expected { #expect(Plural.category(count, language: "ru") == category, "\(count)") }
    }

    @Test func englishAndOthersHaveOneAndOther() {
        #expect(Plural.category(1, language: "en") == "one")
        #expect(Plural.category(0, language: "en") == "other")
        #expect(Plural.category(21, language: "en") == "other")
        #expect(Plural.category(1, language: "kk") == "one")
        #expect(Plural.category(21, language: "de") == "other")
    }

    @Test func countedNounsInEachLanguage() {
        let ru = Interface.load(language: "ru", own: [:]).0
        #expect([1, 2, 5, 11, 21, 22, 100].map { ru.number($0, "count_events") }
            == ["1 событие", "2 события", "5 событий", "11 событий", "21 событие", "22 события", "100 событий"])
        #expect(ru.number(3, "count_polls") == "3 опроса")
        let kk = Interface.load(language: "kk", own: [:]).0
        #expect([1, 2, 5, 21].map { kk.number($0, "count_events") } == ["1 оқиға", "2 оқиға", "5 оқиға", "21 оқиға"])
        let en = Interface.english
        #expect([0, 1, 2].map { en.number($0, "count_sources") } == ["0 sources", "1 source", "2 sources"])
        #expect(en.counted("search_results", count: 1, ["query": "x"]) == "1 result for “x”")
        #expect(ru.counted("search_results", count: 3, ["query": "x"]) == "3 результата по запросу «x»")
    }
}
