import PropertyBased
import Testing
@testable import LoysiteRender

/// Lines found by scanning bytes are the standard library's split at line feeds, for
/// any text: empty lines, a line feed first or last, CR LF pairs, non-ASCII characters.
@Suite struct BodyLinesPropertyTests {
    static let pieces = ["\n", "\n\n", "\r\n", "\r", "|", "a", "| x | y |", " ", "é", "e\u{301}", "😀", "\u{A0}", "---"]

    @Test func agreesWithSplit() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(BodyLines.lines(of: text) == BodyLines.reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func keepsEmptyLines() {
        #expect(BodyLines.lines(of: "") == [""])
        #expect(BodyLines.lines(of: "\n") == ["", ""])
        #expect(BodyLines.lines(of: "a\n\nb|c\n") == ["a", "", "b|c", ""])
    }

    /// A substring of a larger text (not a native string of its own) takes the same path.
    @Test func bridgedAndSlicedTexts() {
        let text = String("x\ny\n\nz".dropFirst(2))
        #expect(BodyLines.lines(of: text) == ["y", "", "z"])
    }
}
