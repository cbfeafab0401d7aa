import LoysiteSupport
import Testing

@Suite struct EscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(Escape.html(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
    }

    @Test func leavesPlainTextAlone() {
        #expect(Escape.html("Net Promoter Score — 45 %") == "Net Promoter Score — 45 %")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(Escape.xml("a\u{01}b\u{1B}c\td\ne") == "abc\td\ne")
        #expect(Escape.removingControlCharacters("x\u{7F}y") == "xy")
    }

    @Test func cdataEndAndTextCloseAreHarmless() {
        let escaped = Escape.xml("]]></text><svg onload=x>")
        #expect(!escaped.contains("<"))
        #expect(!escaped.contains(">"))
    }
}
