import Testing
@testable import AlmanacKit

/// Dates as readers see them, in each built-in language, from the tables in the binary.
@Suite struct DateTextTests {
    static func interface(_ language: String) -> Interface { Interface.load(language: language, own: [:]).0 }

    static func date(_ text: String, _ language: String) throws -> String {
        DateText.date(try PartialDate.parse(text).get(), interface(language))
    }

    static func span(_ a: String, _ b: String?, circa: Bool = false, _ language: String) throws -> String {
        DateText.span(try PartialDate.parse(a).get(), try b.map { try PartialDate.parse($0).get() }, circa: circa, interface(language))
    }

    @Test func englishAtEachPrecision() throws {
        #expect(try DateTextTests.date("2022", "en") == "2022")
        #expect(try DateTextTests.date("2022-03", "en") == "March 2022")
        #expect(try DateTextTests.date("2022-03-06", "en") == "6 March 2022")
    }

    @Test func englishSpans() throws {
        #expect(try DateTextTests.span("2022-03-06", "2022-03-08", "en") == "6–8 March 2022")
        #expect(try DateTextTests.span("2022-03-06", "2022-04-02", "en") == "6 March – 2 April 2022")
        #expect(try DateTextTests.span("2022-03", "2022-05", "en") == "March – May 2022")
        #expect(try DateTextTests.span("2021-12", "2022-01-15", "en") == "December 2021 – 15 January 2022")
        #expect(try DateTextTests.span("2022-03", nil, circa: true, "en") == "c. March 2022")
    }

    /// A day takes the month in the genitive; a month alone, the nominative.
    @Test func russianAtEachPrecision() throws {
        #expect(try DateTextTests.date("2022", "ru") == "2022")
        #expect(try DateTextTests.date("2022-03", "ru") == "март 2022")
        #expect(try DateTextTests.date("2022-03-06", "ru") == "6 марта 2022")
        #expect(try DateTextTests.date("2022-05-01", "ru") == "1 мая 2022")
        #expect(try DateTextTests.date("2022-05", "ru") == "май 2022")
        #expect(try DateTextTests.date("2022-11-30", "ru") == "30 ноября 2022")
    }

    @Test func russianSpans() throws {
        #expect(try DateTextTests.span("2022-03-06", "2022-03-08", "ru") == "6–8 марта 2022")
        #expect(try DateTextTests.span("2022-03-06", "2022-04-02", "ru") == "6 марта – 2 апреля 2022")
        #expect(try DateTextTests.span("2022-03", "2022-05", "ru") == "март – май 2022")
        #expect(try DateTextTests.span("2021-12", "2022-01-15", "ru") == "декабрь 2021 – 15 января 2022")
        #expect(try DateTextTests.span("2019", nil, circa: true, "ru") == "ок. 2019")
    }

    /// The year first, as in "2022 жылғы 6 наурыз"; month names are the same with a day.
    @Test func kazakhAtEachPrecision() throws {
        #expect(try DateTextTests.date("2022", "kk") == "2022")
        #expect(try DateTextTests.date("2022-03", "kk") == "2022 жылғы наурыз")
        #expect(try DateTextTests.date("2022-03-06", "kk") == "2022 жылғы 6 наурыз")
        #expect(try DateTextTests.date("2022-12-31", "kk") == "2022 жылғы 31 желтоқсан")
    }

    @Test func kazakhSpans() throws {
        #expect(try DateTextTests.span("2022-03-06", "2022-03-08", "kk") == "2022 жылғы 6–8 наурыз")
        #expect(try DateTextTests.span("2022-03-06", "2022-04-02", "kk") == "2022 жылғы 6 наурыз – 2 сәуір")
        #expect(try DateTextTests.span("2022-03", "2022-05", "kk") == "2022 жылғы наурыз – мамыр")
        #expect(try DateTextTests.span("2021-12", "2022-01-15", "kk") == "2021 жылғы желтоқсан – 2022 жылғы 15 қаңтар")
        #expect(try DateTextTests.span("2019", nil, circa: true, "kk") == "шамамен 2019")
    }

    /// A region or a case in the code (`ru-KZ`, `RU`) takes the language's table.
    @Test func aRegionalCodeTakesItsLanguagesTable() throws {
        #expect(try DateTextTests.date("2022-03-06", "ru-KZ") == "6 марта 2022")
        #expect(try DateTextTests.date("2022-03-06", "kk-KZ") == "2022 жылғы 6 наурыз")
        #expect(try DateTextTests.date("2022-03-06", "en-GB") == "6 March 2022")
    }
}
