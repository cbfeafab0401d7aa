import LoysiteSupport

/// Makes `PageFields` the way `PageFields(reading:)` reads a parsed document, for the
/// readers that never make one (`SimpleFrontMatter`, `SimpleTOMLFrontMatter`). Each reader
/// turns a key's value into what `FieldReader` would make of it — a text, a flag, a list
/// of names — and the builder stores it where `PageFields(reading:)` does, so which key
/// goes where is written once for every reader and oracle-tested through all of them.
struct PageFieldsBuilder {
    /// What a key loysite reads holds.
    enum Role {
        /// `title`, `slug`, `summary`, `period`, `date`, the summary fallbacks, the former-URL keys.
        case text
        /// `draft`.
        case flag
        /// `aliases`, `category`, `categories`, `related`, `aka`, `redirect_from`.
        case names
    }

    /// The role of a lower-cased key; nil for a key loysite does not read (a template param).
    static func role(of key: String) -> Role? {
        guard PageLoader.knownKeys.contains(key) || PageFields.otherReadKeys.contains(key) else { return nil }
        switch key {
        case "draft": return .flag
        case "aliases", "category", "categories", "related", "aka", "redirect_from": return .names
        default: return .text
        }
    }

    private var fields = PageFields()
    /// The texts that stand in order of preference (summary fallbacks, former URLs), by key:
    /// a key written twice keeps its last value, as in the document.
    private var rankedTexts: [String: Located<String>] = [:]

    init() {}

    /// A `.text` key's value; nil for a null, which leaves the field unset.
    mutating func setText(_ text: Located<String>?, key: String) {
        switch key {
        case "title": fields.title = text
        case "slug": fields.slug = text
        case "summary": fields.summary = text
        case "period": fields.period = text
        case "date":
            guard let text else { fields.date = nil; return }
            switch FieldReader.date(text, key: key) {
            case .success(let day): fields.date = day
            case .failure(let diagnostic): fields.diagnostics.append(diagnostic)
            }
        default: rankedTexts[key] = text
        }
    }

    mutating func setFlag(_ flag: Located<Bool>, key: String) {
        fields.draft = flag
    }

    mutating func setNames(_ names: [Located<String>], key: String) {
        switch key {
        case "aliases": fields.aliases = names
        case "category": fields.category = names
        case "categories": fields.categories = names
        case "aka": fields.aka = names
        case "redirect_from": fields.redirectFrom = names
        default: fields.related = names
        }
    }

    /// A key loysite does not read, passed to templates as written.
    mutating func addParam(_ key: String, _ value: JSONValue) {
        fields.params.append((key, value))
    }

    func finished() -> PageFields {
        var fields = fields
        fields.summaryFallbacks = PageLoader.summaryFallbackKeys.compactMap { rankedTexts[$0] }
        fields.formerURLs = PageFields.formerURLKeys.compactMap { rankedTexts[$0] }
        return fields
    }
}
