import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the whole site and write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Check entries marked draft: true as well.")
    var drafts = false

    func run() throws {
        var options = Almanac.Options(root: site.rootURL)
        options.includeDrafts = drafts
        let result = Almanac.check(options)
        report(result.diagnostics)
        guard result.succeeded else {
            FileHandle.standardError.write(Data("check failed: \(summary(of: result.diagnostics))\n".utf8))
            throw ExitCode(1)
        }
        print("ok: \(summary(of: result.diagnostics))")
    }
}
