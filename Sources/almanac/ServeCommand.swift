import AlmanacCommandLine
import ArgumentParser
import Foundation

/// `almanac serve`: the options are read here, so that `--help` and a wrong
/// command line answer as every other command does; then the process becomes
/// `almanac-serve`, the program beside this one that runs the preview server
/// (same process: Ctrl-C, the exit status and the output are the server's).
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.configuration

    @OptionGroup var options: ServeOptions

    /// The name of the program, installed in the same folder as `almanac`.
    static let serverName = "almanac-serve"

    func run() throws {
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let server = folder.appending(path: Self.serverName).path
        // What follows `serve` on the command line, as the user wrote it.
        let arguments = Array(CommandLine.arguments.dropFirst().drop { $0 != "serve" }.dropFirst())
        let argv = ([Self.serverName] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        // execv returns only when it failed.
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("error: cannot run \(server) (\(reason)); `almanac serve` needs \(Self.serverName) installed beside almanac\n".utf8))
        throw ExitCode(1)
    }
}
