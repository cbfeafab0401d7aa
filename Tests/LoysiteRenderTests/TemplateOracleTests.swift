import Foundation
import LoysiteRender
import Mustache
import LoysiteTesting
import Testing

/// loysite renders themes with its own Mustache engine, written from the specification
/// (MustacheSpecTests runs the specification's own tests). swift-mustache, which
/// earlier versions rendered with, stays as a second reference: these tests render the
/// same templates with both and require the same output.
///
/// The random templates keep to what both do as the specification says: lines either
/// hold text or stand alone as themes write them (one section, comment or partial tag,
/// maybe indented). swift-mustache departs from the specification on lines of several
/// tags and no text (it may drop them when the tags render nothing), on spaces after the
/// last line break (it drops them), and on `{{.name}}` directly inside an inverted
/// section (it pushes the empty value on the stack; the specification pushes nothing),
/// so none of these is generated.
@Suite struct TemplateOracleTests {
    /// The one intended difference: an empty string is false in a section (mustache.js
    /// does the same). Taught to the reference here so both agree on it.
    struct Text: MustacheCustomRenderable {
        var value: String
        var renderText: String { value }
        var isNull: Bool { value.isEmpty }
    }

    static func referenceValue(_ value: Any) -> Any {
        switch value {
        case let text as String: return Text(value: text)
        case let object as [String: Any]: return object.mapValues(referenceValue)
        case let list as [Any]: return list.map(referenceValue)
        default: return value
        }
    }

    nonisolated(unsafe) static let context: [String: Any] = [
        "title": "Net <Promoter> & \"Score\"", "empty": "", "yes": true, "no": false, "count": 3, "ratio": 0.25,
        "site": ["title": "Lexicon", "nav": [["title": "A", "href": "a/", "current": true], ["title": "B", "href": "b/", "current": false]]],
        "items": [["name": "one", "tags": ["x", "y"]], ["name": "two", "tags": [String]()], ["name": "", "site": ["title": "inner"]]],
        "none": [Any](),
    ]

    func both(_ text: String, partials: [String: String] = [:]) throws -> (ours: String, reference: String) {
        let ours = try Template(string: text).render(TemplateValue(any: Self.context), partials: partials.mapValues { try Template(string: $0) })
        var library = MustacheLibrary()
        for (name, partial) in partials { try library.register(partial, named: name) }
        let reference = try MustacheTemplate(string: text).render(Self.referenceValue(Self.context), library: library)
        return (ours, reference)
    }

    /// Deterministic random templates from the tags themes use, on lines that all hold
    /// text (`·`), so no line stands alone. (`{{.}}` appears only over lists of strings:
    /// on a dictionary it prints Swift's unordered description.)
    static func randomInlineTemplate(_ random: inout SeededNumbers, depth: Int = 0, inverted: Bool = false) -> String {
        var leaves = ["{{title}}", "{{{title}}}", "{{& title}}", "{{empty}}", "{{count}}", "{{ratio}}", "{{site.title}}", "{{missing}}",
                      "{{#items}}{{#tags}}<{{.}}>{{/tags}}{{/items}}", "{{name}}", "{{.name}}", "text <&> ", "\n·", "  ", "{{> part}}", "{{! a comment }}"]
        if inverted { leaves.removeAll { $0 == "{{.name}}" } }
        var out = ""
        for _ in 0..<(1 + random.below(4)) {
            if depth < 3, random.below(3) == 0 {
                let name = sections[random.below(sections.count)]
                let invertedSection = random.below(3) == 0
                out += "{{\(invertedSection ? "^" : "#")\(name)}}" + randomInlineTemplate(&random, depth: depth + 1, inverted: invertedSection) + "{{/\(name)}}"
            } else {
                out += leaves[random.below(leaves.count)]
            }
        }
        return out
    }

    static let sections = ["yes", "no", "empty", "title", "items", "none", "site", "site.nav", "tags", "missing", "count"]

    /// Random templates laid out as themes are: section tags, comments and partials alone
    /// on their lines (indented or not), between lines of text and tags.
    static func randomLinesTemplate(_ random: inout SeededNumbers, depth: Int = 0, inverted: Bool = false) -> String {
        var out = ""
        for _ in 0..<(1 + random.below(4)) {
            let indentation = ["", "  ", "\t"][random.below(3)]
            switch random.below(6) {
            case 0 where depth < 3, 1 where depth < 3:
                let name = sections[random.below(sections.count)]
                let invertedSection = random.below(3) == 0
                out += indentation + "{{\(invertedSection ? "^" : "#")\(name)}}\n" + randomLinesTemplate(&random, depth: depth + 1, inverted: invertedSection)
                    + indentation + "{{/\(name)}}\n"
            case 2:
                out += indentation + ["{{! a comment }}", "{{> part}}", "{{!\n  two lines\n}}"][random.below(3)] + "\n"
            default:
                out += "·" + randomInlineTemplate(&random, depth: 2, inverted: inverted) + "\n"
            }
        }
        return out
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = SeededNumbers(seed: 20261122)
        for _ in 0..<3000 {
            let text = "·" + Self.randomInlineTemplate(&random) + "\n"
            let result = try both(text, partials: ["part": "[{{title}}{{#yes}}!{{/yes}}]"])
            #expect(result.ours == result.reference, "template: \(text)")
        }
    }

    @Test func randomTemplatesWithStandaloneLinesRenderAsSwiftMustacheRendersThem() throws {
        var random = SeededNumbers(seed: 20261204)
        for _ in 0..<2000 {
            let text = Self.randomLinesTemplate(&random)
            let result = try both(text, partials: ["part": "[{{title}}{{#yes}}!{{/yes}}]\n<p>\n"])
            #expect(result.ours == result.reference, "template: \(text)")
        }
    }

    @Test func inheritanceAndBlocksRenderAsSwiftMustacheRendersThem() throws {
        let partials = ["base": "<h>{{$head}}default{{/head}}</h>\n<main>{{$body}}{{/body}}</main>\n"]
        for text in ["{{<base}}{{$body}}B {{title}}{{/body}}{{/base}}", "{{<base}}{{$head}}H{{/head}}{{$body}}{{#items}}{{name}};{{/items}}{{/body}}{{/base}}", "{{<base}}{{/base}}"] {
            let result = try both(text, partials: partials)
            #expect(result.ours == result.reference, "template: \(text)")
        }
    }

    @Test func theBuiltInThemeRendersAsSwiftMustacheRendersIt() throws {
        let templates = BuiltinTheme.templates
        let page: [String: Any] = [
            "site": Self.context["site"]!, "root": "../../", "generator": "loysite", "content": "<p>Body</p>",
            "page": ["title": "Net Promoter Score", "kind": "term", "summary": "A <b> summary", "canonical": "https://x.org/g/nps/", "date": "2026-01-02", "date_display": "2 January 2026"],
            "term": ["aliases_text": "NPS", "categories": ["Metrics"], "has_categories": true, "related": [["title": "Churn", "href": "../churn/", "summary": "Lost"]], "has_related": true,
                     "backlinks": [[String: Any]](), "has_backlinks": false, "previous": ["title": "A", "href": "../a/"]],
            "groups": [["letter": "N", "id": "n", "terms": [["title": "NPS", "href": "nps/", "summary": "", "aliases_text": ""]]]],
            "letters": [["letter": "#", "id": "num", "present": false], ["letter": "N", "id": "n", "present": true]], "count": 1,
            "reports": [["title": "R", "href": "r/", "date": "2026-01-01", "date_display": "1 January 2026", "summary": "S"]], "has_reports": true,
            "glossary": ["count": 1, "category_count": 1, "featured": [["title": "NPS", "href": "g/nps/", "summary": "x"]], "has_featured": true, "has_terms": true],
            "dashboard": "<div>tiles</div>", "alerts": [["message": "NPS below 30"]], "has_alerts": true, "jsonld": "{}",
        ]
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        let partials = try templates.mapValues { try Template(string: $0) }
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            let ours = try Template(string: text).render(TemplateValue(any: page), partials: partials)
            let reference = try MustacheTemplate(string: text).render(Self.referenceValue(page), library: library)
            #expect(ours == reference, "template \(name)")
        }
    }
}
