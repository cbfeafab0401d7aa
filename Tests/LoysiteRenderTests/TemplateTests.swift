import LoysiteRender
import Testing

/// The Mustache engine themes are rendered with: the Mustache spec's behaviour, plus
/// loysite's rule that an empty string hides a section.
@Suite struct TemplateTests {
    func render(_ text: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        let parsed = try partials.mapValues { try Template(string: $0) }
        return try Template(string: text).render(context, partials: parsed)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let context: TemplateValue = ["x": "<a href=\"q\">Tom & Jerry's</a>"]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;q&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x }}", context) == "<a href=\"q\">Tom & Jerry's</a>|<a href=\"q\">Tom & Jerry's</a>")
    }

    @Test func nonASCIITextIsEscapedToo() throws {
        #expect(try render("{{x}}", ["x": "Échelle <é> «&»"]) == "Échelle &lt;é&gt; «&amp;»")
        // A combining accent makes `<´` one character that is not `<`: kept, as before.
        #expect(try render("{{x}}", ["x": "a<\u{301}b"]) == "a<\u{301}b")
    }

    @Test func numbersAndBooleansPrintAsSwiftDoes() throws {
        #expect(try render("{{i}} {{d}} {{b}}", ["i": 3, "d": .double(0.5), "b": true]) == "3 0.5 true")
    }

    @Test func missingNamesPrintNothing() throws {
        #expect(try render("[{{nope}}][{{a.nope}}]", ["a": ["b": 1]]) == "[][]")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let context: TemplateValue = ["site": ["title": "Lexicon"], "items": [["name": "one"], ["name": "two", "site": ["title": "inner"]]]]
        #expect(try render("{{#items}}{{name}}:{{site.title}} {{/items}}", context) == "one:Lexicon two:inner ")
        #expect(try render("{{#items}}[{{.name}}{{.site.title}}]{{/items}}", context) == "[one][twoinner]")
    }

    @Test func sectionsOverListsBooleansObjectsAndStrings() throws {
        let context: TemplateValue = ["list": ["a", "b"], "empty": [], "yes": true, "no": false, "object": ["k": "v"], "text": "t", "blank": ""]
        #expect(try render("{{#list}}<{{.}}>{{/list}}{{#empty}}never{{/empty}}", context) == "<a><b>")
        #expect(try render("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{#object}}{{k}}{{/object}}{{#text}}({{.}}){{/text}}", context) == "yv(t)")
        #expect(try render("{{#blank}}shown{{/blank}}{{^blank}}hidden when empty{{/blank}}", context) == "hidden when empty")
        #expect(try render("{{^empty}}none{{/empty}}{{^no}}not{{/no}}{{^missing}}absent{{/missing}}{{^text}}x{{/text}}", context) == "nonenotabsent")
    }

    @Test func standaloneTagLinesLeaveNoTrace() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func standalonePartialsAreIndented() throws {
        let result = try render("<div>\n  {{> item}}\n</div>\n", ["x": "1"], partials: ["item": "<p>{{x}}</p>\n<p>two</p>\n"])
        #expect(result == "<div>\n  <p>1</p>\n  <p>two</p>\n</div>\n")
    }

    @Test func parentsAndBlocks() throws {
        let partials = ["base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"]
        let child = "{{<base}}\n{{$title}}Child · {{site}}{{/title}}\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/base}}\n"
        #expect(try render(child, ["site": "S", "body": "B"], partials: partials) == "<title>Child · S</title>\n<main>\n<p>B</p>\n\n</main>\n")
        #expect(try render("{{<base}}{{/base}}", [:], partials: partials) == "<title>Default</title>\n<main>\n\n</main>\n")
    }

    @Test func theOutermostChildsBlockWins() throws {
        let partials = ["parent": "{{<grand}}{{$a}}p{{/a}}{{/grand}}", "grand": "{{$a}}g{{/a}}"]
        #expect(try render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials) == "c")
        #expect(try render("{{<parent}}{{/parent}}", partials: partials) == "p")
    }

    @Test func dynamicPartialsAndMissingPartials() throws {
        #expect(try render("{{>*which}}|{{>nowhere}}", ["which": "one"], partials: ["one": "1"]) == "1|")
    }

    @Test func setDelimitersAndContentType() throws {
        #expect(try render("{{=<% %>=}}<% x %>{{x}}", ["x": "<"]) == "&lt;{{x}}")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}{{x}}", ["x": "<"]) == "<")
    }

    @Test func syntaxErrorsSayWhere() {
        #expect(throws: TemplateSyntaxError.self) { try Template(string: "a\n{{#open}}\nnever closed\n") }
        do {
            _ = try Template(string: "line one\n{{#a}}x{{/b}}\n")
        } catch let error as TemplateSyntaxError {
            #expect(error.reason == .sectionCloseNameIncorrect)
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: TemplateSyntaxError.self) { try Template(string: "{{uppercased(title)}}") }
    }

    @Test func looselyTypedContextsConvert() throws {
        let context = TemplateValue(any: ["n": 2, "list": [["t": "a"]], "flag": false] as [String: Any])
        #expect(try render("{{n}}{{#list}}{{t}}{{/list}}{{^flag}}!{{/flag}}", context) == "2a!")
    }
}
