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

    /// The in-place removal (sixteen bytes at a time) against the byte-by-byte rule, with
    /// every byte value at every position of a block and across block ends.
    @Test func removesControlBytesWhereverTheyAre() {
        func isRemoved(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }
        for length in [0, 1, 15, 16, 17, 31, 40] {
            for position in 0..<max(length, 1) where length > 0 {
                for value in UInt8(0)...UInt8(0x80) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = value
                    if length > 20 { bytes[length - 3] = 0x0A }
                    let expected = bytes.filter { !isRemoved($0) }
                    Escape.removeControlCharacters(&bytes)
                    #expect(bytes == expected, "byte \(value) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func cdataEndAndTextCloseAreHarmless() {
        let escaped = Escape.xml("]]></text><svg onload=x>")
        #expect(!escaped.contains("<"))
        #expect(!escaped.contains(">"))
    }
}
