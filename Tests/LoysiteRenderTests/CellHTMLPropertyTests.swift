import PropertyBased
import Testing
@testable import LoysiteRender

/// A cell's HTML unwrapped on bytes is the Character-wise unwrapping, for any text in
/// and around the paragraph tags: combining marks and prepended characters next to a
/// tag, blanks and line breaks at the ends, tags inside, non-ASCII text.
@Suite struct CellHTMLPropertyTests {
    static let pieces = ["<p>", "</p>", "\n", " ", "\t", "a", "<", ">", "p", "é", "\u{301}", "\u{600}", "\u{200D}", "😀", "\r", "\u{A0}", "<em>x</em>"]

    @Test func bytesAgreeWithCharacters() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...8)) { parts in
            let text = parts.compactMap { $0 }.joined()
            for html in [text, "<p>" + text + "</p>\n"] {
                #expect(CellHTML.inline(html) == CellHTML.reference(html), "\(Array(html.unicodeScalars))")
            }
        }
    }

    @Test func unwrapsOneParagraph() {
        #expect(CellHTML.inline("<p>NPS <em>score</em></p>\n") == "NPS <em>score</em>")
        #expect(CellHTML.inline("<p>\u{301}x</p>\n") == "<p>\u{301}x</p>")
        #expect(CellHTML.inline("<h1>x</h1>\n") == "<h1>x</h1>")
        #expect(CellHTML.inline("<p></p>\n") == "")
    }
}
