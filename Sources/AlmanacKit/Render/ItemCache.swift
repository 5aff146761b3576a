import Foundation

/// Rendered list items, shared by the threads that render pages. What is
/// stored for a key does not depend on which thread rendered it first.
final class ItemCache: @unchecked Sendable {
    private struct Key: Hashable {
        let id: EntryID
        let root: String
    }

    private let lock = NSLock()
    private var items: [Key: String]

    /// `known`: items of pages at the top of the output, rendered by an earlier build.
    init(known: [EntryID: String] = [:]) {
        items = Dictionary(uniqueKeysWithValues: known.map { (Key(id: $0.key, root: ""), $0.value) })
    }

    /// The item of `id` for pages under `root`, rendered by `render` the first time.
    func item(_ id: EntryID, root: String, render: () -> String) -> String {
        let key = Key(id: id, root: root)
        if let cached = lock.withLock({ items[key] }) { return cached }
        let rendered = render()
        lock.withLock { items[key] = rendered }
        return rendered
    }

    /// The item of `id` for pages under `root`, if it has been rendered.
    func rendered(_ id: EntryID, root: String) -> String? {
        lock.withLock { items[Key(id: id, root: root)] }
    }
}
