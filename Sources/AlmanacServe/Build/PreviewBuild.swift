import Foundation

/// How the preview server and its builds talk. Every build is a process of
/// its own, `BUILDER --preview-build --root ROOT --output DIR --report FILE
/// [--drafts] [--jobs N] [--quiet]` (`almanac-serve` is the builder): it
/// prints its stage lines and diagnostics as `almanac build` does and writes
/// its `Outcome` as JSON to FILE. A crash in a build, a trap on a theme the
/// checks missed, say, ends that process, not the server, which keeps serving
/// the last good site and shows what the build printed.
public enum PreviewBuild {
    public static let flag = "--preview-build"

    /// What one build did.
    public struct Outcome: Codable, Sendable, Equatable {
        public var succeeded: Bool
        public var pages: Int
        public var files: Int
        /// `0 errors, 2 warnings`
        public var summary: String
        /// `PATH:LINE:COLUMN: error: MESSAGE` lines, or, when the build crashed, the last it printed.
        public var diagnostics: [String]
        /// How the build process ended when it crashed (`killed by signal 11`); nil when it did not.
        public var crash: String?

        public init(succeeded: Bool, pages: Int, files: Int, summary: String, diagnostics: [String], crash: String? = nil) {
            self.succeeded = succeeded
            self.pages = pages
            self.files = files
            self.summary = summary
            self.diagnostics = diagnostics
            self.crash = crash
        }
    }

    /// What the server asks of a build.
    struct Request: Sendable {
        var root: URL
        var output: URL
        var report: URL
        var drafts = false
        var jobs: Int?
        var quiet = false

        var arguments: [String] {
            var arguments = [PreviewBuild.flag, "--root", root.path, "--output", output.path, "--report", report.path]
            if drafts { arguments.append("--drafts") }
            if let jobs { arguments += ["--jobs", String(jobs)] }
            if quiet { arguments.append("--quiet") }
            return arguments
        }
    }
}
