import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `almanac serve` as a user runs it: the real binary, a free port, edits on
/// disk, Ctrl-C (SIGINT) to stop.
@Suite(.timeLimit(.minutes(3)))
struct ServeCommandTests {
    @Test func servesRebuildsReportsErrorsAndStopsCleanlyOnCtrlC() async throws {
        let site = TestSite()
        let run = try ServeProcess(["serve", "--root", site.root.path, "--port", "0"])
        defer { run.kill() }

        let serving = try await run.waitForLine(in: .stdout) { $0.hasPrefix("serving ") }
        let port = try #require(serving.split(separator: ":").last.flatMap { UInt16($0.split(separator: "/").first ?? "") })
        let folder = try #require(serving.components(separatedBy: " from ").last)
        #expect(serving.contains("http://127.0.0.1:\(port)/"))
        #expect(run.stdout.contains("\nrender  "))
        #expect(run.stdout.contains("built "))

        #expect(try await HTTPProbe.request("/", port: port).text.contains("Welcome to the preview."))

        // A broken edit: the diagnostic in the terminal, the old page still served.
        site.write("Content/index.md", "Now see [x](event:missing-event).\n")
        let error = try await run.waitForLine(in: .stderr) { $0.contains(": error: ") }
        #expect(error.hasPrefix("Content/index.md:1:9: error:"))
        _ = try await run.waitForLine(in: .stderr) { $0.hasPrefix("build failed: 1 error") }
        #expect(try await HTTPProbe.request("/", port: port).text.contains("Welcome to the preview."))

        // Fixed.
        site.write("Content/index.md", "Welcome back.\n")
        _ = try await run.waitForLine(in: .stdout) { $0.contains("(changed: Content/index.md") }
        #expect(try await HTTPProbe.request("/", port: port).text.contains("Welcome back."))

        // Ctrl-C: exit 0, temporary folder gone, Output/ never written.
        let status = try await run.interrupt()
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(!FileManager.default.fileExists(atPath: site.root.appending(path: "Output").path))
    }

    @Test func quietPrintsOnlyTheAddress() async throws {
        let site = TestSite()
        let run = try ServeProcess(["serve", "--root", site.root.path, "--port", "0", "--quiet"])
        defer { run.kill() }
        _ = try await run.waitForLine(in: .stdout) { $0.hasPrefix("serving ") }
        #expect(try await run.interrupt() == 0)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stderr.isEmpty)
    }

    @Test func aBusyPortIsAnErrorNotACrash() async throws {
        let site = TestSite()
        let first = try ServeProcess(["serve", "--root", site.root.path, "--port", "0", "--quiet"])
        defer { first.kill() }
        let serving = try await first.waitForLine(in: .stdout) { $0.hasPrefix("serving ") }
        let port = try #require(serving.split(separator: ":").last.flatMap { $0.split(separator: "/").first.map(String.init) })
        let second = try ServeProcess(["serve", "--root", site.root.path, "--port", port, "--quiet"])
        defer { second.kill() }
        #expect(try await second.exit() == 1)
        // Plain words and a port to try instead, not the socket library's error value.
        #expect(second.stderr.hasPrefix("error: cannot listen on 127.0.0.1:\(port): port \(port) is in use; try --port "))
        let suggested = try #require(second.stderr.split(separator: " ").last.flatMap { UInt16($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(suggested > UInt16(port)!)
        #expect(!second.stderr.contains("errno"))
        #expect(try await first.interrupt() == 0)
    }

    /// `almanac serve` runs the `almanac-serve` program installed beside it; a
    /// copy of `almanac` alone says what is missing instead of failing obscurely.
    @Test func withoutTheServerProgramServeSaysWhatIsMissing() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "almanac-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appending(path: "almanac")
        try FileManager.default.copyItem(at: ServeProcess.binary, to: alone)
        let run = try await ServeProcess.startedWhenNotBusy(["serve", "--port", "0"], binary: alone)
        defer { run.kill() }
        #expect(try await run.exit() == 1)
        #expect(run.stderr.contains("`almanac serve` needs almanac-serve installed beside almanac"))
        #expect(run.stdout.isEmpty)
    }
}

/// A running `almanac` whose output is collected as it comes.
final class ServeProcess: @unchecked Sendable {
    enum Stream { case stdout, stderr }
    struct Timeout: Error, CustomStringConvertible { let description: String }

    private let process = Process()
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    /// How many of the two pipes reached their end.
    private var ended = 0

    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }

    init(_ arguments: [String], binary: URL = ServeProcess.binary) throws {
        process.executableURL = binary
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock {
                out += String(decoding: data, as: UTF8.self)
                if data.isEmpty { ended += 1; handle.readabilityHandler = nil }
            }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock {
                err += String(decoding: data, as: UTF8.self)
                if data.isEmpty { ended += 1; handle.readabilityHandler = nil }
            }
        }
        try process.run()
    }

    /// Runs a program file written just now. A process another test starts meanwhile inherits
    /// the descriptor the copy was written through until it execs, and while it does, running
    /// the file fails with ETXTBSY ("Text file busy"): then this tries again, for up to 10 s.
    static func startedWhenNotBusy(_ arguments: [String], binary: URL) async throws -> ServeProcess {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                return try ServeProcess(arguments, binary: binary)
            } catch let error as NSError where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// The first whole line of `stream` that matches, waiting up to 30 s.
    func waitForLine(in stream: Stream, _ matches: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = stream == .stdout ? stdout : stderr
            if let line = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).first(where: matches),
               text.contains(line + "\n") {
                return line
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(description: "no matching line; stdout: \(stdout) stderr: \(stderr)")
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the exit status.
    func interrupt() async throws -> Int32 {
        process.interrupt()
        return try await exit()
    }

    /// The exit status, waiting up to 15 s.
    func exit() async throws -> Int32 {
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning {
            guard Date() < deadline else { throw Timeout(description: "still running after 15 s") }
            try await Task.sleep(for: .milliseconds(20))
        }
        // The last output: until both pipes end (a loaded machine can take its time).
        while lock.withLock({ ended }) < 2, Date() < deadline.addingTimeInterval(5) {
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }

    var pid: Int32 { process.processIdentifier }

    static var binary: URL { program("almanac") }

    /// A program of the package, built beside the tests.
    static func program(_ name: String) -> URL {
        for bundle in [Bundle.main] + Bundle.allBundles {
            for folder in [bundle.bundleURL, bundle.bundleURL.deletingLastPathComponent()] {
                let candidate = folder.appending(path: name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return Bundle.main.bundleURL.appending(path: name)
    }
}
