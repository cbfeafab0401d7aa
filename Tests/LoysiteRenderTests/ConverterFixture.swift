import LoysiteContent
import LoysiteRender

/// Pages loaded from Markdown texts, and a converter over them.
struct ConverterFixture {
    let index: PageIndex
    let converter: MarkdownConverter

    init(_ files: [(path: String, text: String)], autolink: Bool = true, unsafe: Bool = false) {
        let pages = files.compactMap { file -> Page? in
            let kind: PageKind = file.path.hasPrefix("content/reports") ? .report : file.path.hasPrefix("content/pages") ? .page : .term
            return PageLoader.load(SourceText(path: file.path, text: file.text), kind: kind).page
        }
        index = PageIndex(pages: pages)
        converter = MarkdownConverter(index: index, matcher: autolink ? TermMatcher(index: index) : nil, unsafe: unsafe, directives: nil)
    }

    func convert(_ source: String) -> RenderedMarkdown {
        converter.convert(page: index.page(source: source)!)
    }

    static let glossary: [(path: String, text: String)] = [
        ("content/glossary/net-promoter-score.md", "---\ntitle: Net Promoter Score\naliases: [NPS]\n---\nBody.\n"),
        ("content/glossary/churn-rate.md", "---\ntitle: Churn rate\n---\nBody.\n"),
        ("content/glossary/customer-loyalty.md", "---\ntitle: Customer loyalty\n---\nBody.\n"),
        ("content/glossary/customer-loyalty-index.md", "---\ntitle: Customer Loyalty Index\naliases: [CLI]\n---\nBody.\n"),
        ("content/glossary/promoter.md", "---\ntitle: Promoter\n---\nBody.\n"),
    ]

    static func with(_ path: String, _ text: String, autolink: Bool = true, unsafe: Bool = false) -> ConverterFixture {
        ConverterFixture(glossary + [(path, text)], autolink: autolink, unsafe: unsafe)
    }
}
