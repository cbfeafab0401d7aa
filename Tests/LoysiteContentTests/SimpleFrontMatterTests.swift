@testable import LoysiteContent
import LoysiteSupport
import Testing

/// The fast path for simple front matter must read exactly what the YAML parser reads,
/// and leave everything else to it.
@Suite struct SimpleFrontMatterTests {
    func viaYAML(_ yaml: String) -> PageFields? {
        guard case .success(let document) = YAMLDocument.parse(yaml, path: "p.md", firstLine: 2) else { return nil }
        return PageFields(reading: document)
    }

    func expectSame(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2) else { return }
        guard let slow = viaYAML(yaml) else {
            Issue.record("the fast path read front matter YAML rejects:\n\(yaml)", sourceLocation: sourceLocation)
            return
        }
        #expect(fast.title == slow.title, sourceLocation: sourceLocation)
        #expect(fast.slug == slow.slug, sourceLocation: sourceLocation)
        #expect(fast.summary == slow.summary, sourceLocation: sourceLocation)
        #expect(fast.period == slow.period, sourceLocation: sourceLocation)
        #expect(fast.date == slow.date, sourceLocation: sourceLocation)
        #expect(fast.draft == slow.draft, sourceLocation: sourceLocation)
        #expect(fast.aliases == slow.aliases, sourceLocation: sourceLocation)
        #expect(fast.category == slow.category, sourceLocation: sourceLocation)
        #expect(fast.categories == slow.categories, sourceLocation: sourceLocation)
        #expect(fast.related == slow.related, sourceLocation: sourceLocation)
        #expect(fast.diagnostics == slow.diagnostics, sourceLocation: sourceLocation)
        #expect(fast.summaryFallbacks == slow.summaryFallbacks, sourceLocation: sourceLocation)
        #expect(fast.aka == slow.aka, sourceLocation: sourceLocation)
        #expect(fast.redirectFrom == slow.redirectFrom, sourceLocation: sourceLocation)
        #expect(fast.formerURLs == slow.formerURLs, sourceLocation: sourceLocation)
        #expect(fast.params.map(\.0) == slow.params.map(\.0), sourceLocation: sourceLocation)
        #expect(fast.params.map(\.1) == slow.params.map(\.1), sourceLocation: sourceLocation)
    }

    @Test func typicalTermIsReadWithoutYAML() {
        let yaml = "title: Net Promoter Score\naliases: [NPS, Promoter score]\nsummary: How likely customers are to recommend you.\ncategory: Metrics\nrelated: [churn-rate, Customer loyalty]\ndraft: false\n"
        let fields = SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2)
        #expect(fields?.title?.value == "Net Promoter Score")
        #expect(fields?.aliases?.map(\.value) == ["NPS", "Promoter score"])
        #expect(fields?.aliases?.last?.location.column == 16)
        #expect(fields?.related?.first?.location.line == 6)
        expectSame(yaml)
    }

    @Test func whatNeedsYAMLIsLeftToIt() {
        for yaml in [
            "title: x\nparams:\n  a: 1\n   b: 2\n",       // a line indented more than its key
            "title: x\nparams:\n",                       // an empty value (null)
            "title: x\nsummary: a: b\n",                 // a mapping inside
            "title: \"a \\tb\"\n",                      // an escape other than \\\", \\\\, \\/
            "summary: |+\n  kept\n",                    // keep chomping
            "summary: >\n  a\n\n  b\n",                // a blank line in a block scalar
            "summary: >\n  a\n    b\n",                 // a more-indented line
            "aliases:\n  - a\n\n  - b\n",              // a blank line in a block list
            "aliases:\n  - a\n    - b\n",               // a deeper item
            "aliases:\n  -\n",                         // an empty item
            "aliases: [a, ]\n",
            "related: [\"a\": b]\n",                   // a mapping in a list
            "title: \"x\"y\n",
            "title: &a x\n",
            "title: x\ntitle: y\n",                      // duplicate keys
            "title: x\nTitle: y\n",
            "aliases: 3\n",                              // a number where a list goes
            "draft: yes\n",
            "title: x\n  continued\n",
            "title:\n",
            "title: [a, [b]]\n",
            "title: x\tx\n",
            "",
        ] {
            let accepted = SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2) != nil
            #expect(!accepted, "\(yaml)")
        }
    }

    /// Quoting, escapes, comments, block lists and block scalars, as real front matter
    /// writes them: read without YAML, exactly as YAML reads them.
    @Test func widerShapesAreReadWithoutYAML() {
        for yaml in [
            "title: \"Net \\\"Promoter\\\" Score\"  # quoted\naliases: ['NPS', \"It's\", 'it''s']\n",
            "title: 'C:\\x' # a comment\nrelated: [\"a, b\", plain item, 'c']\n",
            "title: x\naliases:\n  - A\n  - \"B\"  # b\n",
            "title: x\naliases:\n- A\n- 'B'\nsummary: y\n",
            "title: x\nsummary: >-\n  folded across\n  two lines\ncategory: y\n",
            "title: x\nsummary: >\n  clipped\n",
            "title: x\nsummary: |-  # literal\n  line one\n  line two\n",
            "summary: |\n    deep: # not a comment\ntitle: t\n",
            "title: x\ncategory: |\n  Metrics\ndraft: false # by hand\n",
            "title: x  # trailing\ndate: '2026-03-07'\n",
            "title: x\nweight: 3\nfull_link: https://x.org/a/\nlastmod: 2024-05-01T10:00:00Z\nflag: yes\nratio: 0.5\nnone: ~\n",
            "title: x\naka: [NPS]\ndescription: \"d\"\noneliner: o\nredirect_from:\n  - /old/\ntags: [a, 3, \"b\"]\n",
            "title: x\npermalink: /glossary/x/\nurl: \"/x/\"\n",
            "title: x\nparams:  # theme\n  tier: 2\n  featured: true\n  sources:\n    - handbook\n  nested:\n    deep: 0o17\nnext: n\n",
        ] {
            #expect(SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2) != nil, "\(yaml)")
            expectSame(yaml)
        }
    }

    /// Many combinations of the forms the fast path accepts, compared field by field
    /// (values and locations) with the YAML parser's reading.
    @Test func agreesWithTheYAMLParser() {
        let texts = ["Churn rate", "2024", "2026-03-07", "true", "~", "null", "x:y", "C#", "a  b", "Échelle «x»", "e\u{301}",
                     "<b>", "It's", "say \"hi\"", "3.5", "-x", "yes", "ü", "%x", "a,b", "😀 emoji", "Null", "2026-02-30", "2026-03-07T10:00"]
        let wrappers: [(String) -> String] = [{ $0 }, { "\"\($0)\"" }, { "'\($0)'" }, { "[\($0)]" }, { "[\($0), b ,c]" }, { _ in "[ ]" }, { "  \($0)  " }]
        let keys = ["title", "slug", "summary", "period", "date", "draft", "aliases", "category", "categories", "related", "Title", "ALIASES"]
        var checked = 0
        for key in keys {
            for text in texts {
                for wrap in wrappers {
                    let yaml = "# a comment\n\nsummary: fixed\(key == "summary" ? "x" : "")\n\(key): \(wrap(text))\n"
                    if key.lowercased() == "summary" { expectSame("\(key): \(wrap(text))\n"); continue }
                    expectSame(yaml)
                    if SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2) != nil { checked += 1 }
                }
            }
        }
        #expect(checked > 300)
    }
}
