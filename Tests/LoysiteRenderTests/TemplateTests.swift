import LoysiteRender
import LoysiteTesting
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

    @Test func dynamicParentsTakeTheirNameFromTheContext() throws {
        let partials = ["wide": "<w>{{$body}}{{/body}}</w>", "narrow": "<n>{{$body}}{{/body}}</n>"]
        #expect(try render("{{<*layout}}{{$body}}B{{/body}}{{/layout}}", ["layout": "narrow"], partials: partials) == "<n>B</n>")
        #expect(try render("{{<*layout}}{{$body}}B{{/body}}{{/*layout}}|{{<*nothing}}{{/nothing}}", ["layout": "wide"], partials: partials) == "<w>B</w>|")
    }

    @Test func anIncludedTemplateThatNeverEndsStopsInsteadOfOverflowing() throws {
        let output = try render("{{>me}}", partials: ["me": "."])
        #expect(output == ".")
        let endless = try render("{{>me}}", partials: ["me": "x{{>me}}"])
        #expect(endless == String(repeating: "x", count: 100))
    }

    /// Any text is either a template or a list of problems inside it, never a crash; a
    /// template renders, even one that includes itself.
    @Test func randomTextIsReadWithoutFailingAndProblemsPointIntoIt() {
        let alphabet = ["{{", "}}", "{{{", "}}}", "#", "^", "/", ">", "<", "$", "=", "!", "&", "*", "%", " ", "\t", "\n", "\r\n",
                        "a", "b", ".", "é", "<%", "%>", "{{=<% %>=}}", "{{#a}}", "{{/a}}", "{{>self}}", "{{<self}}", "{{$b}}", "{{/b}}"]
        var random = SeededNumbers(seed: 7)
        let context: TemplateValue = ["a": [["b": "x"], ["b": ""]], "self": "self"]
        for _ in 0..<3000 {
            let text = (0..<random.below(24)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            // By bytes: as a Character, "\r\n" is not "\n".
            let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            do {
                let template = try Template(string: text)
                _ = template.render(context, partials: ["self": template])
            } catch let error as TemplateSyntaxError {
                #expect(!error.problems.isEmpty, "\(String(reflecting: text))")
                for problem in error.problems {
                    #expect(problem.line >= 1 && problem.line <= lines.count, "\(String(reflecting: text)): \(problem)")
                    guard problem.line >= 1 && problem.line <= lines.count else { continue }
                    #expect(problem.column >= 1 && problem.column <= lines[problem.line - 1].unicodeScalars.count, "\(String(reflecting: text)): \(problem)")
                    #expect(!problem.message.isEmpty)
                }
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}<% x %>{{x}}<%={{ }}=%>{{x}}", ["x": "<"]) == "&lt;{{x}}&lt;")
    }

    func problems(_ text: String) -> [TemplateProblem] {
        do {
            _ = try Template(string: text)
            return []
        } catch let error as TemplateSyntaxError {
            return error.problems
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func syntaxErrorsSayWhereAllAtOnce() {
        let found = problems("line one\n  {{#a}}x{{/b}}\n{{c d}} {{#open}}\n{{uppercased(title)}} {{page..title}}\n")
        #expect(found == [
            TemplateProblem(.neverClosed(opening: "{{#a}}"), line: 2, column: 3),
            TemplateProblem(.closesNothing(name: "b"), line: 2, column: 10),
            TemplateProblem(.nameWithSpace("c d"), line: 3, column: 1),
            TemplateProblem(.neverClosed(opening: "{{#open}}"), line: 3, column: 9),
            TemplateProblem(.functionCall("uppercased(title)"), line: 4, column: 1),
            TemplateProblem(.emptyNamePart("page..title"), line: 4, column: 23),
        ])
    }

    @Test func aClosingTagOfAnOuterSectionClosesTheInnerOnesWithAProblemEach() {
        #expect(problems("{{#a}}\n{{#b}}é{{^c}}\n{{/a}}") == [
            TemplateProblem(.closesWrongTag(closing: "{{/a}}", opening: "{{^c}}", line: 2), line: 3, column: 1),
            TemplateProblem(.closesWrongTag(closing: "{{/a}}", opening: "{{#b}}", line: 2), line: 3, column: 1),
        ])
    }

    @Test func tagsThatAreNeverClosedAndOtherMistakes() {
        #expect(problems("ok {{title") == [TemplateProblem(.unclosedTag(close: "}}"), line: 1, column: 4)])
        #expect(problems("{{{title}}") == [TemplateProblem(.unclosedTag(close: "}}}"), line: 1, column: 1)])
        #expect(problems("{{=<%%>=}}") == [TemplateProblem(.invalidDelimiters("<%%>"), line: 1, column: 1)])
        #expect(problems("{{}} {{& }}") == [TemplateProblem(.emptyName, line: 1, column: 1), TemplateProblem(.emptyName, line: 1, column: 6)])
        #expect(problems("{{% CONTENT_TYPE: TEXT }}") == [TemplateProblem(.pragma(" CONTENT_TYPE: TEXT "), line: 1, column: 1)])
        #expect(problems("{{<base}}{{title}}{{#s}}{{/s}}{{$b}}{{x}}{{/b}}{{/base}}") == [
            TemplateProblem(.notABlockInParent(tag: "{{title}}", parent: "{{<base}}"), line: 1, column: 10),
            TemplateProblem(.notABlockInParent(tag: "{{#s}}", parent: "{{<base}}"), line: 1, column: 19),
        ])
    }

    @Test func problemsAreWorded() {
        #expect(TemplateProblem(.neverClosed(opening: "{{#items}}"), line: 1, column: 1).message == "{{#items}} is never closed: add its closing tag")
        #expect(TemplateProblem(.closesNothing(name: "b"), line: 1, column: 1).message == "{{/b}} closes nothing: no section, parent or block named 'b' is open here")
    }

    @Test func blocksAreReindentedWhereTheyAreRendered() throws {
        let partials = ["parent": "<ul>\n  {{$items}}\n  <li>default</li>\n  {{/items}}\n</ul>\n"]
        #expect(try render("{{<parent}}{{$items}}\n<li>a</li>\n<li>b</li>\n{{/items}}{{/parent}}", partials: partials) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("{{<parent}}{{/parent}}", partials: partials) == "<ul>\n  <li>default</li>\n</ul>\n")
    }

    @Test func valuesInIndentedPartialsAreNotIndented() throws {
        let result = try render("<div>\n  {{> item}}\n</div>\n", ["x": "a\nb"], partials: ["item": "<p>{{x}}</p>\n\n<p>{{#x}}{{.}}{{/x}}</p>\n"])
        #expect(result == "<div>\n  <p>a\nb</p>\n  \n  <p>a\nb</p>\n</div>\n")
    }

    @Test func looselyTypedContextsConvert() throws {
        let context = TemplateValue(any: ["n": 2, "list": [["t": "a"]], "flag": false] as [String: Any])
        #expect(try render("{{n}}{{#list}}{{t}}{{/list}}{{^flag}}!{{/flag}}", context) == "2a!")
    }
}
