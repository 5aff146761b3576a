import Foundation
import Testing
@testable import AlmanacKit

/// The same site gives byte-identical output whatever the thread count, locale,
/// time zone or order in which its files were created. Each build runs the
/// `almanac` executable in a process of its own, so the locale and time zone are
/// the process's, and so is Swift's per-process random hashing seed (an order
/// that came from a Set or Dictionary would differ between two runs).
@Suite struct DeterminismTests {
    /// Needs `tr_TR.UTF-8` generated (`scripts/bootstrap --test` does it) and tzdata's
    /// `Pacific/Kiritimati` (UTC+14, so its date differs from UTC's half the day).
    @Test func outputIsByteIdenticalAcrossJobsLocalesTimeZonesAndFileOrder() throws {
        #expect(Self.installedLocales().contains("tr_TR.utf8"), "tr_TR.UTF-8 is not generated: run scripts/bootstrap --test")
        #expect(FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Pacific/Kiritimati"), "tzdata is missing")
        let scratch = TemporaryFolder()
        let site = ReviewSite.write(in: scratch, at: "site")
        let reversed = ReviewSite.write(in: scratch, at: "reversed", reversed: true)
        let plain = ["LANG": "C", "LC_ALL": "C", "TZ": "UTC"]
        let variants: [(name: String, root: URL, jobs: Int, environment: [String: String])] = [
            ("jobs 1, C, UTC", site, 1, plain),
            ("jobs 8", site, 8, plain),
            ("tr_TR.UTF-8", site, 1, ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "UTC"]),
            ("Pacific/Kiritimati", site, 1, ["LANG": "C", "LC_ALL": "C", "TZ": "Pacific/Kiritimati"]),
            ("files created in reverse order", reversed, 8, plain),
        ]
        var outputs: [(String, [String: Data])] = []
        for (index, variant) in variants.enumerated() {
            let output = scratch.url.appending(path: "out-\(index)")
            let run = try AlmanacBinary.run(["build", "--quiet", "--root", variant.root.path, "--output", output.path, "--jobs", String(variant.jobs)],
                                            environment: variant.environment)
            #expect(run.status == 0, "\(variant.name): \(run.stderr)")
            outputs.append((variant.name, tree(output)))
        }
        let (referenceName, reference) = outputs[0]
        #expect(reference.count > 20)
        for (name, files) in outputs.dropFirst() {
            #expect(changedFiles(reference, files) == [], "\(name) differs from \(referenceName)")
        }
    }

    private static func installedLocales() -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
        process.arguments = ["-a"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
