import Mustache

/// What a template reads: keys and their values, in the order they were set.
/// swift-mustache reads a `MustacheParent` through one call, where a dictionary
/// costs it casts and a hash of every name; pages have a few keys per level, so
/// a linear search of short ASCII names is the cheapest lookup.
struct TemplateContext: MustacheParent, ExpressibleByDictionaryLiteral {
    private var keys: [String] = []
    private var values: [Any] = []

    /// A literal's keys are distinct: they are appended, not looked up first.
    init(dictionaryLiteral elements: (String, Any)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            assert(!keys.contains(key), "key '\(key)' twice in a context literal")
            keys.append(key)
            values.append(TemplateContext.stored(value))
        }
    }

    /// Text is kept as `TemplateText`.
    private static func stored(_ value: Any) -> Any { (value as? String).map(TemplateText.init) ?? value }

    /// The value of `key`; setting nil removes the key. Text is kept as `TemplateText`.
    subscript(key: String) -> Any? {
        get { child(named: key).map { ($0 as? TemplateText)?.string ?? $0 } }
        set {
            let newValue = newValue.map(TemplateContext.stored)
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

    func child(named name: String) -> Any? { keys.firstIndex(of: name).map { values[$0] } }
}

/// A text value of a context. swift-mustache renders it through one cast, where
/// a `String` takes three and `String(describing:)`; and a section that shows it
/// (`{{#summary}}`) pushes an object whose keys are looked up directly, not
/// through `Mirror`. Transforms (`{{uppercased(title)}}`) apply as to a string.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let string: String
    var renderText: String { string }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { string.transform(name) }
}

// `{{name}}` on an object or a list shows nothing. swift-mustache would print
// it with `String(describing:)`: Swift's names for the types, and a
// dictionary's keys in an order that changes from one run to the next, so two
// builds of the same site differed (found by `scripts/fuzz theme`).
extension TemplateContext: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { false }
}

extension Dictionary: @retroactive MustacheCustomRenderable where Key == String {
    public var renderText: String { "" }
    public var isNull: Bool { false }
}

extension Array: @retroactive MustacheCustomRenderable {
    public var renderText: String { "" }
    public var isNull: Bool { false }
}
