import LoysiteContent
import LoysiteSupport

/// schema.org JSON-LD for the glossary (`DefinedTermSet`) and its terms (`DefinedTerm`),
/// so search engines understand the pages as a glossary.
enum StructuredData {
    /// The glossary's JSON-LD, serialized: every term's entry on any core, then put
    /// together (the A–Z page is one file, and its terms are many).
    static func definedTermSet(read: SiteReader) -> String {
        let url = read.absoluteURL(SiteLayout.Output.glossaryFolder)
        let order = read.glossary.order
        let terms = SiteFragments.parts(order, \.definedTerms, read: read) { setMember($0, read: $1) }
        return JSONValue.serializedObject([
            ("@context", .string("https://schema.org")),
            ("@type", .string("DefinedTermSet")),
            ("@id", .string(url)),
            ("name", .string(read.config.title.lowercased().contains("glossary") ? read.config.title : "\(read.config.title) glossary")),
            ("url", .string(url)),
            ("inLanguage", .string(read.config.language)),
        ], endingWithArray: "hasDefinedTerm", of: terms)
    }

    /// A term as a member of the glossary's set, serialized.
    static func setMember(_ number: PageID, read: SiteReader) -> String {
        term(number, read: read, inSet: false)
    }

    /// A term page's own JSON-LD, serialized.
    static func definedTerm(_ number: PageID, read: SiteReader) -> String {
        term(number, read: read, inSet: true)
    }

    /// Written straight to bytes (`JSONWriter`): every term page has one, and the A–Z
    /// page one per term.
    private static func term(_ number: PageID, read: SiteReader, inSet: Bool) -> String {
        let url = read.absoluteURL(read.path(number))
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        if inSet { json.member("@context", "https://schema.org") }
        json.member("@type", "DefinedTerm")
        json.member("@id", url)
        json.member("name", read.title(number))
        json.member("termCode", read.slug(number))
        json.member("url", url)
        let summary = read.summary(number), aliases = read.aliases(number)
        if !summary.isEmpty { json.member("description", summary) }
        if !aliases.isEmpty {
            json.key("alternateName")
            json.strings(aliases)
        }
        if inSet { json.member("inDefinedTermSet", read.absoluteURL(SiteLayout.Output.glossaryFolder)) }
        json.endObject()
        return json.text
    }
}
