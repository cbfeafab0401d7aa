import PropertyBased
import Testing
@testable import LoysiteRender

/// A cell `PlainCellText` calls plain is its own inline HTML: what parsing it in a
/// document of its own, rendering and unwrapping the paragraph gives, with smart
/// punctuation on and off, in safe and unsafe mode; for texts mixing words, digits and
/// every ASCII punctuation character, list and heading markers at the start, doubled
/// dots and dashes, spaces at the ends and non-ASCII text.
@Suite struct PlainCellTextPropertyTests {
    static let pieces = [
        "a", "Segment", "62", "1", "123456789", "1234567890", " ", "  ", "%", ".", "-", ")", "(", "#", ">", "+", "~", "=",
        ":", ";", ",", "/", "?", "$", "@", "^", "{", "}", "|", "*", "_", "`", "[", "]", "<", "!", "&", "\\", "\"", "'",
        "é", "\u{A0}", "\t", "&amp;", "http://a.example", "1. ", "1) ", "- ", "---", "...", "a--b",
    ]

    @Test func plainCellIsItsOwnHTML() async {
        await propertyCheck(count: 6000, input: Gen<String?>.element(of: Self.pieces).array(of: 1...6)) { parts in
            let text = parts.compactMap { $0 }.joined()
            guard PlainCellText.isPlain(text) else { return }
            for smart in [true, false] {
                for unsafe in [false, true] {
                    let html = CellHTML.inline(MarkdownDocument(text, unsafe: unsafe, smart: smart).html())
                    #expect(html == text, "\(text) smart: \(smart) unsafe: \(unsafe)")
                }
            }
        }
    }

    @Test func readsTypicalCells() {
        for plain in ["Segment", "62 %", "each that", "62.5 %", "a-b", "x (y)", "12:30", "a | b", "1.5", "2024 (est)"] {
            #expect(PlainCellText.isPlain(plain), "\(plain)")
        }
        for marked in ["[[NPS]]", "*em*", "1. x", "1)", "9.", "2024)", "- x", "# H", "> q", "a--b", "a...", "it's", "\"q\"", "a & b",
                       "a > b", "<b>", "`c`", "é", " a", "a ", "", "a\tb", "+ x", "~~~"] {
            #expect(!PlainCellText.isPlain(marked), "\(marked)")
        }
    }
}
