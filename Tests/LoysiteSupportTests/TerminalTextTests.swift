import LoysiteSupport
import Testing

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.escaped("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(TerminalText.escaped("\u{1B}[2J\u{0}\u{7F}\u{9B}") == "\\u{1B}[2J\\u{0}\\u{7F}\\u{9B}")
        #expect(TerminalText.escaped("evil\u{202E}txt.md\u{2028}") == "evil\\u{202E}txt.md\\u{2028}")
        #expect(TerminalText.escapedKeepingLineBreaks("one\u{1B}\ntwo\r\n") == "one\\u{1B}\ntwo\\r\n")
    }

    @Test func everythingElseIsLeftAlone() {
        for text in ["content/glossary/nps.md", "Café — ‘quoted’ “text” ✓ 日本語 €", "C:\\path\\n", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func aDiagnosticIsAlwaysOneLine() {
        let diagnostic = Diagnostic.error("bad\nvalue", at: SourceLocation(file: "x\nfake.md:1:1: error: injected.md", line: 2, column: 3))
        #expect(diagnostic.description == "x\\nfake.md:1:1: error: injected.md:2:3: error: bad\\nvalue")
        #expect(diagnostic.message == "bad\nvalue", "the message keeps the text as found")
    }
}
