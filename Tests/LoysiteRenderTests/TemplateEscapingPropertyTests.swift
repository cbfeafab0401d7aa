import PropertyBased
import Testing
@testable import LoysiteRender
import LoysiteSupport

/// `{{name}}` escaping on bytes, eight bytes at a time where none is special, gives what
/// escaping Character by Character gives (swift-mustache's way), for texts long and short
/// with special characters at every place of a word, next to combining and prepended
/// marks, and none at all.
@Suite struct TemplateEscapingPropertyTests {
    static let pieces = ["<", ">", "&", "\"", "'", "a", "abcdefgh", " ", "é", "\u{301}", "\u{600}", "😀", "x<y", "\n", "12345678901",
                          "\u{1}", "\u{7F}", "\t", "\r", "\u{1B}[31m"]

    static func reference(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    @Test func bytesAgreeWithCharacters() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...14)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let output = TemplateOutput(capacity: 1)
            TemplateEscaping.appendHTML(text, to: output)
            #expect(String(decoding: output.bytes, as: UTF8.self) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// What `appendHTML` says of control characters is what looking at the text says
    /// (the renderer trusts it to skip looking through the page for them).
    @Test func controlCharactersReportedAsFound() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...14)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let found = TemplateEscaping.appendHTML(text, to: TemplateOutput(capacity: 1))
            #expect(found == (Escape.removingControlCharacters(text) != text), "\(Array(text.unicodeScalars))")
        }
    }
}
