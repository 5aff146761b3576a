import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown file (or standard input) to HTML on standard output, as cmark would.",
        discussion: "Inside a site (ROOT/Content/site.yml exists) front matter is skipped and cross-references are resolved."
    )

    @Argument(help: ArgumentHelp("The Markdown file (default: standard input).", valueName: "FILE"))
    var file: String?

    @Flag(help: "Pass raw HTML and unsafe links through, as cmark --unsafe does.")
    var unsafe = false

    @OptionGroup var site: SiteOptions

    func run() throws {
        let url = file.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let data: Data
        do {
            data = try url.map { try Data(contentsOf: $0) } ?? FileHandle.standardInput.readDataToEndOfFile()
        } catch {
            FileHandle.standardError.write(Data("\(file ?? "-"): error: cannot be read\n".utf8))
            throw ExitCode(1)
        }
        let (html, diagnostics) = Almanac.render(data, file: url, unsafe: unsafe, options: Almanac.Options(root: site.rootURL))
        report(diagnostics)
        guard let html else { throw ExitCode(1) }
        FileHandle.standardOutput.write(html)
    }
}
