import AlmanacCommandLine
import AlmanacKit
import AlmanacServe
import ArgumentParser
import Foundation

/// The preview server, which `almanac serve` runs (see `ServeOptions`).
@main
struct ServeCommand: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = ServeOptions.configuration
        configuration.commandName = "almanac serve"
        return configuration
    }()

    @OptionGroup var options: ServeOptions

    static func main() { runWithExitStatus() }

    func run() throws {
        let quiet = options.quiet
        var build = Almanac.Options(root: options.site.rootURL)
        build.includeDrafts = options.drafts
        // Rebuilds on save start from the build cache: only what an edit can change is rendered.
        build.useCache = true
        if let jobs = options.jobs { build.jobs = jobs }
        build.progress = ProgressOutput.handler(quiet: quiet)
        var configuration = PreviewServer.Configuration(build: build, output: options.output.map { URL(fileURLWithPath: $0) })
        configuration.host = options.host
        configuration.port = options.port
        configuration.onBuild = { build in Self.print(build, quiet: quiet) }

        // Ctrl-C and SIGTERM stop the server in order, instead of killing the process.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stopRequested = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        let server: PreviewServer
        do {
            server = try PreviewServer(configuration)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let failure = blocking {
            do throws(PreviewServer.Failure) { try await server.start(); return nil } catch { return error }
        }
        if let failure {
            FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
            throw ExitCode(1)
        }
        ProgressOutput.printLine("serving \(options.site.root == "." ? "this site" : options.site.root) at \(server.url) from \(server.folder.path)")
        if !quiet { ProgressOutput.printLine("watching Content/ and Templates/ for changes; Ctrl-C stops") }

        stopRequested.wait()
        if !quiet { ProgressOutput.printLine("stopping") }
        _ = blocking { await server.stop(); return nil }
    }

    /// Terminal output of one build: the stage lines came already; then the diagnostics and a summary.
    private static func print(_ build: PreviewServer.Build, quiet: Bool) {
        report(build.report.diagnostics, quiet: quiet)
        if !build.report.succeeded {
            let serving = build.servingLastGood ? "still serving the last good site" : "nothing to serve until the errors are fixed"
            FileHandle.standardError.write(Data("build failed: \(summary(of: build.report.diagnostics)); \(serving)\n".utf8))
            return
        }
        guard !quiet else { return }
        var line = ProgressOutput.finished(build.report, seconds: build.seconds)
        if let first = build.changed.first {
            line += " (changed: \(first)\(build.changed.count > 1 ? " and \(build.changed.count - 1) more" : ""))"
        }
        ProgressOutput.printLine(line)
    }
}

/// Runs async work from synchronous code (the command line's `run`) and waits for it.
private func blocking(_ work: @escaping @Sendable () async -> PreviewServer.Failure?) -> PreviewServer.Failure? {
    let done = DispatchSemaphore(value: 0)
    let box = FailureBox()
    Task {
        box.failure = await work()
        done.signal()
    }
    done.wait()
    return box.failure
}

/// Carries the outcome out of the task; written once before the semaphore is signalled.
private final class FailureBox: @unchecked Sendable {
    var failure: PreviewServer.Failure?
}
