/// The members of an object value (`page`, `site`, a link …): names and values side by
/// side, searched in order.
///
/// Objects in page contexts have a handful of members and are made and searched for
/// every page: a dictionary hashed every name at every insert and, since a name is
/// looked for from the innermost value outwards, at every level of every lookup (a
/// tenth of a 10,000-term build). Comparing a few short names is cheaper than hashing
/// one. Setting a name that is there replaces its value, so names stay unique.
package struct TemplateObject: Sendable {
    /// Names and values side by side in one array: an object literal's own array of
    /// pairs becomes the storage as it is (two arrays made and filled from it cost more
    /// than the rest of making a page's context).
    private(set) var members: [(String, TemplateValue)]

    package init() {
        members = []
    }

    package init(_ members: [String: TemplateValue]) {
        self.members = members.map { ($0.key, $0.value) }
    }

    package subscript(name: String) -> TemplateValue? {
        get {
            guard let index = index(of: name) else { return nil }
            return members[index].1
        }
        set {
            if let index = index(of: name) {
                if let newValue { members[index].1 = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((name, newValue))
            }
        }
    }

    /// This object with `other`'s members added, `other`'s values winning.
    package func merging(_ other: TemplateObject) -> TemplateObject {
        var result = self
        for (name, value) in other.members { result[name] = value }
        return result
    }

    /// The members as a dictionary (for descriptions and callers that want one).
    package var dictionary: [String: TemplateValue] {
        Dictionary(members, uniquingKeysWith: { _, last in last })
    }

    @inline(__always) private func index(of name: String) -> Int? {
        // Lengths first: most names differ in length, and comparing strings that differ
        // takes the slow path of `==`.
        let length = name.utf8.count
        var index = 0
        let count = members.count
        while index < count {
            if members[index].0.utf8.count == length, members[index].0 == name { return index }
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
        members = elements
        assert(Set(elements.map(\.0)).count == elements.count, "duplicate names in a template object literal: \(elements.map(\.0))")
    }
}
