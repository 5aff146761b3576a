import AlmanacCommandLine
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

    @Flag(help: "Build everything from scratch: neither read nor write the build cache (ROOT/.almanac-cache).")
    var noCache = false

    @Flag(help: "Print errors only.")
    var quiet = false

    @Flag(help: "Write nothing: exit 1 listing every file of Output/ that is stale, missing or extra, 0 when it is current.")
    var check = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = Almanac.Options(root: site.rootURL, output: output.map { URL(fileURLWithPath: $0) })
        options.includeDrafts = drafts
        options.useCache = !noCache
        options.endsProcess = true
        if let jobs { options.jobs = jobs }
        if check { return try runCheck(options) }
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

    private func runCheck(_ options: Almanac.Options) throws {
        let result = Almanac.checkOutput(options)
        report(result.diagnostics, quiet: quiet)
        let folder = options.output.lastPathComponent + "/"
        guard let comparison = result.comparison else {
            FileHandle.standardError.write(Data("check failed: \(summary(of: result.diagnostics)); \(folder) not compared\n".utf8))
            throw ExitCode(1)
        }
        guard comparison.isCurrent, result.succeeded else {
            let counts = "\(comparison.stale.count) stale, \(comparison.missing.count) missing, \(comparison.extra.count) extra"
            FileHandle.standardError.write(Data("\(folder) is out of date (\(counts)); run almanac build\n".utf8))
            throw ExitCode(1)
        }
        if !quiet { print("\(folder) is current (\(summary(of: result.diagnostics)))") }
    }
}
