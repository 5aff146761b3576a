import Foundation
import Testing
@testable import AlmanacKit

/// Where the fixture sites live, and helpers to build them into temporary folders.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    static func site(_ name: String) -> URL { folder.appending(path: "sites").appending(path: name) }
    static func invalid(_ name: String) -> URL { folder.appending(path: "invalid").appending(path: name) }

    /// `ALMANAC_RECORD=1 swift test` rewrites golden files instead of comparing them.
    static var recording: Bool { ProcessInfo.processInfo.environment["ALMANAC_RECORD"] == "1" }
}

/// A temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appending(path: "almanac-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `path` inside the folder, creating folders on the way.
    @discardableResult
    func write(_ path: String, _ text: String) -> URL {
        let file = url.appending(path: path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
        return file
    }

    /// Copies a folder (a fixture site) into this one.
    func copy(_ source: URL, to path: String = "") -> URL {
        let target = url.appending(path: path.isEmpty ? source.lastPathComponent : path)
        try! FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// Every regular file below `folder`, by relative path.
func tree(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    while let url = walker.nextObject() as? URL {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try? Data(contentsOf: url)
    }
    return files
}

/// A minimal valid site in `folder`, plus the given files.
func makeSite(_ files: [String: String] = [:], in folder: TemporaryFolder) -> URL {
    folder.write("Content/site.yml", "title: Test\n")
    for (path, text) in files { folder.write(path, text) }
    return folder.url
}

/// Builds `root` and returns the report.
func build(_ root: URL, output: URL? = nil, jobs: Int = 2) -> Almanac.Report {
    var options = Almanac.Options(root: root, output: output)
    options.jobs = jobs
    return Almanac.build(options)
}

/// The `almanac` executable that `swift test` built next to the test bundle.
enum AlmanacBinary {
    static var url: URL {
        // The test runner (`.build/<triple>/debug/AlmanacPackageTests.xctest`) sits beside the binary.
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [runner.deletingLastPathComponent()]
        candidates += ([Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL)).flatMap { [$0.deletingLastPathComponent(), $0] }
        for folder in candidates {
            let binary = folder.appending(path: "almanac")
            if FileManager.default.isExecutableFile(atPath: binary.path), !isDirectory(binary) { return binary }
        }
        return runner.deletingLastPathComponent().appending(path: "almanac")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `almanac` (or `executable`) with `arguments`, in `directory`, with extra environment variables.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], input: String? = nil,
                    executable: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Output goes to files, not pipes: a child that fills one pipe while the other is read would hang.
        let scratch = TemporaryFolder()
        let outURL = scratch.url.appending(path: "stdout"), errURL = scratch.url.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: outURL)
        let stderr = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

private func isDirectory(_ url: URL) -> Bool {
    var flag: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
}

/// The context builder of `site` with the default theme, for tests of page contexts.
func contextBuilder(_ site: LinkedSite, root: URL) throws -> ContextBuilder {
    let theme = try #require(Theme.load(root: root).0)
    return ContextBuilder(site: SiteReads(site), theme: theme, cache: RenderCache())
}
