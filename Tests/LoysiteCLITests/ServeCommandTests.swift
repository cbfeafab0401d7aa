import Foundation
import LoysiteTesting
import Testing

/// `loysite serve` as a user runs it: the real binary on a free loopback port, stopped
/// with Ctrl-C (SIGINT) at the end of every test.
@Suite(.serialized) struct ServeCommandTests {
    let files: [String: String] = [
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n"),
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", body: "Unlike [[NPS]]."),
    ]

    @Test func servesRebuildsOnChangeAndStopsOnCtrlC() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let server = try LoysiteBinary.start(["serve", "--root", site.root.path, "--port", "0"])
        defer { server.stop() }
        let port = try #require(server.servingPort(), "no 'Serving … at' line; stdout: \(server.stdout) stderr: \(server.stderr)")
        #expect(server.stdout.hasPrefix("Built 6 pages (15 files) in "))
        let client = HTTPTestClient(port: port)
        let page = try client.request("/glossary/churn-rate/")
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        #expect(page.text.contains("live-reload.js"))
        let missing = try client.request("/nowhere/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"))
        #expect(try client.request("/%2e%2e/%2e%2e/etc/passwd").status == 403)

        try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", body: "Edited while serving."))
        // The edit drops the link to NPS and changes the summary: the term, NPS (its
        // "Mentioned in"), the A–Z index and the home page are rendered again; those
        // four and the two search indexes change on disk.
        #expect(server.waitForOutput("content/glossary/churn-rate.md changed: rebuilt 4 of 6 pages (6 files changed) in ", timeout: 10), "\(server.stdout)")
        #expect(server.stdout.split(separator: "\n").last { $0.contains("rebuilt") }?.hasSuffix(" ms") == true, "\(server.stdout)")
        #expect(try client.request("/glossary/churn-rate/").text.contains("Edited while serving."))
        #expect(!site.exists("site"), "serve never writes the site's own output folder")

        #expect(server.interrupt(SIGINT) == 0, "Ctrl-C stops cleanly with status 0")
        #expect(server.stdout.hasSuffix("Stopped.\n"))
        #expect(throws: HTTPTestClient.Failure.self) { try client.request("/") }
    }

    @Test func aBrokenEditIsReportedAndTheLastGoodSiteStays() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let server = try LoysiteBinary.start(["serve", "--root", site.root.path, "--port", "0"])
        defer { server.stop() }
        let port = try #require(server.servingPort())
        let client = HTTPTestClient(port: port)
        try site.write("content/glossary/churn-rate.md", "---\ntitle: [broken\n---\n")
        #expect(server.waitForOutput("still serving the last good site", inStandardError: true, timeout: 10))
        #expect(server.stderr.contains("content/glossary/churn-rate.md:2:8: error: invalid YAML: the list '[' opened here is never closed"))
        let page = try client.request("/glossary/churn-rate/")
        #expect(page.status == 200)
        #expect(page.text.contains("Unlike"))
        #expect(server.interrupt(SIGTERM) == 0)
    }

    @Test func answersOnlyItsOwnNamesAndLogsChangedPathsOnOneLine() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let server = try LoysiteBinary.start(["serve", "--root", site.root.path, "--port", "0"])
        defer { server.stop() }
        let port = try #require(server.servingPort())
        let client = HTTPTestClient(port: port)
        let raw = { (host: String) in "GET /metrics.json HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n" }
        // DNS rebinding: a page of evil.example reaches 127.0.0.1 under its own name.
        let rebound = try client.send(raw("evil.example:\(port)"))
        #expect(rebound.status == 421)
        #expect(rebound.header("content-length") == String(rebound.body.count))
        #expect(!rebound.text.contains("generated_by"))
        #expect(try client.send(raw("localhost:\(port)")).text.contains("generated_by"))
        #expect(server.waitForOutput("warning: refused requests for Host 'evil.example:\(port)' (421)", inStandardError: true, timeout: 5), "\(server.stderr)")
        _ = try client.send(raw("evil.example:\(port)"))

        let name = "x\nfake.md:1:1: error: injected.md"
        try site.write("content/glossary/\(name)", TemporarySite.term("Injected"))
        #expect(server.waitForOutput("x\\nfake.md:1:1: error: injected.md changed: rebuilt", timeout: 10), "\(server.stdout)")
        #expect(!server.stdout.split(separator: "\n").contains { $0.hasPrefix("fake.md") })
        #expect(server.interrupt(SIGTERM) == 0)
        #expect(server.stderr.components(separatedBy: "refused requests for Host").count == 2, "told once per name")
    }

    @Test func aTakenPortExitsOneWithAMessage() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let first = try LoysiteBinary.start(["serve", "--root", site.root.path, "--port", "0"])
        defer { first.stop() }
        let port = try #require(first.servingPort())
        let second = try LoysiteBinary.run(["serve", "--root", site.root.path, "--port", String(port)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("error: cannot listen on 127.0.0.1:\(port)"))
        #expect(first.interrupt() == 0)
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try LoysiteBinary.run(["serve", "--port", "70000"]).status == 64)
        #expect(try LoysiteBinary.run(["serve", "--port", "eighty"]).status == 64)
        let host = try LoysiteBinary.run(["serve", "--host", "example.com", "--port", "0"])
        #expect(host.status == 64)
        #expect(host.stderr.contains("give an IP address"))
    }

    @Test func helpNamesTheOptions() throws {
        let help = try LoysiteBinary.run(["serve", "--help"])
        #expect(help.status == 0)
        for option in ["--root", "--port", "--host", "--drafts"] {
            #expect(help.stdout.contains(option), "\(option) missing from help")
        }
    }
}
