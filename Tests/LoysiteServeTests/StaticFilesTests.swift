import Foundation
@testable import LoysiteServe
import LoysiteTesting
import Testing

/// Path resolution against a real folder, including the ways out of it.
@Suite struct StaticFilesTests {
    /// A site folder with a secret file beside it (outside), and symlinks in and out.
    func makeSite() throws -> (TemporarySite, StaticFiles) {
        let site = try TemporarySite([
            "site/index.html": "<p>home</p>",
            "site/glossary/index.html": "<p>glossary</p>",
            "site/glossary/net-promoter-score/index.html": "<p>nps</p>",
            "site/glossary/empty/readme.txt": "no index here",
            "site/assets/style.css": "body{}",
            "site/café/index.html": "<p>accents</p>",
            "secret.txt": "TOP SECRET",
        ])
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("site/leak.txt").path, withDestinationPath: site.root.appendingPathComponent("secret.txt").path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("site/outside").path, withDestinationPath: site.root.path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("site/alias.css").path, withDestinationPath: "assets/style.css")
        return (site, StaticFiles(root: site.root.appendingPathComponent("site")))
    }

    @Test func servesFilesAndFolderIndexes() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        let root = files.root
        #expect(files.resolve("/") == .file(root.appendingPathComponent("index.html"), mediaType: "text/html; charset=utf-8"))
        #expect(files.resolve("/glossary/net-promoter-score/") == .file(root.appendingPathComponent("glossary/net-promoter-score/index.html"), mediaType: "text/html; charset=utf-8"))
        #expect(files.resolve("/assets/style.css") == .file(root.appendingPathComponent("assets/style.css"), mediaType: "text/css; charset=utf-8"))
        #expect(files.resolve("/caf%C3%A9/") == .file(root.appendingPathComponent("café/index.html"), mediaType: "text/html; charset=utf-8"))
        #expect(files.resolve("//assets//./style.css") == .file(root.appendingPathComponent("assets/style.css"), mediaType: "text/css; charset=utf-8"))
    }

    @Test func redirectsFoldersToTheirSlashForm() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        #expect(files.resolve("/glossary") == .redirect("/glossary/"))
        #expect(files.resolve("/caf%C3%A9") == .redirect("/caf%C3%A9/"))
        // A leading `//` must not become a protocol-relative redirect to another host.
        #expect(files.resolve("//glossary") == .redirect("/glossary/"))
    }

    @Test func missingFilesAndIndexlessFoldersAreNotFound() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        #expect(files.resolve("/nope/") == .notFound)
        #expect(files.resolve("/glossary/empty/") == .notFound)
        #expect(files.resolve("/assets/missing.css") == .notFound)
    }

    @Test func dotDotSegmentsAreForbiddenInEverySpelling() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        for path in ["/../secret.txt", "/glossary/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/glossary/%2e%2e/%2e%2e/secret.txt", "/..", "/%2e%2e%2fsecret.txt"] {
            #expect(files.resolve(path) == .forbidden, "\(path)")
        }
    }

    @Test func symlinksLeadingOutOfTheSiteAreForbidden() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        #expect(files.resolve("/leak.txt") == .forbidden)
        #expect(files.resolve("/outside/secret.txt") == .forbidden)
        #expect(files.resolve("/outside/") == .forbidden)
        // A symlink that stays inside the site is fine.
        #expect(files.resolve("/alias.css") == .file(files.root.appendingPathComponent("alias.css"), mediaType: "text/css; charset=utf-8"))
    }

    @Test func malformedPathsAreBadRequests() throws {
        let (site, files) = try makeSite()
        defer { site.remove() }
        #expect(files.resolve("/%zz") == .badRequest)
        #expect(files.resolve("/a%2") == .badRequest)
        #expect(files.resolve("/a%00b") == .badRequest)
        #expect(files.resolve("/%ff%fe") == .badRequest)
        #expect(files.resolve("index.html") == .badRequest)
    }

    @Test func contentTypesMatchWhatStaticHostsSend() {
        #expect(MediaTypes.forPath("index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.forPath("assets/charts.css") == "text/css; charset=utf-8")
        #expect(MediaTypes.forPath("metrics.json") == "application/json")
        #expect(MediaTypes.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.forPath("logo.SVG") == "image/svg+xml")
        #expect(MediaTypes.forPath("font.woff2") == "font/woff2")
        #expect(MediaTypes.forPath("app.js") == "text/javascript; charset=utf-8")
        #expect(MediaTypes.forPath("README") == "application/octet-stream")
        #expect(MediaTypes.forPath(".hidden") == "application/octet-stream")
    }
}
