import AlmanacCommandLine
import AlmanacKit
import ArgumentParser

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Builds a cross-linked reference site of actors, events, polls and sources from Markdown.",
        version: "almanac \(Almanac.version)",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, DiffCommand.self,
                      ServeCommand.self, ThemeCommand.self, VersionCommand.self]
    )

    @Flag(name: .customShort("V"), help: "Show the version (as --version does).")
    var showVersion = false

    func run() throws {
        guard showVersion else { throw CleanExit.helpRequest(self) }
        print(Self.configuration.version)
    }

    static func main() { runWithExitStatus() }
}
