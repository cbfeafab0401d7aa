@testable import LoysiteContent
import LoysiteSupport
import Testing

/// The byte-level split of `+++` front matter gives what the split on Characters gives.
@Suite struct TOMLSplitTests {
    @Test func bytesAndCharactersAgree() {
        let texts = ["+++\ntitle = \"x\"\n+++\nBody\n", "+++\n+++\n", "+++\n+++", "+++", "+++\n", "+++\ntitle = 1\n", " +++ \n a \n\t+++\t\nb\nc",
                     "+++x\n+++\n", "+++\ntitle = \"é\"\n+++ \u{301}\nbody\n", "+++\na = 1\n+++\n\n\nbody\n+++\n", "+++\r\na\n+++\n"]
        for text in texts {
            let source = SourceText(path: "p.md", text: text)
            let bytes = FrontMatter.splitTOML(source), characters = FrontMatter.splitTOMLCharacters(source)
            switch (bytes, characters) {
            case (.success(let a), .success(let b)):
                #expect(a.text == b.text && a.body == b.body && a.bodyFirstLine == b.bodyFirstLine && a.format == b.format, "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
            default:
                Issue.record("the splits differ on \(text.debugDescription)")
            }
        }
    }
}
