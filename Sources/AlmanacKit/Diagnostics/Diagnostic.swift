/// A problem found in a site, with where it is: `PATH:LINE:COLUMN: error: MESSAGE`.
///
/// `path` is relative to the site's root. Line and column are 1-based; the
/// column counts characters (Unicode scalars), as editors do.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public let severity: Severity
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(_ severity: Severity, _ path: String, _ position: SourcePosition?, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = position?.line
        self.column = position?.column
        self.message = message
    }

    public static func error(_ path: String, _ position: SourcePosition?, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, position, message)
    }

    public static func warning(_ path: String, _ position: SourcePosition?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, position, message)
    }

    public var isError: Bool { severity == .error }

    /// One line whatever the path and message hold (see `TerminalText`).
    public var description: String {
        var location = TerminalText.escaped(path)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(TerminalText.escaped(message))"
    }

    /// Sorted by path, then line and column (unknown positions first), then text.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path.precedesInUTF8(b.path) }
        if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
        if a.column != b.column { return (a.column ?? 0) < (b.column ?? 0) }
        return a.description.precedesInUTF8(b.description)
    }
}

/// A 1-based line and column in a source file.
public struct SourcePosition: Sendable, Hashable, Codable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The same place, `lines` further down the file.
    func shifted(by lines: Int) -> SourcePosition {
        SourcePosition(line: line + lines, column: column)
    }
}
