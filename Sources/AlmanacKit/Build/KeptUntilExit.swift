import Foundation

/// What a build made, left for the end of the process when the caller says the
/// process ends with the build (`Almanac.Options.endsProcess`): the system takes
/// the memory back at once, where freeing a large site's entries, pages and
/// indexes object by object took a tenth of a rebuild (as a compiler leaves its
/// syntax trees to `exit`). A long-lived caller, such as `almanac serve`, frees.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any, if endsProcess: Bool) {
        guard endsProcess else { return }
        lock.withLock { kept.append(value) }
    }
}
