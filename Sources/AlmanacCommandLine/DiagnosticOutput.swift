import AlmanacKit
import Foundation

/// Prints diagnostics, one a line, to standard error.
public func report(_ diagnostics: [Diagnostic], quiet: Bool = false) {
    var text = ""
    for diagnostic in diagnostics where !quiet || diagnostic.isError { text += diagnostic.description + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
}

/// One line that counts errors and warnings, for the end of a run.
public func summary(of diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter(\.isError).count
    let warnings = diagnostics.count - errors
    return "\(Plural.counted(errors, "error")), \(Plural.counted(warnings, "warning"))"
}
