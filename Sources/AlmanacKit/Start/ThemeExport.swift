import Foundation

/// `almanac theme export`: the default theme built into `almanac`, copied into a
/// folder to be edited. A site whose `Templates/` holds the export unchanged
/// builds byte for byte as it does with no `Templates/`.
public enum ThemeExport {
    public enum Failure: Error, CustomStringConvertible {
        case wouldOverwrite([String])
        case symbolicLink(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .wouldOverwrite(let paths):
                "\(Plural.counted(paths.count, "file")) of the theme already \(paths.count == 1 ? "exists" : "exist") with other content "
                    + "(\(paths.joined(separator: ", "))); nothing was written: use --force to overwrite \(paths.count == 1 ? "it" : "them")"
            case .symbolicLink(let path): "\(path) is a symbolic link: not written through (nothing was written)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// The default theme's files: path relative to `Templates/`, and bytes.
    public static var files: [(path: String, data: Data)] {
        DefaultTheme.base64Files.map { ($0.path, Data(base64Encoded: $0.base64)!) }
    }

    /// Copies every file of the default theme into `folder` (made if missing).
    /// A file that is already there with the same bytes is left alone; one with
    /// other bytes is overwritten only with `force` (otherwise nothing is written).
    /// Other files in `folder` are never touched. Returns the paths written and
    /// the paths already current, relative to `folder`.
    public static func export(to folder: URL, force: Bool) throws(Failure) -> (written: [String], current: [String]) {
        var toWrite: [(String, Data)] = []
        var current: [String] = []
        var conflicts: [String] = []
        for (path, data) in files {
            let url = folder.appending(path: path)
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
                throw .symbolicLink(path)
            } else if !FileManager.default.fileExists(atPath: url.path) {
                toWrite.append((path, data))
            } else if (try? Data(contentsOf: url)) == data {
                current.append(path)
            } else {
                conflicts.append(path)
                toWrite.append((path, data))
            }
        }
        if !conflicts.isEmpty, !force { throw .wouldOverwrite(conflicts) }
        for (path, data) in toWrite {
            let url = folder.appending(path: path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(path, (error as NSError).localizedDescription)
            }
        }
        return (toWrite.map(\.0), current)
    }
}
