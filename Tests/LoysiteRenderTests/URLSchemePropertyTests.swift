import PropertyBased
import Testing
@testable import LoysiteRender

/// The byte-level scheme test agrees with the Character-wise one for URLs mixing scheme
/// characters, colons, slashes, non-ASCII letters and digits, and combining marks
/// before and after a colon; and the byte-level script test agrees with its scalar-wise
/// reference for URLs with blanks and controls inside the scheme, mixed case and
/// non-ASCII text.
@Suite struct URLSchemePropertyTests {
    static let pieces = [
        "a", "Z", "9", "+", "-", ".", ":", "/", "#", "?", " ", "é", "\u{301}", "٣", "İ", "http", "mailto", "loysite-ref", "x y", "😀",
    ]
    static let scriptPieces = [
        "java", "JAVA", "script", "SCRIPT", ":", " ", "\t", "\n", "\u{1}", "\u{7F}", "vb", "file", "data", "image/", "png", "gif",
        "jpeg", "webp", "svg", "İ", "é", "\u{301}", "alert(1)", "https://a.example", "x",
    ]

    @Test func schemeBytesAgreeWithCharacters() async {
        await propertyCheck(count: 6000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...6)) { parts in
            let url = parts.compactMap { $0 }.joined()
            #expect(URLScheme.hasScheme(url) == URLScheme.reference(url), "\(Array(url.unicodeScalars))")
        }
    }

    @Test func scriptBytesAgreeWithScalars() async {
        await propertyCheck(count: 6000, input: Gen<String?>.element(of: Self.scriptPieces).array(of: 0...6)) { parts in
            let url = parts.compactMap { $0 }.joined()
            #expect(ScriptURL.isScript(url) == ScriptURL.reference(url), "\(Array(url.unicodeScalars))")
        }
    }

    @Test func readsTypicalURLs() {
        #expect(URLScheme.hasScheme("https://a.example"))
        #expect(URLScheme.hasScheme("loysite-ref:NPS"))
        #expect(!URLScheme.hasScheme("../nps/"))
        #expect(!URLScheme.hasScheme("a/b:c"))
        #expect(!URLScheme.hasScheme(":x"))
        #expect(ScriptURL.isScript(" Java\tScript:alert(1)"))
        #expect(ScriptURL.isScript("data:text/html,x"))
        #expect(!ScriptURL.isScript("data:image/png;base64,x"))
        #expect(!ScriptURL.isScript("https://a.example"))
    }
}
