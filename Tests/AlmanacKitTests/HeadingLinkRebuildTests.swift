import Foundation
import Testing
@testable import AlmanacKit

/// Fragments and plain links are checked by every build: a cached rebuild checks
/// the links of bodies it did not link again against what changed elsewhere.
@Suite struct HeadingLinkRebuildTests {
    private let cache = BuildCacheTests()

    @Test func renamingAHeadingBreaksTheUnchangedBodiesThatLinkIt() throws {
        let (scratch, root) = cache.builtSite()
        defer { withExtendedLifetime(scratch) {} }
        try cache.edit(root, "Content/pages/about.md") { $0 + "\nSee [the figures](event:summit-2022#figures).\n" }
        #expect(cache.cachedBuild(root).succeeded)
        try cache.edit(root, "Content/events/summit-2022.md") { $0.replacingOccurrences(of: "## Figures", with: "## Numbers") }
        let report = cache.cachedBuild(root)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "Content/pages/about.md:6:5: error: 'event:summit-2022#figures': event 'summit-2022' has no heading or section with the id 'figures'",
        ])
    }

    @Test func removingAStaticFileBreaksTheLinksToIt() throws {
        let (scratch, root) = cache.builtSite()
        defer { withExtendedLifetime(scratch) {} }
        try FileManager.default.removeItem(at: root.appending(path: "Content/static/map.png"))
        let report = cache.cachedBuild(root)
        #expect(report.diagnostics.map(\.description) == [
            "Content/events/summit-2022.md:14:24: error: '/map.png': the build writes no file map.png",
        ])
    }
}
