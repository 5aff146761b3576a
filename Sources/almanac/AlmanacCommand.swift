import AlmanacCommandLine
import ArgumentParser

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Builds a cross-linked reference site of actors, events, polls and sources from Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, DiffCommand.self, ServeCommand.self]
    )

    static func main() { runWithExitStatus() }
}
