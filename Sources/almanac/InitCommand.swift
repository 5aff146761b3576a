import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: Content/site.yml, one example entry of each kind, and a .gitignore for the build cache.",
        discussion: "Refuses a folder whose Content/ exists and is not empty, and then changes nothing."
    )

    @Argument(help: ArgumentHelp("The new site's folder, made if missing (default: the current folder).", valueName: "DIR"))
    var directory: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let written: [String]
        do {
            written = try StarterSite.create(in: root)
        } catch {
            FileHandle.standardError.write(Data("error: \(directory): \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        var text = "created a new site in \(directory):\n"
        for path in written { text += "  \(path)\n" }
        text += "\nnext:\n"
        if directory != "." { text += "  cd \(directory)\n" }
        text += """
              almanac serve           preview it at http://127.0.0.1:8000, rebuilt as you edit
              almanac build           write the site into Output/
              almanac new event SLUG  add an entry (actor, event, poll, source or page)

            """
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
