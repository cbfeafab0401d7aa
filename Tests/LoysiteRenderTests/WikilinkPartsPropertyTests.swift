import PropertyBased
import Testing
@testable import LoysiteRender

/// A wikilink's parts read on bytes are the parts read on Characters, for any text
/// between `[[` and `]]`: separators, blanks, marks that combine with a `|` or `#`,
/// carriage returns and non-ASCII names.
@Suite struct WikilinkPartsPropertyTests {
    static let pieces = ["|", "#", " ", "\t", "a", "NPS", "net promoter", "é", "\u{301}", "|\u{301}", "#\u{301}", "\r", "\r\n", "x-y", "😀", "\u{A0}", "||", "##"]

    @Test func bytesAgreeWithCharacters() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...8)) { parts in
            let inner = parts.compactMap { $0 }.joined()
            let bytes = Array(("[[" + inner + "]]").utf8)
            #expect(WikilinkParts(bytes, span: 0..<bytes.count) == WikilinkParts(characters: inner), "\(Array(inner.unicodeScalars))")
        }
    }

    @Test func targetFragmentAndLabel() {
        let bytes = Array("see [[ Net Promoter Score#calc | the score ]] here".utf8)
        let parts = WikilinkParts(bytes, span: 4..<45)
        #expect(parts.name == "Net Promoter Score")
        #expect(parts.fragment == "#calc")
        #expect(parts.label == "the score")
        #expect(parts.inner == " Net Promoter Score#calc | the score ")
    }
}
