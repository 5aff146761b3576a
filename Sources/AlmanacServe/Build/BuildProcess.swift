import Foundation
import Synchronization

/// Runs one preview build as a child process and reads its outcome (see
/// `PreviewBuild`). Its standard output goes to the terminal (or nowhere);
/// its standard error is passed on and its end kept, which is all a crashed
/// build leaves to show.
final class BuildProcess: Sendable {
    private let builder: URL
    private let output: PreviewServer.BuildOutput
    private let running = Mutex<Process?>(nil)
    /// How much of the end of a build's standard error is kept.
    static let keptOutput = 8 * 1024

    init(builder: URL, output: PreviewServer.BuildOutput) {
        self.builder = builder
        self.output = output
    }

    /// Runs a build and waits for it.
    func run(_ request: PreviewBuild.Request) -> PreviewBuild.Outcome {
        var request = request
        request.quiet = output != .all
        try? FileManager.default.removeItem(at: request.report)
        let process = Process()
        process.executableURL = builder
        process.arguments = request.arguments
        var environment = ProcessInfo.processInfo.environment
        // A crash prints its message and ends, without the seconds a symbolicated backtrace takes.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        if output == .none { process.standardOutput = FileHandle.nullDevice }
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return Self.crashed("cannot run \(builder.path): \(error.localizedDescription)", output: "")
        }
        running.withLock { $0 = process }
        let printed = readAll(errors.fileHandleForReading)
        process.waitUntilExit()
        running.withLock { $0 = nil }

        if process.terminationReason == .exit, [0, 1].contains(process.terminationStatus),
           let data = try? Data(contentsOf: request.report),
           let outcome = try? JSONDecoder().decode(PreviewBuild.Outcome.self, from: data) {
            return outcome
        }
        let ending = process.terminationReason == .uncaughtSignal
            ? "killed by signal \(process.terminationStatus)\(Self.signalName(process.terminationStatus))"
            : "exit status \(process.terminationStatus), no report"
        return Self.crashed("the build crashed (\(ending))", output: printed)
    }

    /// Ends the build under way, if any (when the server stops).
    func terminate() {
        running.withLock { process in
            if let process, process.isRunning { process.terminate() }
        }
    }

    /// Reads `handle` to its end, passing it on to standard error unless silent;
    /// returns the end of it.
    private func readAll(_ handle: FileHandle) -> String {
        var kept = Data()
        while true {
            let data = handle.availableData
            if data.isEmpty { break }
            if self.output != .none { FileHandle.standardError.write(data) }
            kept.append(data)
            if kept.count > 2 * Self.keptOutput { kept = kept.suffix(Self.keptOutput) }
        }
        return String(decoding: kept.suffix(Self.keptOutput), as: UTF8.self)
    }

    private static func crashed(_ reason: String, output: String) -> PreviewBuild.Outcome {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true).suffix(20).map(String.init)
        let diagnostics = lines.isEmpty ? [reason] : [reason + "; what it printed last:"] + lines
        return PreviewBuild.Outcome(succeeded: false, pages: 0, files: 0, summary: reason, diagnostics: diagnostics, crash: reason)
    }

    private static func signalName(_ number: Int32) -> String {
        guard let name = strsignal(number) else { return "" }
        return ", " + String(cString: name).lowercased()
    }
}
