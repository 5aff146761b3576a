import Foundation

/// The file every build writes at the top of its output folder, so that a
/// later build knows the folder is its own to replace. A build replaces the
/// whole output folder, so it refuses a folder that is not empty and has no
/// marker: Almanac never deletes a folder it did not write.
///
/// The marker is an ordinary output file: `build --check` reports it missing
/// like any other, and a site that commits its output commits it too, so an
/// output that comes from a clone is recognised as well.
public enum OutputMarker {
    public static let name = ".almanac-output"

    static let text = """
        This folder was written by Almanac (almanac build). Each build replaces all of it:
        do not keep other files here. Almanac refuses to replace a folder without this file.

        """

    /// Why a build must not replace `output`, or nil when it may: the folder does
    /// not exist, is empty, or holds the marker.
    static func problem(with output: URL) -> String? {
        guard isDirectory(output), !isSymbolicLink(output) else { return nil }
        if exists(output.appending(path: name)) { return nil }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else {
            return "the output folder cannot be read, so it cannot be told apart from a folder Almanac did not write; choose another --output"
        }
        if names.isEmpty { return nil }
        return "the output folder is not empty and was not written by Almanac (it has no \(name) file); "
            + "a build replaces the whole folder, so it is left alone: choose a new or empty folder with --output, "
            + "or, if it is an older Almanac output, delete it and build again"
    }
}
