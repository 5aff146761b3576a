/// What an edit changes for the pages of a site: which entries' pages a
/// rebuild must render again (step 3 of `Almanac.incrementalBuild`).
///
/// An entry whose front matter changed, or that is new, shows on the pages of
/// every entry it refers to or that refers to it (before and after the edit),
/// and of its neighbours on the timeline (before and after). An entry whose
/// body alone changed shows only on its own page and in the "Referenced by"
/// lists of the entries its body started or stopped mentioning. The feed shows
/// the bodies of the newest events: they are linked again when it is written.
struct EditImpact {
    /// The edited entries.
    let changed: Set<EntryID>
    /// Edited entries whose front matter changed, or that are new: other pages show them.
    private(set) var reshown = Set<EntryID>()
    /// An entry was added or moved in its kind's order (a new title or date).
    private(set) var reordered = false
    /// The entries whose pages can show what changed: the edited ones, those
    /// others show them on, the home page; the newest events when the feed changed.
    private(set) var affected: Set<EntryID>
    /// The feed must be written again.
    private(set) var feedChanged = false

    /// `edited`: each edited entry with its body linked; `previous`: the cache's
    /// entries; `entries`: every entry of this build; `feed`: the site has a feed.
    init(edited: [(entry: Entry, body: Resolver.LinkedBody)], previous: [EntryID: BuildCache.CachedEntry], entries: [EntryID: Entry],
         feed: Bool) {
        changed = Set(edited.map(\.entry.id))
        for (entry, _) in edited {
            guard let old = previous[entry.id]?.entry, Linker.sortsAlike(old, entry) else {
                reordered = true
                reshown.insert(entry.id)
                continue
            }
            if !old.sameFrontMatter(as: entry) { reshown.insert(entry.id) }
        }
        affected = changed
        for (id, old) in previous where !reshown.isEmpty {
            if reshown.contains(id) {
                affected.formUnion(old.entry.fieldReferences.lazy.map(\.target))
                affected.formUnion(old.body.mentions)
            } else if old.entry.fieldReferences.contains(where: { reshown.contains($0.target) }) || old.body.mentions.contains(where: reshown.contains) {
                affected.insert(id)
            }
        }
        for (entry, body) in edited {
            let mentions = Set(body.edges.map(\.to))
            if reshown.contains(entry.id) {
                affected.formUnion(entry.fieldReferences.lazy.map(\.target))
                affected.formUnion(mentions)
            } else {
                affected.formUnion(mentions.symmetricDifference(previous[entry.id]?.body.mentions ?? []))
            }
        }
        let newEvents = changed.contains { $0.kind == .event } ? entries.values.filter { $0.kind == .event } : []
        let reshownEvents = edited.map(\.entry).filter { $0.kind == .event && reshown.contains($0.id) }
        if !reshownEvents.isEmpty {
            let oldEvents = previous.values.lazy.map(\.entry).filter { $0.kind == .event }
            affected.formUnion(EditImpact.timelineNeighbours(of: reshownEvents.compactMap { previous[$0.id]?.entry }, among: Array(oldEvents)))
            affected.formUnion(EditImpact.timelineNeighbours(of: reshownEvents, among: newEvents))
        }
        if feed, !newEvents.isEmpty {
            let newest = EditImpact.newest(ContextBuilder.feedLength, of: newEvents)
            if reordered || newest.contains(where: changed.contains) {
                feedChanged = true
                affected.formUnion(newest)
            }
        }
        // The home page is rendered every time (it counts entries), with its text.
        affected.insert(.home)
        affected = affected.filter { entries[$0] != nil }
    }

    /// The events just before and just after each of `events` on the timeline of
    /// `timeline` (events in any order): one pass each, not a sort of the timeline.
    static func timelineNeighbours(of events: [Entry], among timeline: [Entry]) -> Set<EntryID> {
        var found = Set<EntryID>()
        for event in events {
            let key = (date: event.date!, id: event.id)
            var before: (date: PartialDate, id: EntryID)?
            var after: (date: PartialDate, id: EntryID)?
            for other in timeline where other.id != event.id {
                let otherKey = (date: other.date!, id: other.id)
                if Linker.precedes(otherKey, key) {
                    if before.map({ Linker.precedes($0, otherKey) }) ?? true { before = otherKey }
                } else if after.map({ Linker.precedes(otherKey, $0) }) ?? true {
                    after = otherKey
                }
            }
            if let before { found.insert(before.id) }
            if let after { found.insert(after.id) }
        }
        return found
    }

    /// The last `count` of `events` on the timeline, without sorting them all.
    static func newest(_ count: Int, of events: [Entry]) -> [EntryID] {
        var last: [(date: PartialDate, id: EntryID)] = []  // in timeline order
        for event in events {
            let key = (date: event.date!, id: event.id)
            if last.count == count, !Linker.precedes(last[0], key) { continue }
            let place = last.firstIndex { Linker.precedes(key, $0) } ?? last.count
            last.insert(key, at: place)
            if last.count > count { last.removeFirst() }
        }
        return last.map(\.id)
    }

}
