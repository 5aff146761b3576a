import AlmanacKit
import Foundation

/// Progress lines on standard output: one per stage, then a summary.
/// `--quiet` prints none of them (errors still go to standard error).
public enum ProgressOutput {
    /// Prints each stage as it finishes, or nothing when quiet.
    public static func handler(quiet: Bool) -> Almanac.ProgressHandler? {
        guard !quiet else { return nil }
        return { stage in printLine(stage.line) }
    }

    /// `built 1240 pages (1262 files) in 1.05 s: 0 errors, 2 warnings`
    public static func finished(_ report: Almanac.Report, seconds: Double, into folder: String? = nil) -> String {
        finished(pages: report.pagesWritten, files: report.filesWritten, seconds: seconds,
                 summary: summary(of: report.diagnostics), into: folder)
    }

    public static func finished(pages: Int, files: Int, seconds: Double, summary: String, into folder: String? = nil) -> String {
        let place = folder.map { " into \($0)" } ?? ""
        return "built \(Plural.counted(pages, "page")) (\(Plural.counted(files, "file")))\(place) in \(String(format: "%.2f", seconds)) s: \(summary)"
    }

    /// One line, flushed at once (standard output may be a pipe).
    public static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
