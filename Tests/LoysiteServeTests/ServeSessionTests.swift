import Foundation
import LoysiteBuild
import LoysiteServe
import LoysiteTesting
import Testing

/// `ServeSession` in-process on a free loopback port: real sockets, real builds, real
/// file changes. Every session is stopped at the end of its test.
@Suite(.serialized) struct ServeSessionTests {
    static let files: [String: String] = [
        "content/site.yml": "title: Loyalty\nbase_url: https://loyalty.example.com/docs/\n",
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n", body: "Promoters minus detractors."),
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", body: "Unlike [[NPS]]."),
    ]

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [ServeSession.BuildReport] = []
        func add(_ report: ServeSession.BuildReport) { lock.withLock { reports.append(report) } }
        var all: [ServeSession.BuildReport] { lock.withLock { reports } }
    }

    /// Runs `body` with a started session on a temporary site, and always stops it.
    func withSession(_ files: [String: String] = files, _ body: (ServeSession, TemporarySite, HTTPTestClient, Reports) throws -> Void) throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let reports = Reports()
        let session = try ServeSession(options: .init(root: site.root, port: 0, pollInterval: 0.1)) { reports.add($0) }
        session.start()
        defer { session.stop() }
        try body(session, site, HTTPTestClient(port: session.port), reports)
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes.
    func eventually(timeout: TimeInterval = 5, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    @Test func servesPagesAssetsAndFeedsWithTheirContentTypes() throws {
        try withSession { session, _, client, reports in
            #expect(session.url == "http://127.0.0.1:\(session.port)/")
            #expect(reports.all.first?.number == 1)
            let home = try client.request("/")
            #expect(home.status == 200)
            #expect(home.header("content-type") == "text/html; charset=utf-8")
            #expect(home.header("cache-control") == "no-store")
            #expect(home.text.contains("<h1>Loyalty</h1>"))
            #expect(home.text.contains("<script src=\"/__loysite/live-reload.js\" data-build=\"1\" defer></script></body>"))
            let term = try client.request("/glossary/churn-rate/")
            #expect(term.status == 200)
            // Served with base URL `/`, whatever site.yml says: links work on localhost.
            #expect(term.text.contains("<link rel=\"canonical\" href=\"/glossary/churn-rate/\">"))
            #expect(!term.text.contains("loyalty.example.com"))
            let css = try client.request("/assets/style.css")
            #expect(css.status == 200)
            #expect(css.header("content-type") == "text/css; charset=utf-8")
            #expect(!css.text.contains("live-reload"), "only HTML pages get the script")
            #expect(try client.request("/search-index.json").header("content-type") == "application/json")
            #expect(try client.request("/sitemap.xml").header("content-type") == "application/xml; charset=utf-8")
            let script = try client.request("/__loysite/live-reload.js")
            #expect(script.header("content-type") == "text/javascript; charset=utf-8")
            #expect(script.text == LiveReloadScript.source)
        }
    }

    @Test func headSendsHeadersOnlyAndOtherMethodsAreRefused() throws {
        try withSession { _, _, client, _ in
            let full = try client.request("/glossary/")
            let head = try client.request("/glossary/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.header("content-length") == String(full.body.count))
            let post = try client.request("/", method: "POST", headers: ["Content-Length: 0"])
            #expect(post.status == 405)
            #expect(post.header("allow") == "GET, HEAD")
        }
    }

    @Test func foldersRedirectAndMissingPagesGetTheSite404() throws {
        try withSession { _, _, client, _ in
            let redirect = try client.request("/glossary/churn-rate?x=1")
            #expect(redirect.status == 301)
            #expect(redirect.header("location") == "/glossary/churn-rate/?x=1")
            let missing = try client.request("/glossary/no-such-term/")
            #expect(missing.status == 404)
            #expect(missing.header("content-type") == "text/html; charset=utf-8")
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("live-reload.js"))
        }
    }

    @Test func nothingOutsideTheOutputFolderIsEverServed() throws {
        try withSession { session, site, client, _ in
            try site.write("secret.txt", "TOP SECRET")
            try FileManager.default.createSymbolicLink(
                atPath: session.output.appendingPathComponent("leak.txt").path,
                withDestinationPath: site.root.appendingPathComponent("secret.txt").path)
            let secretPath = site.root.appendingPathComponent("secret.txt").path
            for target in ["/../secret.txt", "/../../../../../../\(secretPath)", "/%2e%2e/secret.txt", "/glossary/%2E%2E/%2e%2e/secret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/leak.txt", "/..%2f..%2fetc/passwd"] {
                let response = try client.request(target)
                #expect([400, 403, 404].contains(response.status), "\(target) → \(response.status)")
                #expect(!response.text.contains("TOP SECRET"), "\(target)")
                #expect(!response.text.contains("root:"), "\(target)")
            }
            #expect(try client.request("/leak.txt").status == 403)
            #expect(try client.request("/%2e%2e/secret.txt").status == 403)
            #expect(try client.request("/%zz").status == 400)
        }
    }

    @Test func keepAliveServesSeveralPipelinedRequestsOnOneConnection() throws {
        try withSession { _, _, client, _ in
            let host = "localhost:\(client.port)"
            let raw = "GET /assets/style.css HTTP/1.1\r\nHost: \(host)\r\n\r\nGET /nope HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
            let socketClient = HTTPTestClient(port: client.port)
            let first = try socketClient.send(raw)
            #expect(first.status == 200)
            #expect(first.header("connection") == "keep-alive")
        }
    }

    @Test func aChangedFileIsServedRebuiltAndTabsAreToldToReload() throws {
        try withSession { _, site, client, reports in
            let events = try client.openEventStream()
            defer { events.close() }
            try events.waitFor("event: hello\ndata: {\"build\":1,\"errors\":[]}")
            let started = Date()
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", body: "Customers who left this month."))
            #expect(try eventually { try client.request("/glossary/churn-rate/").text.contains("Customers who left this month.") })
            #expect(Date().timeIntervalSince(started) < 3, "rebuilt within a second or two")
            try events.waitFor("event: reload\ndata: {\"build\":2}")
            #expect(try client.request("/").text.contains("data-build=\"2\""))
            #expect(eventually { reports.all.count == 2 })
            let rebuild = try #require(reports.all.last)
            #expect(rebuild.changedPaths == ["content/glossary/churn-rate.md"])
            #expect(rebuild.number == 2)
            #expect(rebuild.tabsNotified == 1)
        }
    }

    @Test func aTemplateChangeRebuildsToo() throws {
        try withSession { _, site, client, _ in
            try site.write("templates/404.mustache", "<!doctype html><title>gone</title><body><p>Custom not found</p></body>")
            #expect(try eventually { try client.request("/missing/").text.contains("Custom not found") })
            #expect(try client.request("/missing/").status == 404)
        }
    }

    @Test func aBuildErrorKeepsTheLastGoodSiteAndShowsTheError() throws {
        try withSession { _, site, client, reports in
            let events = try client.openEventStream()
            defer { events.close() }
            try events.waitFor("event: hello")
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", body: "See [[Nowhere]]."))
            let received = try events.waitFor("event: build-error")
            #expect(received.contains("content/glossary/churn-rate.md:4:5: error: wikilink [[Nowhere]] matches no page's title, alias or slug"))
            #expect(received.contains("\"build\":1"))
            let page = try client.request("/glossary/churn-rate/")
            #expect(page.status == 200)
            #expect(page.text.contains("Unlike"), "the last good build is still served")
            #expect(page.text.contains("data-build=\"1\""))
            // Tabs are told before the terminal: wait for the report.
            #expect(eventually { reports.all.count == 2 })
            let failed = try #require(reports.all.last)
            #expect(!failed.succeeded)
            #expect(failed.result.diagnostics.hasErrors)
            // A tab opened now learns about the error at once.
            let late = try client.openEventStream()
            defer { late.close() }
            try late.waitFor("[[Nowhere]]")
            // Fixing it reloads.
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", body: "Fixed now."))
            try events.waitFor("event: reload\ndata: {\"build\":2}")
            #expect(try client.request("/glossary/churn-rate/").text.contains("Fixed now."))
        }
    }

    @Test func aSiteThatNeverBuiltShowsItsErrorsUntilItDoes() throws {
        var files = ServeSessionTests.files
        files["content/glossary/broken.md"] = "---\ntitle: [unclosed\n---\n"
        try withSession(files) { session, site, client, reports in
            #expect(reports.all.first?.succeeded == false)
            let page = try client.request("/")
            #expect(page.status == 503)
            #expect(page.text.contains("content/glossary/broken.md"))
            #expect(page.text.contains("data-build=\"0\""))
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/broken.md"))
            #expect(try eventually { try client.request("/").status == 200 })
            _ = session
        }
    }

    @Test func neverWritesIntoTheSitesOwnOutputFolder() throws {
        try withSession { session, site, client, _ in
            let home = try client.request("/")
            #expect(home.status == 200)
            #expect(!site.exists("site"))
            #expect(!session.output.path.hasPrefix(site.root.path))
            #expect(session.output.path.hasPrefix(FileManager.default.temporaryDirectory.standardizedFileURL.path) || session.output.path.hasPrefix(NSTemporaryDirectory()))
        }
    }

    @Test func stoppingClosesStreamsFreesThePortAndRemovesThePreview() throws {
        let site = try TemporarySite(ServeSessionTests.files)
        defer { site.remove() }
        let session = try ServeSession(options: .init(root: site.root, port: 0)) { _ in }
        session.start()
        let client = HTTPTestClient(port: session.port)
        let events = try client.openEventStream()
        defer { events.close() }
        try events.waitFor("event: hello")
        let output = session.output
        #expect(FileManager.default.fileExists(atPath: output.path))
        session.stop()
        #expect(events.waitForClose())
        #expect(!FileManager.default.fileExists(atPath: output.deletingLastPathComponent().path))
        #expect(throws: HTTPTestClient.Failure.self) { try client.request("/") }
        session.stop() // twice is fine
        // The port can be bound again at once.
        let again = try ServeSession(options: .init(root: site.root, port: session.port)) { _ in }
        again.stop()
    }

    @Test func aTakenPortIsAClearError() throws {
        let site = try TemporarySite(ServeSessionTests.files)
        defer { site.remove() }
        let first = try ServeSession(options: .init(root: site.root, port: 0)) { _ in }
        defer { first.stop() }
        #expect {
            try ServeSession(options: .init(root: site.root, port: first.port)) { _ in }
        } throws: { error in
            guard case .cannotListen(_, let port, _) = error as? ServeError else { return false }
            return port == first.port && "\(error)".contains("Pass --port")
        }
    }

    @Test func badHostsAndPortsAreRefused() throws {
        let site = try TemporarySite(ServeSessionTests.files)
        defer { site.remove() }
        #expect(throws: ServeError.invalidHost("example.com")) { try ServeSession(options: .init(root: site.root, host: "example.com", port: 0)) { _ in } }
        #expect(throws: ServeError.invalidPort(70000)) { try ServeSession(options: .init(root: site.root, port: 70000)) { _ in } }
        #expect(HTTPServer.isLoopback("127.0.0.1") && HTTPServer.isLoopback("::1") && HTTPServer.isLoopback("localhost"))
        #expect(!HTTPServer.isLoopback("0.0.0.0"))
    }
}
