import PropertyBased
import Testing
@testable import LoysiteRender

/// Documents are parsed without cmark's UTF-8 validation, since a Swift string is valid
/// UTF-8 already: the HTML is what a validating parse gives, for text of every kind of
/// scalar (two-, three- and four-byte, combining marks, noncharacters, U+FFFD, a NUL),
/// in inlines, code, links and entities.
@Suite struct MarkdownUTF8OptionTests {
    static let pieces = [
        "a", " ", "\n", "\n\n", "é", "\u{301}", "€", "\u{FFFE}", "\u{FFFD}", "\u{10FFFF}", "😀", "\u{0}", "\u{7F}",
        "*", "_", "`", "[", "](x)", "&#0;", "&#xD800;", "&amp;", "<b>", "# ", "- ", "> ", "    ", "```\n", "\"", "'", "--", "...",
    ]

    @Test func unvalidatedParseGivesValidatedHTML() async {
        await propertyCheck(count: 3000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...16)) { parts in
            let text = parts.compactMap { $0 }.joined()
            for unsafe in [false, true] {
                let fast = MarkdownDocument(text, unsafe: unsafe).html()
                let checked = MarkdownDocument(text, unsafe: unsafe, validating: true).html()
                #expect(fast == checked, "\(Array(text.unicodeScalars))")
            }
        }
    }
}
