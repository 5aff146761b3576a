import AlmanacFuzzing
import Foundation
import Testing

/// Replays the fuzzing corpora (`Fixtures/fuzz/` for sites, `Fixtures/fuzz-theme/`
/// for themes): the seeds, and every input `scripts/fuzz` ever found failing,
/// kept so that the bug stays fixed.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Fixtures.folder.appending(path: "fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    static let themeInputs: [String] = {
        let folder = Fixtures.folder.appending(path: "fuzz-theme")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(FuzzRegressionTests.inputs.contains("seed-valid"))
        #expect(FuzzRegressionTests.themeInputs.contains("seed-default"))
    }

    @Test(arguments: themeInputs)
    func themeBuildsOrIsRefusedWithoutBreakingAnyRule(_ name: String) throws {
        let input = try Data(contentsOf: Fixtures.folder.appending(path: "fuzz-theme").appending(path: name))
        let scratch = TemporaryFolder()
        #expect(ThemeFuzzer.check(Array(input), root: scratch.url.appending(path: "site")) == [])
    }

    @Test(arguments: inputs)
    func inputBuildsWithoutBreakingAnyRule(_ name: String) throws {
        let input = try Data(contentsOf: Fixtures.folder.appending(path: "fuzz").appending(path: name))
        let scratch = TemporaryFolder()
        #expect(SiteFuzzer.check(Array(input), root: scratch.url.appending(path: "site")) == [])
    }

    /// The valid seed builds, so the checks of a successful build's pages run on it.
    @Test func aSuccessfulValidSeedReallyBuilds() throws {
        let input = try Data(contentsOf: Fixtures.folder.appending(path: "fuzz/seed-valid"))
        let scratch = TemporaryFolder()
        let root = scratch.url.appending(path: "site")
        #expect(SiteFuzzer.check(Array(input), root: root) == [])
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "Output/events/e.html").path))
    }
}
