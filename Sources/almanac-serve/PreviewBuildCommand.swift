import AlmanacCommandLine
import AlmanacKit
import AlmanacServe
import ArgumentParser
import Foundation

/// One build of the preview, run by the server as a child process of its own
/// (see `PreviewBuild`): a crash here ends this process, not the server.
/// Prints what `almanac build` prints, less the summary, which the server
/// prints with what changed; writes the outcome to `--report`.
struct PreviewBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "almanac-serve \(PreviewBuild.flag)", shouldDisplay: false)

    @OptionGroup var site: SiteOptions
    @Option var output: String
    @Option var report: String
    @Flag var drafts = false
    @Option var jobs: Int?
    @Flag var quiet = false

    func run() throws {
        // The server ignores Ctrl-C to stop in order, and a child inherits that: a build stops at once.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var options = Almanac.Options(root: site.rootURL, output: URL(fileURLWithPath: output))
        options.includeDrafts = drafts
        options.useCache = true
        options.endsProcess = true
        if let jobs { options.jobs = jobs }
        options.progress = ProgressOutput.handler(quiet: quiet)
        let result = Almanac.build(options)
        AlmanacCommandLine.report(result.diagnostics, quiet: quiet)
        let outcome = PreviewBuild.Outcome(
            succeeded: result.succeeded, pages: result.pagesWritten, files: result.filesWritten,
            summary: summary(of: result.diagnostics), diagnostics: result.diagnostics.map(\.description)
        )
        try JSONEncoder().encode(outcome).write(to: URL(fileURLWithPath: report))
        if !result.succeeded { throw ExitCode(1) }
    }
}
