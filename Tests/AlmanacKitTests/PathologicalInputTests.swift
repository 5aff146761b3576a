import Foundation
import Testing
@testable import AlmanacKit

/// Inputs that make naive parsers slow or greedy stay linear through almanac:
/// cmark's pathological cases, thousands of broken links, deep YAML, a 20 MB file.
@Suite struct PathologicalInputTests {
    static let bodies: [(String, String)] = [
        ("nested quotes", String(repeating: "> ", count: 10_000) + "x\n"),
        ("nested brackets", String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000) + "\n"),
        ("unclosed links", String(repeating: "[a](", count: 30_000) + "\n"),
        ("nested emphasis", String(repeating: "*a **a ", count: 20_000) + "b" + String(repeating: " a** a*", count: 20_000) + "\n"),
        ("emphasis runs", String(repeating: "_", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n"),
        ("backtick runs", (1...1_000).map { "e" + String(repeating: "`", count: $0) }.joined() + "\n"),
        ("unclosed comments", String(repeating: "<!--", count: 30_000) + "\n"),
        ("entities", String(repeating: "&", count: 100_000) + "\n"),
    ]

    /// Each builds in well under the time a quadratic algorithm would need (the bounds are loose
    /// enough for a debug build under AddressSanitizer on a busy machine; quadratic takes minutes).
    @Test(arguments: bodies.map(\.0))
    func cmarkPathologicalInputsBuildQuickly(_ name: String) {
        let body = PathologicalInputTests.bodies.first { $0.0 == name }!.1
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n" + body], in: scratch)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(build(root).succeeded) }
        #expect(elapsed < .seconds(15), "\(name) took \(elapsed)")
    }

    /// 20,000 broken references on one line, and on 20,000 lines: every one reported, at its column, quickly.
    @Test(arguments: [" ", "\n"])
    func thousandsOfBrokenReferencesAreReportedInLinearTime(_ separator: String) {
        let scratch = TemporaryFolder()
        let links = Array(repeating: "é [a](actor:nobody)", count: 20_000).joined(separator: separator)
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n" + links + "\n"], in: scratch)
        let clock = ContinuousClock()
        var report = Almanac.Report()
        let elapsed = clock.measure { report = build(root) }
        #expect(report.diagnostics.count == 20_000)
        let last = report.diagnostics.map(\.description).max { ($0.count, $0) < ($1.count, $1) }
        if separator == " " { #expect(report.diagnostics.last?.column == 20 * 19_999 + 3) } else { #expect(report.diagnostics.last?.line == 20_003) }
        #expect(elapsed < .seconds(15), "took \(elapsed); \(last ?? "")")
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\naliases: " + String(repeating: "[", count: 100_000) + "\n---\n"], in: scratch)
        #expect(build(root).diagnostics.map(\.description) == ["Content/pages/p.md:3:11: error: YAML syntax: lists or mappings nested too deeply"])
    }

    /// A 20 MB Markdown file is read, parsed and linked by `almanac check` in a
    /// few seconds with memory in proportion to its size (under 30 bytes a byte: cmark's tree of a text dense with emphasis and links is big).
    @Test func aTwentyMegabyteFileIsCheckedWithBoundedMemory() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(in: scratch)
        let paragraph = String(repeating: "Plain words in a long paragraph, *some* of them [linked](https://example.org/). ", count: 12) + "\n\n"
        var text = "---\ntitle: Big\n---\n"
        text.reserveCapacity(20_100_000)
        while text.utf8.count < 20_000_000 { text += paragraph }
        scratch.write("Content/pages/big.md", text)
        let clock = ContinuousClock()
        var run: AlmanacBinary.Run?
        let elapsed = try clock.measure { run = try AlmanacBinary.run(["check", "--root", root.path]) }
        #expect(run?.status == 0, "\(run?.stderr ?? "")")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        // ru_maxrss is in kilobytes: the largest child so far, this one included.
        // Under AddressSanitizer (whose runtime is then loaded) shadow memory and quarantine triple that.
        let underAddressSanitizer = dlsym(nil, "__asan_init") != nil
        #expect(usage.ru_maxrss < (underAddressSanitizer ? 1_800_000 : 600_000), "peak memory \(usage.ru_maxrss) KB")
        // A few seconds on an idle machine, 20 to 43 s at load 15 while other
        // builds ran; what this guards against (time quadratic in the size)
        // would take far longer than a minute.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }
}
