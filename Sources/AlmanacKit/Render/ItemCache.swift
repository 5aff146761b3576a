import Foundation

/// Rendered list items, shared by the threads that render pages. What is
/// stored for a key does not depend on which thread rendered it first.
final class ItemCache: @unchecked Sendable {
    private struct Key: Hashable {
        let id: EntryID
        let root: String
    }

    private let lock = NSLock()
    private var items: [Key: String] = [:]
    private let known: @Sendable (EntryID) -> String?

    /// `known`: items of pages at the top of the output, rendered by an earlier build.
    init(known: @escaping @Sendable (EntryID) -> String? = { _ in nil }) {
        self.known = known
    }

    /// The item of `id` for pages under `root`, rendered by `render` the first time.
    func item(_ id: EntryID, root: String, render: () -> String) -> String {
        let key = Key(id: id, root: root)
        if let cached = rendered(id, root: root) { return cached }
        let rendered = render()
        lock.withLock { items[key] = rendered }
        return rendered
    }

    /// The item of `id` for pages under `root`, if it has been rendered.
    func rendered(_ id: EntryID, root: String) -> String? {
        if root.isEmpty, let item = known(id) { return item }
        return lock.withLock { items[Key(id: id, root: root)] }
    }
}
