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
        term(number, read: read, inSet: false).serialized()
    }

    static func definedTerm(_ number: PageID, read: SiteReader) -> JSONValue {
        term(number, read: read, inSet: true)
    }

    private static func term(_ number: PageID, read: SiteReader, inSet: Bool) -> JSONValue {
        let url = read.absoluteURL(read.path(number))
        var members: [(String, JSONValue)] = []
        if inSet { members.append(("@context", .string("https://schema.org"))) }
        members += [
            ("@type", .string("DefinedTerm")),
            ("@id", .string(url)),
            ("name", .string(read.title(number))),
            ("termCode", .string(read.slug(number))),
            ("url", .string(url)),
        ]
        let summary = read.summary(number), aliases = read.aliases(number)
        if !summary.isEmpty { members.append(("description", .string(summary))) }
        if !aliases.isEmpty { members.append(("alternateName", .array(aliases.map { .string($0) }))) }
        if inSet { members.append(("inDefinedTermSet", .string(read.absoluteURL(SiteLayout.Output.glossaryFolder)))) }
        return .object(members)
    }
}
