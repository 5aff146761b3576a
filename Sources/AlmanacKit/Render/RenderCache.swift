import Foundation

/// Rendered parts that many pages share, rendered once and shared by the
/// threads that render pages (like Hugo's `partialCached`): each entry's list
/// item, the site header, and each entry's date as text. What is stored for a key does not depend on
/// which thread rendered it first.
final class RenderCache: @unchecked Sendable {
    private struct ItemKey: Hashable {
        let id: EntryID
        let root: String
    }

    /// What the header of a page shows: where the page is, its section, its breadcrumbs.
    struct HeaderKey: Hashable {
        let root: String
        let section: String?
        let crumbs: [String]
    }

    private let lock = NSLock()
    private var items: [ItemKey: String] = [:]
    private var headers: [HeaderKey: String] = [:]
    private var dates: [EntryID: String] = [:]
    private let known: @Sendable (EntryID) -> String?

    /// `known`: items of pages at the top of the output, rendered by an earlier build.
    init(known: @escaping @Sendable (EntryID) -> String? = { _ in nil }) {
        self.known = known
    }

    /// The item of `id` for pages under `root`, rendered by `render` the first time.
    func item(_ id: EntryID, root: String, render: () -> String) -> String {
        if root.isEmpty, let item = known(id) { return item }
        return cached(\.items, ItemKey(id: id, root: root), render: render)
    }

    /// The item of `id` for pages under `root`, if it has been rendered.
    func rendered(_ id: EntryID, root: String) -> String? {
        if root.isEmpty, let item = known(id) { return item }
        return lock.withLock { items[ItemKey(id: id, root: root)] }
    }

    /// The header of pages that show the same `key`, rendered by `render` the first time.
    func header(_ key: HeaderKey, render: () -> String) -> String {
        cached(\.headers, key, render: render)
    }

    /// How `id`'s date reads ("6–8 March 2022"), made by `render` the first time:
    /// lists and charts show an entry's date on many pages.
    func date(_ id: EntryID, render: () -> String) -> String {
        cached(\.dates, id, render: render)
    }

    /// `table[key]`, rendered by `render` (outside the lock) and stored if it is not there yet.
    private func cached<Key: Hashable>(_ table: ReferenceWritableKeyPath<RenderCache, [Key: String]>, _ key: Key, render: () -> String) -> String {
        if let text = lock.withLock({ self[keyPath: table][key] }) { return text }
        let text = render()
        lock.withLock { self[keyPath: table][key] = text }
        return text
    }
}
