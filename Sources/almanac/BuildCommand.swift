import AlmanacKit
import ArgumentParser
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render Content/ into Output/ (or --output). On errors, Output/ is left as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Where to write the site (default: ROOT/Output).", valueName: "DIR"))
    var output: String?

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    @Option(help: "How many threads to use (default: one per core). The output is the same for any value.")
    var jobs: Int?

    @Flag(help: "Print errors only.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = Almanac.Options(root: site.rootURL, output: output.map { URL(fileURLWithPath: $0) })
        options.includeDrafts = drafts
        if let jobs { options.jobs = jobs }
        options.progress = ProgressOutput.handler(quiet: quiet)
        let start = Date()
        let result = Almanac.build(options)
        report(result.diagnostics, quiet: quiet)
        guard result.succeeded else {
            FileHandle.standardError.write(Data("build failed: \(summary(of: result.diagnostics)); \(options.output.lastPathComponent)/ left unchanged\n".utf8))
            throw ExitCode(1)
        }
        if !quiet {
            ProgressOutput.printLine(ProgressOutput.finished(result, seconds: Date().timeIntervalSince(start), into: options.output.path))
        }
    }
}
