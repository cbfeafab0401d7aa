import Foundation
@testable import LoysiteBuild
import Testing

/// The check of the built site's links: which attribute values name files of the site.
@Suite struct OutputLinkCheckTests {
    static let files: Set<String> = ["index.html", "glossary/index.html", "glossary/nps/index.html", "glossary/nps/chart.svg", "assets/style.css", "feed.xml"]

    @Test func findsExactlyTheLinksThatNameNothing() {
        let html = """
        <a href="../churn/">x</a> <a href="./">x</a> <a href="chart.svg">x</a> <img src="missing.png" />
        <link href="../../assets/style.css"> <a href="../../feed.xml">x</a> <a href="https://example.org/x">x</a>
        <a href="#top">x</a> <a href="//cdn.example.org/x.js">x</a> <a href="mailto:a@b.c">x</a> <a href="../">x</a>
        <a href="/glossary/nps/?q=1#a">x</a> <a href="/nothing/">x</a> <a href="../../../../up">x</a> <a href="chart%2Esvg">x</a>
        """
        let missing = OutputLinkCheck.unresolved(in: Data(html.utf8), at: "glossary/nps/index.html", files: Self.files, basePath: "/")
        #expect(missing == ["../churn/", "missing.png", "/nothing/", "../../../../up"])
    }

    @Test func theFastPathAgreesWithTheGeneralOne() {
        let values = ["../churn/", "./", "chart.svg", "../../assets/style.css", "../", "/glossary/nps/", "/", "", "a/./b/../c", "../../../x", "x/", "?q", "#f", "nps"]
        for folder in ["", "glossary", "glossary/nps"] {
            var resolver = OutputLinkCheck.ByteResolver(folder: folder.utf8.split(separator: UInt8(ascii: "/")).map(Array.init))
            for value in values {
                let fast: String?
                switch Array(value.utf8).withUnsafeBufferPointer({ resolver.target($0, basePath: "/") }) {
                case .outside: fast = nil
                case .path:
                    fast = resolver.resolvedPath
                    #expect(resolver.resolvedExists(in: OutputPathTable(Self.files)) == OutputLinkCheck.exists(resolver.resolvedPath, in: Self.files), "\(value) from \(folder)")
                case .slow: continue
                }
                let general = OutputLinkCheck.target(of: value, folder: folder, basePath: "/")
                #expect(fast.map { OutputLinkCheck.exists($0, in: Self.files) } == general.map { OutputLinkCheck.exists($0, in: Self.files) }, "\(value) from \(folder)")
            }
        }
    }

    @Test func siteAbsoluteLinksStartWithTheBaseURLsPath() {
        #expect(OutputLinkCheck.basePath(of: "/") == "/")
        #expect(OutputLinkCheck.basePath(of: "/docs/") == "/docs/")
        #expect(OutputLinkCheck.basePath(of: "https://example.org/sub/") == "/sub/")
        #expect(OutputLinkCheck.basePath(of: "https://example.org") == "/")
        let html = Data("<a href=\"/sub/feed.xml\">x</a> <a href=\"/sub/gone.xml\">x</a>".utf8)
        #expect(OutputLinkCheck.unresolved(in: html, at: "404.html", files: Self.files, basePath: "/sub/") == ["/sub/gone.xml"])
    }
}
