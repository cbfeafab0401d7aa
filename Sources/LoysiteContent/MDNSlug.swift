import LoysiteSupport

/// MDN's `slug:` is not a slug but the page's path under `/<locale>/docs/`
/// (`slug: Glossary/Accessibility_tree`, `slug: Glossary/Block/CSS`), and every page of
/// MDN's glossary has one. Read as its authors meant it, it names the term: the part
/// after `Glossary/`, transliterated (`accessibility-tree`, `block-css`). The file
/// name would not do: nested pages (`block/css/index.md` beside `css/index.md`) would
/// share a slug.
enum MDNSlug {
    /// The term slug an MDN path names, or nil when the value is not an MDN glossary path.
    static func slug(fromPath value: String) -> String? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].lowercased() == "glossary" else { return nil }
        return Slug.make(from: parts.dropFirst().joined(separator: "-"))
    }
}
