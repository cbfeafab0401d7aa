import LoysiteSupport
import PropertyBased
import Testing

/// `JSONWriter`, which the site-wide files' entries are written with, gives the text
/// `JSONValue.serialized` gives for the same objects, arrays and strings, nested.
@Suite struct JSONWriterTests {
    static let texts = ["", "a", "NPS", "Net Promoter Score", "\"quoted\"", "a\\b", "<script>", "é", "\u{2028}", "\u{1}x", "https://example.com/glossary/nps/"]

    /// Writes `value` with the writer (objects, arrays and strings only).
    static func write(_ value: JSONValue, to json: inout JSONWriter) {
        switch value {
        case .string(let text): json.string(text)
        case .array(let items):
            if items.allSatisfy({ if case .string = $0 { true } else { false } }), items.count % 2 == 0 {
                json.strings(items.map { if case .string(let text) = $0 { text } else { "" } })
            } else {
                json.beginArray()
                for item in items { write(item, to: &json) }
                json.endArray()
            }
        case .object(let members):
            json.beginObject()
            for (name, member) in members {
                if case .string(let text) = member, name.count % 2 == 0 {
                    json.member(name, text)
                } else {
                    json.key(name)
                    write(member, to: &json)
                }
            }
            json.endObject()
        default: json.string("")
        }
    }

    /// A value from a list of choices: each choice picks a text, a kind and a count.
    static func value(_ choices: inout ArraySlice<Int>, depth: Int) -> JSONValue {
        let choice = choices.popFirst() ?? 0
        let text = texts[choice % texts.count]
        if depth > 2 || choice % 3 == 0 { return .string(text) }
        let count = (choice / 3) % 4
        if choice % 3 == 1 { return .array((0..<count).map { _ in value(&choices, depth: depth + 1) }) }
        return .object((0..<count).map { index in (texts[(choice + index) % texts.count], value(&choices, depth: depth + 1)) })
    }

    @Test func sameTextAsSerializingTheTree() async {
        await propertyCheck(count: 3000, input: Gen.int(in: 0...1_000).array(of: 1...30)) { choices in
            var slice = ArraySlice(choices)
            let tree = Self.value(&slice, depth: 0)
            var json = JSONWriter()
            Self.write(tree, to: &json)
            #expect(json.text == tree.serialized())
        }
    }
}
