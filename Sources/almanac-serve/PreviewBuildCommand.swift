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
        // Ctrl-C in the terminal reaches every process of the server's group: the server
        // takes it and ends the build (SIGTERM), so that it does not report a crash.
        signal(SIGINT, SIG_IGN)
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
