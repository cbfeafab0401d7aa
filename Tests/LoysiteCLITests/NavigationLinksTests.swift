import Foundation
import LoysiteTesting
import Testing

/// site.yml's `nav` items on every page: a `/…` URL is linked relatively from the page
/// (from the base path on the 404 page) and marks the section the page is in; `//…`,
/// absolute and relative URLs stay as written. (Expected output recorded from the build
/// before navigation items were prepared once for all pages.)
@Suite struct NavigationLinksTests {
    static let files = [
        "content/site.yml": """
        title: T
        nav:
          - {title: Terms, url: /glossary/}
          - {title: Home, url: /}
          - {title: CDN, url: //cdn.example.com/x/}
          - {title: Ext, url: "https://example.com/"}
          - {title: Rel, url: about/}
          - {title: Gl, url: /glossary}

        """,
        "content/glossary/nps.md": "---\ntitle: NPS\n---\nBody.\n",
    ]

    /// The items of the header's main navigation.
    static func navigation(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav aria-label=\"Main\">"),
              let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "\n").filter { $0.contains("<li><a href=") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func linksAndCurrentSectionOnEachKindOfPage() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let term = try #require(site.read("site/glossary/nps/index.html"))
        #expect(Self.navigation(term) == [
            "<li><a href=\"../\" class=\"current\">Terms</a></li>", "<li><a href=\"../../\">Home</a></li>",
            "<li><a href=\"//cdn.example.com/x/\">CDN</a></li>", "<li><a href=\"https://example.com/\">Ext</a></li>",
            "<li><a href=\"about/\">Rel</a></li>", "<li><a href=\"../../glossary\" class=\"current\">Gl</a></li>",
        ])
        let home = try #require(site.read("site/index.html"))
        #expect(Self.navigation(home) == [
            "<li><a href=\"glossary/\">Terms</a></li>", "<li><a href=\"./\">Home</a></li>",
            "<li><a href=\"//cdn.example.com/x/\">CDN</a></li>", "<li><a href=\"https://example.com/\">Ext</a></li>",
            "<li><a href=\"about/\">Rel</a></li>", "<li><a href=\"glossary\">Gl</a></li>",
        ])
        let notFound = try #require(site.read("site/404.html"))
        #expect(Self.navigation(notFound) == [
            "<li><a href=\"/glossary/\">Terms</a></li>", "<li><a href=\"/\">Home</a></li>",
            "<li><a href=\"//cdn.example.com/x/\">CDN</a></li>", "<li><a href=\"https://example.com/\">Ext</a></li>",
            "<li><a href=\"about/\">Rel</a></li>", "<li><a href=\"/glossary\">Gl</a></li>",
        ])
    }
}
