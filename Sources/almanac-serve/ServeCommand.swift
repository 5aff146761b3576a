import AlmanacCommandLine
import AlmanacKit
import AlmanacServe
import ArgumentParser
import Foundation

/// The preview server, which `almanac serve` runs (see `ServeOptions`); with
/// `--preview-build` first, one of its builds (see `PreviewBuildCommand`).
@main
struct ServeCommand: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = ServeOptions.configuration
        configuration.commandName = "almanac serve"
        return configuration
    }()

    @OptionGroup var options: ServeOptions

    /// How long an orderly stop may take after Ctrl-C before the process just ends.
    static let stopSeconds = 3.0

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == PreviewBuild.flag {
            PreviewBuildCommand.runWithExitStatus(Array(arguments.dropFirst()))
            return
        }
        runWithExitStatus()
    }

    func run() throws {
        let quiet = options.quiet
        var build = Almanac.Options(root: options.site.rootURL)
        build.includeDrafts = options.drafts
        if let jobs = options.jobs { build.jobs = jobs }
        var configuration = PreviewServer.Configuration(build: build, output: options.output.map { URL(fileURLWithPath: $0) })
        configuration.buildOutput = quiet ? .errors : .all
        configuration.host = options.host
        configuration.port = options.port
        configuration.onBuild = { build in Self.print(build, quiet: quiet) }

        // Ctrl-C and SIGTERM stop the server in order, instead of killing the process;
        // if that takes over `stopSeconds`, or on a second Ctrl-C, it ends at once.
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
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.stop()
            stopped.signal()
        }
        // Whichever comes first: the orderly stop, a second signal, or the time limit.
        DispatchQueue.global().async { _ = stopRequested.wait(timeout: .now() + Self.stopSeconds); stopped.signal() }
        stopped.wait()
        server.abandon()
    }

    /// Terminal output of one build: the stage lines and diagnostics came already
    /// (from the build's process); then a summary.
    private static func print(_ build: PreviewServer.Build, quiet: Bool) {
        let outcome = build.outcome
        if !outcome.succeeded {
            let serving = build.servingLastGood ? "still serving the last good site" : "nothing to serve until the errors are fixed"
            let what = outcome.crash ?? "build failed: \(outcome.summary)"
            FileHandle.standardError.write(Data("\(what); \(serving)\n".utf8))
            return
        }
        guard !quiet else { return }
        var line = ProgressOutput.finished(pages: outcome.pages, files: outcome.files, seconds: build.seconds, summary: outcome.summary)
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
