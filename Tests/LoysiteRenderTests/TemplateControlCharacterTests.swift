import Foundation
import PropertyBased
import Testing
@testable import LoysiteRender
import LoysiteSupport

/// `Theme.renderData` looks through a page for control characters only when a template
/// or a value put one there (`TemplateRenderer.mayHoldControlCharacters`): its bytes are
/// always the whole render with them removed, the way every page was made before.
@Suite struct TemplateControlCharacterTests {
    static let texts = ["", "a", "plain text of a title", "<b>&amp;</b>", "\u{1}", "tab\there", "line\r\n", "\u{7F}", "\u{1B}[2J", "é\u{8}", "12345678\u{2}9"]
    static let templates = ["{{a}}|{{{b}}}|{{&c}}", "x\u{1}y {{a}}", "{{#list}}[{{.}}]{{/list}}{{b}}", "{{> part}}-{{a}}", "{{<parent}}{{$slot}}{{c}}{{/slot}}{{/parent}}"]
    static let partials = ["plain {{b}}", "with \u{3} in it {{c}}"]

    @Test func sameBytesAsRemovingFromTheWholeRender() async {
        let text = Gen<String?>.element(of: Self.texts).map { $0 ?? "" }
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(Self.templates.count - 1)), Gen.int(in: 0...(Self.partials.count - 1)),
                            text.array(of: 3), text.array(of: 0...3)) { templateIndex, partialIndex, values, list in
            let page = try! Template(string: Self.templates[templateIndex])
            let part = try! Template(string: Self.partials[partialIndex])
            let parent = try! Template(string: "<{{$slot}}{{/slot}}>")
            let templates = ["page": page, "part": part, "parent": parent]
            let theme = Theme(templates: templates, assets: [:], templateNames: Set(templates.keys))
            let context: TemplateValue = ["a": .string(values[0]), "b": .string(values[1]), "c": .string(values[2]), "list": .list(list.map { .string($0) })]
            let whole = page.render(context, partials: templates)
            #expect(theme.renderData("page", context: context) == Data(Escape.removingControlCharacters(whole).utf8))
        }
    }
}
