import ArgumentParser
import AlmanacKit
import Foundation

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Builds a cross-linked reference site of actors, events, polls and sources from Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, DiffCommand.self, ServeCommand.self]
    )

    /// Exit status: 0 success, 1 the site has errors, 2 the command line is wrong.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            // ArgumentParser says 64 (EX_USAGE) for a wrong command line; the content format says 2.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's root folder, holding Content/, Templates/ and Output/.", valueName: "DIR"))
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

/// Prints diagnostics, one a line, to standard error.
func report(_ diagnostics: [Diagnostic], quiet: Bool = false) {
    var text = ""
    for diagnostic in diagnostics where !quiet || diagnostic.isError { text += diagnostic.description + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
}

/// One line that counts errors and warnings, for the end of a run.
func summary(of diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter(\.isError).count
    let warnings = diagnostics.count - errors
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
}
