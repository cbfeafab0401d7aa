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

/// Where TOML keys are written, read on bytes for ASCII lines, as on Characters.
@Suite struct TOMLKeyPlacesTests {
    @Test func tablesAndKeysArePlaced() {
        let toml = "title = \"x\"\n  'quoted key' = 1\n\"dq\": 2\nbad\n[ \"params\".x ]\nlater = 3\n[]\n[ü]\n"
        let places = KeyPlaces(toml: toml, path: "p.md", firstLine: 2)
        #expect(places.locations(of: "title").value == SourceLocation(file: "p.md", line: 2, column: 9))
        #expect(places.locations(of: "quoted key").key == SourceLocation(file: "p.md", line: 3, column: 3))
        #expect(places.locations(of: "dq").value == SourceLocation(file: "p.md", line: 4, column: 7))
        #expect(places.locations(of: "params").key == SourceLocation(file: "p.md", line: 6, column: 1))
        #expect(places.locations(of: "ü").key == SourceLocation(file: "p.md", line: 9, column: 1))
        // Keys after a table header are the table's, not the front matter's.
        #expect(places.locations(of: "later").key == SourceLocation(file: "p.md", line: 2, column: 1))
    }
}
