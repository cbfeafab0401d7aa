/// The members of an object value (`page`, `site`, a link …): names and values side by
/// side, searched in order.
///
/// Objects in page contexts have a handful of members and are made and searched for
/// every page: a dictionary hashed every name at every insert and, since a name is
/// looked for from the innermost value outwards, at every level of every lookup (a
/// tenth of a 10,000-term build). Comparing a few short names is cheaper than hashing
/// one. Setting a name that is there replaces its value, so names stay unique.
package struct TemplateObject: Sendable {
    private(set) var names: [String]
    private(set) var values: [TemplateValue]

    package init() {
        names = []
        values = []
    }

    package init(_ members: [String: TemplateValue]) {
        names = Array(members.keys)
        values = Array(members.values)
    }

    package subscript(name: String) -> TemplateValue? {
        get {
            guard let index = index(of: name) else { return nil }
            return values[index]
        }
        set {
            if let index = index(of: name) {
                if let newValue { values[index] = newValue } else { names.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// This object with `other`'s members added, `other`'s values winning.
    package func merging(_ other: TemplateObject) -> TemplateObject {
        var result = self
        for (name, value) in zip(other.names, other.values) { result[name] = value }
        return result
    }

    /// The members as a dictionary (for descriptions and callers that want one).
    package var dictionary: [String: TemplateValue] {
        Dictionary(zip(names, values), uniquingKeysWith: { _, last in last })
    }

    @inline(__always) private func index(of name: String) -> Int? {
        // Lengths first: most names differ in length, and comparing strings that differ
        // takes the slow path of `==`.
        let length = name.utf8.count
        var index = 0
        let count = names.count
        while index < count {
            if names[index].utf8.count == length, names[index] == name { return index }
            index += 1
        }
        return nil
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// As in a dictionary literal, each name may appear once (checked in debug builds).
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(uniqueMembers: elements)
    }

    package init(uniqueMembers elements: [(String, TemplateValue)]) {
        names = elements.map(\.0)
        values = elements.map(\.1)
        assert(Set(names).count == names.count, "duplicate names in a template object literal: \(names)")
    }
}
