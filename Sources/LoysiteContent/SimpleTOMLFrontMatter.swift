import LoysiteSupport

/// Reads TOML front matter into `PageFields` without TOMLKit: the values
/// `TOMLByteReader` reads, assigned as `PageFields(reading:)` reads the document
/// `TOMLFrontMatter` makes of the same text (an oracle test compares both on thousands
/// of random front matters). Nil where that reading would complain about a value's type
/// (TOMLKit's path then gives the error), and wherever the byte reader declines.
enum SimpleTOMLFrontMatter {
    static func fields(_ toml: String, path: String, firstLine: Int) -> PageFields? {
        guard let entries = TOMLByteReader.entries(toml, path: path, firstLine: firstLine), !entries.isEmpty else { return nil }
        var fields = PageFields()
        var fallbacks: [String: Located<String>] = [:]
        for entry in entries {
            let key = entry.key.lowercased()
            if PageLoader.knownKeys.contains(key) || PageFields.otherReadKeys.contains(key) {
                guard assign(entry.value, to: key, at: entry.valueLocation, in: &fields, fallbacks: &fallbacks) else { return nil }
            } else {
                fields.params.append((entry.key, entry.value.json))
            }
        }
        fields.summaryFallbacks = PageLoader.summaryFallbackKeys.compactMap { fallbacks[$0] }
        return fields
    }

    /// Stores `value` the way `FieldReader` reads that key; false where it would complain.
    private static func assign(_ value: TOMLValue, to key: String, at location: SourceLocation, in fields: inout PageFields,
                               fallbacks: inout [String: Located<String>]) -> Bool {
        switch key {
        case "title", "slug", "summary", "period", "date", "description", "short_description", "oneliner":
            guard let scalar = value.scalarText else { return false }
            let text = Located(scalar.trimmingWhitespace(), at: location)
            switch key {
            case "title": fields.title = text
            case "slug": fields.slug = text
            case "summary": fields.summary = text
            case "period": fields.period = text
            case "date":
                switch FieldReader.date(text, key: key) {
                case .success(let day): fields.date = day
                case .failure(let diagnostic): fields.diagnostics.append(diagnostic)
                }
            default: fallbacks[key] = text
            }
        case "draft":
            guard case .boolean(let flag) = value else { return false }
            fields.draft = Located(flag, at: location)
        default:
            let list: [Located<String>]
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
                list = names
            case .string, .dateText:
                list = [Located((value.scalarText ?? "").trimmingBlanks(), at: location)]
            case .integer, .float, .boolean, .table:
                return false
            }
            switch key {
            case "aliases": fields.aliases = list
            case "category": fields.category = list
            case "categories": fields.categories = list
            case "aka": fields.aka = list
            case "redirect_from": fields.redirectFrom = list
            default: fields.related = list
            }
        }
        return true
    }
}
