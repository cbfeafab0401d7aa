@testable import LoysiteRender
import Testing

/// The rewrite of other generators' syntax on any text: it never traps, keeps every line
/// where it was, and maps columns back into the line they came from.
@Suite struct ForeignSyntaxTests {
    static let pieces = ["{{<", ">}}", "{{%", "%}}", "{%", "%}", "{{", "}}", "{:", "}", "{", "{.a}", "<!--more-->", "`", "```", "\n", "\n\n",
                         " ", "x", "glossary_tooltip text=\"a\" term_id=\"b\"", "ref \"p\"", "/note", "raw", "endraw", "comment", "Glossary(\"T\")",
                         "!!! note", "    ", "--8<-- \"f\"", "*[A]: b", "é", "\\", "(", ")", "\"", "highlight go", "end"]

    @Test func anyMixOfPiecesKeepsItsLines() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let rewrite = ForeignSyntax(body: text)
            let before = text.utf8.filter { $0 == 0x0A }.count
            let after = rewrite.text.utf8.filter { $0 == 0x0A }.count
            #expect(before == after, "\(text.debugDescription) → \(rewrite.text.debugDescription)")
            for warning in rewrite.warnings {
                #expect(warning.line >= 1 && warning.line <= before + 1 && warning.column >= 1, "\(text.debugDescription)")
            }
        }
    }

    /// The one-pass pre-check agrees with searching for each marker on its own.
    @Test func thePreCheckFindsEveryMarker() {
        let markers = ["{", "<!--more", "!!! ", "??? ", "--8<--", "*["]
        let pieces = ["<!--", "more", "!!", "! ", "??", "? ", "--8", "<--", "*", "[", "x", " ", "é", "\n", "-", "<", "!", "?", "{"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = markers.contains { text.contains($0) }
            #expect(ForeignSyntax.mayContain(text) == expected, "\(text.debugDescription)")
            #expect(ForeignSyntax.mayContainByBytes(text) == expected, "\(text.debugDescription)")
            // Long texts too, so that markers fall at every place of an eight-byte word and
            // across two.
            let padded = String(repeating: "ab", count: text.count % 7) + text + String(repeating: "x", count: 9)
            #expect(ForeignSyntax.mayContain(padded) == expected, "\(padded.debugDescription)")
        }
    }

    /// Found by the random test above: an MDN macro whose argument runs over a line break.
    @Test func aMacroArgumentOverALineBreakAddsNoLine() {
        let text = "{{Glossary(\"T\"){:\nx)}} after\n"
        let rewrite = ForeignSyntax(body: text)
        #expect(rewrite.text.utf8.filter { $0 == 0x0A }.count == 2, "\(rewrite.text.debugDescription)")
    }

    @Test func columnsAfterAReplacementMapBack() {
        let line = "ab {{< glossary_tooltip text=\"Pod\" term_id=\"pod\" >}} [[x]]\n"
        let rewrite = ForeignSyntax(body: line)
        // `[[x]]` is at byte column 54 of the file's line; in the rewrite it is further left.
        let original = Array(line.utf8), rewritten = Array(rewrite.text.utf8)
        func wikilinkColumn(_ bytes: [UInt8]) -> Int {
            1 + (1..<bytes.count - 1).first { bytes[$0 - 1] == 0x20 && bytes[$0] == UInt8(ascii: "[") && bytes[$0 + 1] == UInt8(ascii: "[") }!
        }
        #expect(wikilinkColumn(original) == 54)
        #expect(wikilinkColumn(rewritten) < 54)
        #expect(rewrite.edits.originalColumn(line: 1, column: wikilinkColumn(rewritten)) == 54)
        #expect(rewrite.edits.originalColumn(line: 1, column: 2) == 2)
    }
}
