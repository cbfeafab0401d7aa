import Foundation
import LoysiteContent
import LoysiteRender
import Testing

/// Plain CommonMark renders exactly as the `cmark` command (`cmark --smart`, the
/// reference implementation loysite's libcmark comes from) renders it: what loysite
/// does to a page — carrying over other generators' syntax, wikilinks, tables, link
/// checks — must leave every text that uses none of it byte-identical. The cases are
/// made here from fragments of every kind of block and inline, alone and in pairs
/// (the CommonMark spec's own examples are not shipped with Debian's cmark).
@Suite struct CommonMarkConformanceTests {
    static let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let inlines = [
        "*foo*", "**foo**", "_foo_", "__foo__", "*foo**bar**baz*", "**foo*", "foo_bar_baz", "*foo`*`",
        "`code`", "`` a`b ``", "[link](/uri \"title\")", "[link](<foo bar>)", "[link](foo.md)", "[link](../other/)",
        "![img](/a.png \"t\")", "![img](pic.png)", "<http://example.com>", "<foo@bar.com>", "\\*not\\*",
        "&amp; &copy; &#35; &nbsp;", "\"quoted\" text", "'single' quotes", "it's", "a -- b --- c", "wait...",
        "a  \nb", "a\\\nb", "<span>raw</span>", "[ref]", "[ref][]", "[text][ref]", "[[[foo]]]", "![[foo]]",
        "{a}", "{ braces }", "a | b", "~~strike~~", "https://example.org", "x < y > z", "5 * 6 * 7",
        "\\[brackets\\]", "[nested [brackets]](/u)", "`[[NPS]]`", "`{{< shortcode >}}`", "[]()", "[a]( /b )",
        "**[bold link](/x)**", "é and ü", "#not heading", "1986\\. A year", "\\{{escaped}}",
    ]

    static let blocks = [
        "# Heading", "Setext\n===", "Setext two\n---", "> quote\n> more", "> quote\nlazy", "- a\n- b", "1. one\n2. two",
        "* a\n\n  para", "1) paren", "+ plus", "```\ncode {{< x >}}\n```", "~~~ python\nx = 1\n~~~", "    indented",
        "***", "<div>\nhtml\n</div>", "<!-- comment -->", "[ref]: /ref-url \"Ref\"", "para\nlazy line", "- [ ] task",
        "Para one.\n\nPara two.", "- a\n  - nested\n    - deeper", "Text\n\n    code after para", "## Heading ##",
        "| just a pipe", "a | b\nc | d",
    ]

    static var cases: [String] {
        var cases = inlines.map { "Text \($0) end.\n" }
        cases += blocks.map { $0 + "\n" }
        for first in blocks {
            for second in blocks.prefix(12) {
                cases.append(first + "\n" + second + "\n")
                cases.append(first + "\n\n" + second + "\n")
            }
        }
        for block in ["> ", "- ", "1. ", "# "] {
            cases += inlines.prefix(20).map { block + $0 + "\n" }
        }
        return cases
    }

    static func reference(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmark!)
        process.arguments = ["--smart"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func loysite(_ markdown: String) -> String {
        let page = Page(kind: .term, source: "content/glossary/case.md", slug: "case", title: "Case", aliases: [], summary: nil,
                        categories: [], related: [], draft: false, date: nil, period: nil, params: [], body: markdown,
                        bodyFirstLine: 1, location: .init(file: "content/glossary/case.md", line: 1, column: 1))
        let index = PageIndex(pages: [page])
        return MarkdownConverter(index: index, matcher: nil, unsafe: false, directives: nil).convert(page: PageID(0)).html
    }

    @Test(.enabled(if: cmark != nil, "the cmark command is not installed (apt-get install cmark)"))
    func plainCommonMarkRendersAsCmarkDoes() throws {
        let cases = Self.cases
        #expect(cases.count > 700)
        var differences: [String] = []
        for markdown in cases {
            let expected = try Self.reference(markdown)
            let actual = Self.loysite(markdown)
            if actual != expected { differences.append("\(markdown.debugDescription)\n  cmark:   \(expected.debugDescription)\n  loysite: \(actual.debugDescription)") }
        }
        #expect(differences.isEmpty, "\(differences.count) of \(cases.count) differ:\n\(differences.prefix(10).joined(separator: "\n"))")
    }

    /// What a page does use is loysite's: a check that the comparison can fail.
    @Test(.enabled(if: cmark != nil, "the cmark command is not installed (apt-get install cmark)"))
    func loysitesOwnSyntaxIsWhereTheyDiffer() throws {
        for markdown in ["See [[Case]].\n", "a | b\n--|--\n1 | 2\n", "{{< note >}}\n"] {
            #expect(try Self.reference(markdown) != Self.loysite(markdown))
        }
    }
}
