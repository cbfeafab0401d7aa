import Foundation
import LoysiteRender
import LoysiteTesting
import Testing

/// A page rendered with its list items kept from the last render (the A–Z page in a
/// build session) is byte for byte what rendering it afresh gives, whatever the template
/// reads from around an item; items that read only themselves are copied.
@Suite struct KeptItemRenderingsTests {
    static func entry(_ title: String, summary: String = "") -> TemplateValue {
        ["title": .string(title), "href": .string(title.lowercased() + "/"), "summary": .string(summary), "aliases_text": ""]
    }

    static func page(_ groups: [(String, [TemplateValue])], title: String = "Lexicon") -> TemplateValue {
        ["site": ["title": .string(title)], "count": .int(groups.reduce(0) { $0 + $1.1.count }),
         "groups": .list(groups.map { ["letter": .string($0.0), "terms": .list($0.1)] })]
    }

    /// Renders `text` with `contexts` in turn, with one kept store and afresh, and
    /// requires the same output; returns how many items each render copied.
    func expectSameAsAfresh(_ text: String, _ contexts: [TemplateValue], partials: [String: String] = [:],
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        let template = try Template(string: text)
        let parsed = try partials.mapValues { try Template(string: $0) }
        let kept = KeptItemRenderings()
        var copied: [Int] = []
        for (number, context) in contexts.enumerated() {
            let fresh = template.render(context, partials: parsed)
            let again = template.render(context, partials: parsed, keeping: kept)
            #expect(again.utf8.elementsEqual(fresh.utf8), "render \(number + 1) of \(text): \(again) instead of \(fresh)", sourceLocation: sourceLocation)
            copied.append(kept.copiedCount)
        }
        return copied
    }

    static let azTemplate = """
        <h1>{{site.title}}: {{count}}</h1>
        {{#groups}}
        <h2>{{letter}}</h2>
        <ul>
          {{#terms}}
          <li><a href="{{href}}">{{title}}</a>{{#aliases_text}} ({{aliases_text}}){{/aliases_text}}
          {{#summary}}<p>{{summary}}</p>{{/summary}}</li>
          {{/terms}}
        </ul>
        {{/groups}}

        """

    @Test func unchangedEntriesAreCopiedAndChangedOnesRendered() throws {
        let a = [Self.entry("Alpha", summary: "First <one>"), Self.entry("Apex")]
        let b = [Self.entry("Beta"), Self.entry("Bravo", summary: "B & b")]
        let edited = Self.entry("Beta", summary: "Edited")
        let added = Self.entry("Charlie")
        let copied = try expectSameAsAfresh(Self.azTemplate, [
            Self.page([("A", a), ("B", b)]),
            Self.page([("A", a), ("B", b)], title: "Renamed"),
            Self.page([("A", a), ("B", [edited, b[1]])]),
            Self.page([("A", a), ("B", [edited, b[1]]), ("C", [added])]),
            Self.page([("A", [a[1]]), ("C", [added])]),
        ])
        // The letter groups hold lists, so only the terms are kept; the site's title is
        // outside them.
        #expect(copied == [0, 4, 3, 4, 2])
    }

    @Test func itemsThatReadAroundThemselvesAreRenderedEveryTime() throws {
        let terms: [TemplateValue] = [Self.entry("Alpha"), Self.entry("Beta")]
        // A name of the page's, a name none has (looked for in every value around), a
        // name of the group's, the current value only, a dotted name.
        for body in ["{{title}} of {{site.title}}", "{{title}}{{date}}{{#date}}!{{/date}}", "{{title}} in {{letter}}", "{{.title}}|{{site.title}}",
                     "{{#site}}{{title}}{{/site}}"] {
            let text = "{{#groups}}{{#terms}}\(body);{{/terms}}{{/groups}}"
            let page = { (title: String, date: TemplateValue?) -> TemplateValue in
                guard case .object(var root) = Self.page([("A", terms)], title: title) else { return "" }
                root["date"] = date
                return .object(root)
            }
            let copied = try expectSameAsAfresh(text, [page("One", nil), page("Two", "2026"), page("Two", "2026"), page("Three", nil)])
            // Whatever they showed came partly from outside them: never kept.
            #expect(copied.allSatisfy { $0 == 0 }, "\(body): \(copied)")
        }
    }

    @Test func blocksPartialsAndIndentationAreRespected() throws {
        let terms: [TemplateValue] = [Self.entry("Alpha"), Self.entry("Beta", summary: "Two\nlines")]
        let partials = [
            "item": "<li>{{title}}</li>\n<p>{{summary}}</p>\n",
            "base": "<main>\n  {{$list}}default{{/list}}\n</main>\n",
            "entry": "{{$mark}}*{{/mark}}{{title}}\n",
        ]
        let texts = [
            // A partial standing indented in the list: its lines are indented.
            "{{#groups}}\n  {{#terms}}\n    {{> item}}\n  {{/terms}}\n{{/groups}}\n",
            // The list inside a block given to a parent, itself indented there.
            "{{<base}}{{$list}}\n{{#groups}}{{#terms}}{{title}}\n{{/terms}}{{/groups}}\n{{/list}}{{/base}}",
            // A block inside each item, whose content the including template gives.
            "{{#groups}}{{#terms}}{{<entry}}{{$mark}}-{{letter}}-{{/mark}}{{/entry}}{{/terms}}{{/groups}}",
            // Items that end in the middle of a line.
            "{{#groups}}{{#terms}}{{title}}, {{/terms}}{{/groups}}\n",
        ]
        for text in texts {
            _ = try expectSameAsAfresh(text, [Self.page([("A", terms)]), Self.page([("A", terms)], title: "B"), Self.page([("B", terms)])], partials: partials)
        }
    }

    @Test func valuesThatLookAlikeButRenderDifferentlyAreNotConfused() throws {
        // Canonically equivalent strings (equal to Swift's ==), and 0.0 and -0.0.
        let text = "{{#items}}[{{.}}]{{/items}}\n{{#objects}}<{{name}}>{{/objects}}\n"
        let first: TemplateValue = ["items": ["é", .double(0.0), 1, true], "objects": [["name": "é"]]]
        let second: TemplateValue = ["items": ["e\u{301}", .double(-0.0), 1, true], "objects": [["name": "e\u{301}"]]]
        let copied = try expectSameAsAfresh(text, [first, second, second])
        #expect(copied[1] == 2, "1 and true are the same again; é, 0.0 and the new object are not")
    }

    /// The same random templates the engine is held to swift-mustache with, rendered
    /// with some list items kept from the render before and some values around them
    /// changed.
    @Test func randomTemplatesRenderAsAfresh() throws {
        var random = SeededNumbers(seed: 20261207)
        let base = TemplateValue(any: TemplateOracleTests.context)
        guard case .object(let root) = base, case .list(let items)? = root["items"] else { Issue.record("no items"); return }
        var changed = root
        changed["title"] = "Another <title>"
        changed["items"] = .list([items[0], TemplateValue(any: ["name": "three", "tags": ["z"]]), items[2]])
        var reordered = root
        reordered["items"] = .list([items[2], items[0]])
        reordered["site"] = ["title": "Other"]
        let contexts: [TemplateValue] = [base, .object(changed), .object(changed), .object(reordered), base]
        var copies = 0
        for _ in 0..<1500 {
            let text = random.below(2) == 0 ? TemplateOracleTests.randomLinesTemplate(&random) : "·" + TemplateOracleTests.randomInlineTemplate(&random) + "\n"
            copies += try expectSameAsAfresh(text, contexts, partials: ["part": "[{{title}}{{#yes}}!{{/yes}}]\n<p>\n"]).reduce(0, +)
        }
        #expect(copies > 0, "some items were copied")
    }
}
