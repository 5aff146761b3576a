import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `almanac serve` with clients that do not read, or send too much:
/// files are streamed (memory stays flat), and Ctrl-C always stops it.
@Suite(.timeLimit(.minutes(3)))
struct ServeUnderLoadTests {
    private static let bigSize = 30_000_000

    private func siteWithABigFile() throws -> TestSite {
        let site = TestSite()
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        try random.readData(ofLength: Self.bigSize).write(to: site.root.appending(path: "Content/static/big.bin"))
        return site
    }

    private func residentMiB(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    private func port(of run: ServeProcess) async throws -> UInt16 {
        let serving = try await run.waitForLine(in: .stdout) { $0.hasPrefix("serving ") }
        return try #require(serving.split(separator: ":").last.flatMap { UInt16($0.split(separator: "/").first ?? "") })
    }

    @Test func fortyClientsThatDoNotReadABigFileDoNotGrowMemory() async throws {
        let site = try siteWithABigFile()
        let run = try ServeProcess(["serve", "--root", site.root.path, "--port", "0", "--quiet"])
        defer { run.kill() }
        let port = try await port(of: run)

        // The file arrives whole and exact.
        let whole = try await HTTPProbe.request("/big.bin", port: port, timeout: 60)
        #expect(whole.status == 200 && whole.header("Content-Length") == String(Self.bigSize))
        #expect(whole.body == (try Data(contentsOf: site.root.appending(path: "Content/static/big.bin"))))

        let before = residentMiB(run.pid)
        let stalled = try (0..<40).map { _ in try HTTPProbe.stalledRequest("/big.bin", port: port) }
        defer { stalled.forEach { close($0) } }
        // Every client has its answer under way (so a server holding the file whole per client
        // would hold it by now; on a loaded machine that can take seconds), then memory is sampled.
        let deadline = Date().addingTimeInterval(30)
        while !stalled.allSatisfy(HTTPProbe.hasAnswered), Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(stalled.allSatisfy(HTTPProbe.hasAnswered), "not every client was answered within 30 s")
        var peak = before
        for _ in 0..<20 {
            try await Task.sleep(for: .milliseconds(100))
            peak = max(peak, residentMiB(run.pid))
        }
        // Held whole, forty copies would be 1,200 MB; streamed, each holds about two 64 KB chunks.
        #expect(peak - before < 100, "resident memory went from \(before) to \(peak) MiB")
        // Meanwhile others are answered.
        #expect(try await HTTPProbe.request("/", port: port).status == 200)
        #expect(try await run.interrupt() == 0)
    }

    @Test func ctrlCStopsWhateverTheClientsAreDoing() async throws {
        let site = try siteWithABigFile()
        let run = try ServeProcess(["serve", "--root", site.root.path, "--port", "0", "--quiet"])
        defer { run.kill() }
        let port = try await port(of: run)
        // Clients that do not read, one that is halfway through an oversized head,
        // one waiting for a build, and oversized requests arriving.
        let stalled = try (0..<10).map { _ in try HTTPProbe.stalledRequest("/big.bin", port: port) }
        defer { stalled.forEach { close($0) } }
        let waiting = Task { try? await HTTPProbe.request("/__almanac/status?since=1", port: port, timeout: 30) }
        let oversized = Task {
            let big = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Big: \(String(repeating: "a", count: 400_000))\r\n\r\n".utf8)
            for _ in 0..<20 { _ = try? await HTTPProbe.raw(big, port: port, timeout: 5) }
        }
        try await Task.sleep(for: .milliseconds(300))
        let start = Date()
        let status = try await run.interrupt()
        #expect(status == 0, "exit status \(status); stderr: \(run.stderr)")
        // An orderly stop gives up after 3 s by design; 10 s leaves a loaded machine time to
        // end the process. A server that waited for these clients would not stop at all.
        #expect(Date().timeIntervalSince(start) < 10, "stopped after \(Date().timeIntervalSince(start)) s")
        oversized.cancel()
        _ = await waiting.value
    }
}
