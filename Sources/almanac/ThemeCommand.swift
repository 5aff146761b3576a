import AlmanacCommandLine
import AlmanacKit
import ArgumentParser
import Foundation

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "The built-in theme.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Copy the built-in theme into DIR (default: ROOT/Templates) to edit it.",
            discussion: """
                Unchanged, the copy builds the same site byte for byte. Files of DIR that are not the theme's are \
                never touched; a theme file that is there with other content is overwritten only with --force. \
                To adjust the look without copying the theme, put a stylesheet in ROOT/Templates/assets/site.css: \
                every page links it after the theme's.
                """
        )

        @Argument(help: ArgumentHelp("Where to copy the theme (default: ROOT/Templates).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var site: SiteOptions

        @Flag(help: "Overwrite theme files in DIR that differ from the built-in theme.")
        var force = false

        func run() throws {
            let folder = directory.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.rootURL.appending(path: "Templates")
            let name = directory ?? (site.root == "." ? "Templates" : site.rootURL.appending(path: "Templates").path)
            do {
                let (written, current) = try ThemeExport.export(to: folder, force: force)
                var text = ""
                for path in written { text += "wrote \(name)/\(path)\n" }
                text += "\(Plural.counted(written.count, "file")) written, \(current.count) already current, in \(name)/\n"
                FileHandle.standardOutput.write(Data(text.utf8))
            } catch {
                FileHandle.standardError.write(Data("error: \(name): \(error.description)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
