import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Show the version, as --version does.")

    func run() throws { print(AlmanacCommand.configuration.version) }
}
