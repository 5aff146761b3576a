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

    /// The items rendered so far for pages at the top of the output (the timeline's).
    var topItems: [EntryID: String] {
        lock.withLock { Dictionary(uniqueKeysWithValues: items.compactMap { $0.key.root.isEmpty ? ($0.key.id, $0.value) : nil }) }
    }
}
