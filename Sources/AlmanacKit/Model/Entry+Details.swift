/// The details of each kind, for code that reads one kind's fields.
extension Entry {
    var actor: Actor? { if case .actor(let actor) = details { actor } else { nil } }
    var event: Event? { if case .event(let event) = details { event } else { nil } }
    var poll: Poll? { if case .poll(let poll) = details { poll } else { nil } }
    var source: Source? { if case .source(let source) = details { source } else { nil } }
}
