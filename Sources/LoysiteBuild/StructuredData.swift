import LoysiteSupport

/// schema.org JSON-LD for the glossary (`DefinedTermSet`) and its terms (`DefinedTerm`),
/// so search engines understand the pages as a glossary.
enum StructuredData {
    /// The glossary's JSON-LD, serialized: every term's entry on any core, then put
    /// together (the A–Z page is one file, and its terms are many).
    static func definedTermSet(site: LinkedSite) -> String {
        let url = site.absoluteURL(SiteLayout.Output.glossaryFolder)
        let terms = site.fragments.map { fragments in site.glossary.order.map { fragments.definedTerms[$0] } }
            ?? Parallel.map(site.glossary.order) { setMember($0, site: site) }
        return JSONValue.serializedObject([
            ("@context", .string("https://schema.org")),
            ("@type", .string("DefinedTermSet")),
            ("@id", .string(url)),
            ("name", .string(site.config.title.lowercased().contains("glossary") ? site.config.title : "\(site.config.title) glossary")),
            ("url", .string(url)),
            ("inLanguage", .string(site.config.language)),
        ], endingWithArray: "hasDefinedTerm", of: terms)
    }

    /// A term as a member of the glossary's set, serialized.
    static func setMember(_ number: Int, site: LinkedSite) -> String {
        term(number, site: site, inSet: false).serialized()
    }

    static func definedTerm(_ number: Int, site: LinkedSite) -> JSONValue {
        term(number, site: site, inSet: true)
    }

    private static func term(_ number: Int, site: LinkedSite, inSet: Bool) -> JSONValue {
        let page = site.pages[number]
        var members: [(String, JSONValue)] = []
        if inSet { members.append(("@context", .string("https://schema.org"))) }
        members += [
            ("@type", .string("DefinedTerm")),
            ("@id", .string(site.absoluteURL(page.path))),
            ("name", .string(page.title)),
            ("termCode", .string(page.slug)),
            ("url", .string(site.absoluteURL(page.path))),
        ]
        if !site.summaries[number].isEmpty { members.append(("description", .string(site.summaries[number]))) }
        if !page.aliases.isEmpty { members.append(("alternateName", .array(page.aliases.map { .string($0.value) }))) }
        if inSet { members.append(("inDefinedTermSet", .string(site.absoluteURL(SiteLayout.Output.glossaryFolder)))) }
        return .object(members)
    }
}
