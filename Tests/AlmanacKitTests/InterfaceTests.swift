import Foundation
import Testing
@testable import AlmanacKit

/// The interface strings: the built-in tables, what templates name, a site's own strings.
@Suite struct InterfaceTests {
    @Test func everyBuiltInTableParsesWithoutAProblem() throws {
        for (path, base64) in DefaultTheme.base64Files where DefaultStrings.language(of: path) != nil {
            var diagnostics: [Diagnostic] = []
            let data = try #require(Data(base64Encoded: base64))
            let text = try #require(String(data: data, encoding: .utf8))
            #expect(StringTable.parse(text, origin: path, diagnostics: &diagnostics) != nil, "\(path)")
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics)")
        }
        #expect(DefaultStrings.tables["en"] != nil)
    }

    /// A `{{t.KEY}}` whose key the English table lacks would render as nothing.
    @Test func everyStringTheDefaultTemplatesNameIsInTheEnglishTable() throws {
        let english = try #require(DefaultStrings.tables["en"])
        let pattern = try Regex("\\{\\{\\s*t\\.([a-z0-9_]+)\\s*\\}\\}")
        var named: Set<String> = []
        for (path, base64) in DefaultTheme.base64Files where path.hasSuffix(".mustache") {
            let text = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
            for match in text.matches(of: pattern) { named.insert(String(match.output[1].substring!)) }
        }
        #expect(!named.isEmpty)
        #expect(named.subtracting(english.items.keys).sorted() == [])
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesKept() {
        #expect(Interface.fill("{a} and {b}", ["a": "{b}", "b": "x"]) == "{b} and x")
        #expect(Interface.fill("{missing} {", [:]) == "{missing} {")
    }
}
