/// A value templates see: what page contexts are made of. A closed set of cases instead
/// of `Any`, so looking a name up is a search of a few names and a `switch`, not a chain
/// of dynamic casts (which made rendering the largest step of a 10,000-term build).
package enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Converts the loosely typed values of older callers (strings, numbers, booleans,
    /// arrays and string-keyed dictionaries of them); anything else becomes its description.
    package init(any value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let value as String: self = .string(value)
        case let value as Substring: self = .string(String(value))
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as [String: Any]: self = .object(TemplateObject(value.mapValues { TemplateValue(any: $0) }))
        case let value as [Any]: self = .list(value.map { TemplateValue(any: $0) })
        default: self = .string(String(describing: value))
        }
    }

    /// A member of an object; nil for every other kind of value (as in Mustache, only
    /// objects have names below them).
    @inline(__always) func member(_ name: String) -> TemplateValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The value as text for `{{name}}`: what swift-mustache (which earlier versions used)
    /// printed, `String(describing:)` of the Swift value, so output stays the same.
    var text: String {
        switch self {
        case .string(let text): return text
        case .bool(let value): return String(describing: value)
        case .int(let value): return String(describing: value)
        case .double(let value): return String(describing: value)
        case .list, .object: return String(describing: anyValue)
        }
    }

    private var anyValue: Any {
        switch self {
        case .string(let text): return text
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .list(let items): return items.map(\.anyValue)
        case .object(let members): return members.dictionary.mapValues(\.anyValue)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(uniqueMembers: elements))
    }
}
