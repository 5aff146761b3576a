/// Values that threads take one each, by place: what a slot held is moved out
/// to the one thread that takes it, and the slot is left empty. The linker
/// hands each body's Markdown to the worker that links it this way, so that a
/// body is freed as soon as its HTML is made and a site's Markdown and HTML are
/// never all held at once (that was the peak of a build's memory).
final class TakenOnce<Value: Sendable>: @unchecked Sendable where Value: RangeReplaceableCollection {
    private let slots: UnsafeMutableBufferPointer<Value>

    init(_ values: [Value]) {
        slots = .allocate(capacity: values.count)
        _ = slots.initialize(fromContentsOf: values)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// What slot `index` holds, which is left empty. Each slot is taken by one
    /// thread at most: slots are apart in memory, so threads taking different ones never meet.
    func take(_ index: Int) -> Value {
        precondition(slots.indices.contains(index), "no slot \(index)")
        let value = (slots.baseAddress! + index).move()
        (slots.baseAddress! + index).initialize(to: Value())
        return value
    }
}
