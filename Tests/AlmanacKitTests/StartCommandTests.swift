import Foundation
import Testing
@testable import AlmanacKit

/// What a new user runs first: `init`, `--version`, `theme export`, a site's own stylesheet.
@Suite struct StartCommandTests {
    @Test func initMakesASiteThatBuildsWithNoWarning() throws {
        let scratch = TemporaryFolder()
        let run = try AlmanacBinary.run(["init", "my-site"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("almanac serve") && run.stdout.contains("almanac build") && run.stdout.contains("cd my-site"))
        let root = scratch.url.appending(path: "my-site")
        #expect(try String(contentsOf: root.appending(path: ".gitignore"), encoding: .utf8) == ".almanac-cache/\n")
        for kind in EntryKind.referenceable {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "Content/\(kind.folder)").path)
            #expect(names.count == 1, "\(kind)")
        }
        let built = try AlmanacBinary.run(["build"], in: root)
        #expect(built.status == 0)
        #expect(built.stderr.isEmpty, "\(built.stderr)")
        #expect(built.stdout.contains("0 errors, 0 warnings"))
        // Every entry refers to another, and is referred to.
        let home = try String(contentsOf: root.appending(path: "Output/index.html"), encoding: .utf8)
        #expect(home.contains("<strong>1</strong> event<") && home.contains("<strong>1</strong> poll<"))
        let site = Almanac.loadParseAndLink(Almanac.Options(root: root)).site
        let linked = try #require(site)
        for id in linked.entries.keys where id.kind != .home {
            #expect(!linked.graph.incoming(id).isEmpty, "nothing refers to \(id)")
        }
    }

    @Test func initRefusesAnExistingSiteAndChangesNothing() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/about.md": "---\ntitle: About\n---\nMine.\n", ".gitignore": "Output/\n"], in: scratch)
        let before = tree(root)
        let run = try AlmanacBinary.run(["init", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/ exists and is not empty"), "\(run.stderr)")
        #expect(tree(root) == before)
        #expect(try AlmanacBinary.run(["init"], in: root).status == 1)
        #expect(tree(root) == before)
    }

    @Test func initAddsTheCacheToAnExistingGitignoreOnce() throws {
        let scratch = TemporaryFolder()
        scratch.write(".gitignore", "*.log")
        #expect(try AlmanacBinary.run(["init", scratch.url.path]).status == 0)
        #expect(try String(contentsOf: scratch.url.appending(path: ".gitignore"), encoding: .utf8) == "*.log\n.almanac-cache/\n")
    }

    @Test(arguments: [["--version"], ["-V"], ["version"]])
    func versionIsOneLine(_ arguments: [String]) throws {
        let run = try AlmanacBinary.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout == "almanac \(Almanac.version)\n")
    }

    @Test func exportedThemeBuildsTheSameSiteByteForByte() throws {
        let scratch = TemporaryFolder()
        let root = scratch.copy(Fixtures.site("basic"), to: "site")
        try? FileManager.default.removeItem(at: root.appending(path: "Templates"))
        let before = scratch.url.appending(path: "before")
        #expect(build(root, output: before).succeeded)
        let export = try AlmanacBinary.run(["theme", "export", "--root", root.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(tree(root.appending(path: "Templates")).count == DefaultTheme.base64Files.count)
        let after = scratch.url.appending(path: "after")
        #expect(build(root, output: after).succeeded)
        #expect(!tree(after).isEmpty)
        #expect(tree(after) == tree(before))
    }

    @Test func exportNeverOverwritesOrDeletesWithoutForce() throws {
        let scratch = TemporaryFolder()
        let folder = scratch.url.appending(path: "theme")
        scratch.write("theme/layout.mustache", "mine\n")
        scratch.write("theme/partials/extra.mustache", "extra\n")
        let refused = try AlmanacBinary.run(["theme", "export", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("layout.mustache") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(tree(folder).count == 2)
        let forced = try AlmanacBinary.run(["theme", "export", folder.path, "--force"])
        #expect(forced.status == 0)
        let files = tree(folder)
        #expect(files["partials/extra.mustache"] == Data("extra\n".utf8))
        #expect(files["layout.mustache"] != Data("mine\n".utf8))
        #expect(files.count == DefaultTheme.base64Files.count + 1)
    }

    @Test func aSiteStylesheetIsLinkedAfterTheThemes() throws {
        let scratch = TemporaryFolder()
        let root = scratch.copy(Fixtures.site("basic"), to: "site")
        let output = scratch.url.appending(path: "out")
        #expect(build(root, output: output).succeeded)
        var page = try String(contentsOf: output.appending(path: "events/summit-2022.html"), encoding: .utf8)
        #expect(!page.contains("site.css"))
        scratch.write("site/Templates/assets/site.css", "h1 { color: teal; }\n")
        #expect(build(root, output: output).succeeded)
        page = try String(contentsOf: output.appending(path: "events/summit-2022.html"), encoding: .utf8)
        let theme = try #require(page.range(of: "<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
        let own = try #require(page.range(of: "<link rel=\"stylesheet\" href=\"../assets/site.css\">"))
        #expect(theme.upperBound < own.lowerBound)
        #expect(FileManager.default.contents(atPath: output.appending(path: "assets/site.css").path) == Data("h1 { color: teal; }\n".utf8))
    }
}
