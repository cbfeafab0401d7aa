import Foundation
import LoysiteSupport
import PropertyBased
import Testing

@Suite struct SupportPropertyTests {
    /// Text from content, of any kind: markup, quotes, control characters, accents, emoji,
    /// combining marks, line separators, path pieces.
    static let hostileText = Gen<String?>.element(of: [
        "a", "Z", "7", "-", "_", " ", "  ", ".", "..", "/", "\\", "&", "<", ">", "\"", "'", "`", ";", "=", "#", "%", "?", ":",
        "<script>", "</text>", "]]>", "&amp;", "&#39;", "javascript:", "é", "Å", "ß", "ø", "Ł", "日本", "🎉", "👩‍👩‍👧", "e\u{301}",
        "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200B}", "ǅ", "İ",
    ]).array(of: 0...24).map { $0.compactMap { $0 }.joined() }

    @Test func slugsAreValidStableAndCannotNameAPath() async {
        await propertyCheck(count: 400, input: Self.hostileText) { text in
            guard let slug = Slug.make(from: text) else { return }
            #expect(Slug.isValid(slug), "\(text.debugDescription) → \(slug)")
            #expect(Slug.make(from: slug) == slug, "not idempotent: \(slug)")
            #expect(!slug.contains("..") && !slug.contains("/") && !slug.contains("--"))
        }
    }

    @Test func escapedTextHasNoMarkupAndReadsBackAsTheText() async {
        await propertyCheck(count: 400, input: Self.hostileText) { text in
            let escaped = Escape.html(text)
            #expect(!escaped.contains { "<>\"'".contains($0) }, "\(escaped.debugDescription)")
            #expect(!escaped.unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F })
            // Every & starts one of the five entities, and decoding gives the text back
            // without its control characters.
            var decoded = escaped
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                decoded = decoded.replacingOccurrences(of: entity, with: character)
            }
            #expect(decoded == Escape.removingControlCharacters(text))
            #expect(escaped.replacingOccurrences(of: "&(amp|lt|gt|quot|#39);", with: "", options: .regularExpression).contains("&") == false)
        }
    }

    @Test func jsonStringsRoundTripWithoutControlCharactersAndAreSafeInsideScript() async {
        await propertyCheck(count: 400, input: Self.hostileText) { text in
            let json = JSONValue.object([("name", .string(text))]).serialized()
            for unsafe in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!json.contains(unsafe), "\(json)") }
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 })
            // The text comes back without its control characters, exactly as HTML drops them.
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
            #expect(object?["name"] == Escape.removingControlCharacters(text), "\(json)")
        }
    }
}
