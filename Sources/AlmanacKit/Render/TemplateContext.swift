import Mustache

/// What a template reads: keys and their values, in the order they were set.
/// swift-mustache reads a `MustacheParent` through one call, where a dictionary
/// costs it casts and a hash of every name; pages have a few keys per level, so
/// a linear search of short ASCII names is the cheapest lookup.
struct TemplateContext: MustacheParent, ExpressibleByDictionaryLiteral {
    private var keys: [String] = []
    private var values: [Any] = []

    init(dictionaryLiteral elements: (String, Any)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`; setting nil removes the key.
    subscript(key: String) -> Any? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    func child(named name: String) -> Any? { self[name] }
}
