@testable import LoysiteContent
import Testing

/// Front matter is split on bytes when that cannot differ from splitting on
/// Characters; these texts check that it never does.
@Suite struct FrontMatterTests {
    static let texts = [
        "---\ntitle: A\n---\nBody\n", "---\ntitle: A\n...\nBody", "--- \t\ntitle: A\n  ---  \nBody\n", "---\ntitle: A\n",
        "No front matter\n---\n", "---", "---\n---\n", "----\ntitle: A\n---\n", "---x\n---\n", "\n---\ntitle: A\n---\n",
        "---\u{301}\ntitle: A\n---\n", "---\ntitle: A\n---\u{A0}\nBody\n", "---\ntitle: A\n\u{3000}---\nBody\n", "---\ntitle: Émile\n---\nÉté\n",
        "---\ntitle: A\n---", "---\ntitle: A\n-- -\n---\nB\n", "---\n\n---\n\n",
    ]

    @Test func bytesAndCharactersAgree() {
        for text in Self.texts {
            let source = SourceText(path: "p.md", text: text)
            let fast = FrontMatter.split(source), slow = FrontMatter.splitCharacters(source)
            switch (fast, slow) {
            case (.success(let a), .success(let b)):
                #expect(a.text == b.text && a.body == b.body && a.textFirstLine == b.textFirstLine && a.bodyFirstLine == b.bodyFirstLine, "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
            default:
                Issue.record("different outcomes for \(text.debugDescription)")
            }
        }
    }

    @Test func splitsAtTheClosingLine() throws {
        let front = try FrontMatter.split(SourceText(path: "p.md", text: "---\ntitle: A\n---\nBody\n")).get()
        #expect(front.text == "title: A\n")
        #expect(front.body == "Body\n")
        #expect(front.bodyFirstLine == 4)
    }
}
