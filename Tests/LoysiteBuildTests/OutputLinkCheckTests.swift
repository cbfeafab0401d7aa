import Foundation
@testable import LoysiteBuild
import LoysiteTesting
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
        let values = ["https://example.org/glossary/nps/", "mailto:a@b.c", ":x", "a_b:c", "nps:x", "../churn/", "./", "chart.svg", "../../assets/style.css", "../", "/glossary/nps/", "/", "", "a/./b/../c", "../../../x", "x/", "?q", "#f", "nps"]
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

    /// Random relative and site paths from random folders: the byte resolver names a
    /// file of the site exactly when `target(of:)` does, and the folder it reads from an
    /// output path is the one `unresolved` used to split out of it.
    @Test func theFastPathAgreesOnRandomLinks() {
        let pieces = ["..", ".", "glossary", "nps", "chart.svg", "assets", "style.css", "feed.xml", "index.html", "", "x", "https:", "a+b.c-d:", "x:y", "?q=a:b", "#f:g", ":", "a_b:"]
        var numbers = SeededNumbers(seed: 12)
        for _ in 0..<4000 {
            let folderParts = (0..<numbers.below(4)).map { _ in ["glossary", "nps", "a", "assets"][numbers.below(4)] }
            let folder = folderParts.joined(separator: "/")
            let path = (folderParts + ["index.html"]).joined(separator: "/")
            var fromPath = OutputLinkCheck.ByteResolver(path: path)
            var fromParts = OutputLinkCheck.ByteResolver(folder: folder.utf8.split(separator: UInt8(ascii: "/")).map(Array.init))
            #expect(fromPath.folder == fromParts.folder, "\(path)")
            var value = (0..<(1 + numbers.below(5))).map { _ in pieces[numbers.below(pieces.count)] }.joined(separator: "/")
            if numbers.chance(50) { value = "/" + value }
            if numbers.chance(50) { value += "/" }
            let fast: String?
            switch Array(value.utf8).withUnsafeBufferPointer({ fromPath.target($0, basePath: "/") }) {
            case .outside: fast = nil
            case .path: fast = fromPath.resolvedPath
            case .slow: continue
            }
            let other = Array(value.utf8).withUnsafeBufferPointer { fromParts.target($0, basePath: "/") }
            #expect((other == .path ? fromParts.resolvedPath : nil) == fast, "\(value) from \(folder)")
            let general = OutputLinkCheck.target(of: value, folder: folder, basePath: "/")
            #expect(fast.map { OutputLinkCheck.exists($0, in: Self.files) } == general.map { OutputLinkCheck.exists($0, in: Self.files) }, "\(value) from \(folder)")
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
