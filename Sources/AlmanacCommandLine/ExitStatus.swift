import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses the command line and runs the command it names. Exit status: 0
    /// success, 1 the site has errors, 2 the command line is wrong.
    /// `arguments` nil: the process's own.
    public static func runWithExitStatus(_ arguments: [String]? = nil) {
        do {
            var command = try parseAsRoot(arguments)
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
