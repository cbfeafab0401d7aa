import LoysiteSupport

/// Reads TOML front matter into `PageFields` without TOMLKit: the values
/// `TOMLByteReader` reads, assigned as `PageFields(reading:)` reads the document
/// `TOMLFrontMatter` makes of the same text (an oracle test compares both on thousands
/// of random front matters). Nil where that reading would complain about a value's type
/// (TOMLKit's path then gives the error), and wherever the byte reader declines.
enum SimpleTOMLFrontMatter {
    static func fields(_ toml: String, path: String, firstLine: Int) -> PageFields? {
        guard let entries = TOMLByteReader.entries(toml, path: path, firstLine: firstLine), !entries.isEmpty else { return nil }
        var fields = PageFieldsBuilder()
        for entry in entries {
            let key = entry.key.lowercased()
            if let role = PageFieldsBuilder.role(of: key) {
                guard assign(entry.value, as: role, to: key, at: entry.valueLocation, in: &fields) else { return nil }
            } else {
                fields.addParam(entry.key, entry.value.json)
            }
        }
        return fields.finished()
    }

    /// Hands `value` over as `FieldReader` would read it for a key of that role; false
    /// where it would complain.
    private static func assign(_ value: TOMLValue, as role: PageFieldsBuilder.Role, to key: String, at location: SourceLocation,
                               in fields: inout PageFieldsBuilder) -> Bool {
        switch role {
        case .text:
            guard let scalar = value.scalarText else { return false }
            fields.setText(Located(scalar.trimmingWhitespace(), at: location), key: key)
        case .flag:
            guard case .boolean(let flag) = value else { return false }
            fields.setFlag(Located(flag, at: location), key: key)
        case .names:
            switch value {
            case .array(let items):
                // Items have no place of their own: the list's. A table among `aka`'s
                // items is an entry with a title, read by `PageFields.akaEntries`.
                var names: [Located<String>] = []
                for item in items {
                    guard let scalar = item.scalarText else { return false }
                    let text = scalar.trimmingBlanks()
                    if !text.isEmpty { names.append(Located(text, at: location)) }
                }
                fields.setNames(names, key: key)
            case .string, .dateText:
                fields.setNames([Located((value.scalarText ?? "").trimmingBlanks(), at: location)], key: key)
            case .integer, .float, .boolean, .table:
                return false
            }
        }
        return true
    }
}
