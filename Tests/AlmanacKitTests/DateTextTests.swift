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
}
