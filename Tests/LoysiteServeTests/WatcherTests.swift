import Foundation
@testable import LoysiteServe
import LoysiteTesting
import Testing

/// The watcher's polls, driven by hand so no test depends on timing.
@Suite struct WatcherTests {
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        func add(_ paths: [String]) { lock.withLock { batches.append(paths) } }
        var all: [[String]] { lock.withLock { batches } }
    }

    func makeWatcher(_ site: TemporarySite, maximumDelay: TimeInterval = 2) -> (Watcher, Collected) {
        let collected = Collected()
        let watcher = Watcher(
            folders: [site.root.appendingPathComponent("content"), site.root.appendingPathComponent("templates")],
            relativeTo: site.root, interval: 60, maximumDelay: maximumDelay) { collected.add($0) }
        return (watcher, collected)
    }

    @Test func reportsABurstOnceItHasSettled() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a", "content/site.yml": "title: X\n"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        watcher.start()
        defer { watcher.stop() }
        watcher.poll()
        #expect(collected.all.isEmpty, "files present at start are not changes")
        try site.write("content/glossary/a.md", "changed, and longer")
        try site.write("content/glossary/b.md", "new")
        watcher.poll() // sees the burst, waits for it to settle
        #expect(collected.all.isEmpty)
        watcher.poll() // nothing new: report
        #expect(collected.all == [["content/glossary/a.md", "content/glossary/b.md"]])
        watcher.poll()
        #expect(collected.all.count == 1)
    }

    @Test func seesRemovalsNewFoldersAndTemplates() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        watcher.start()
        defer { watcher.stop() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/a.md"))
        try site.write("templates/term.mustache", "{{title}}")
        try site.write("content/reports/2026/q1.md", "r")
        watcher.poll()
        watcher.poll()
        #expect(collected.all == [["content/glossary/a.md", "content/reports/2026/q1.md", "templates/term.mustache"]])
    }

    @Test func noticesAChangeThatKeepsTheSizeAndIgnoresEditorFiles() throws {
        let site = try TemporarySite(["content/glossary/a.md": "aaaa"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        watcher.start()
        defer { watcher.stop() }
        try site.write("content/glossary/.a.md.swp", "x")
        try site.write("content/glossary/a.md~", "x")
        watcher.poll()
        watcher.poll()
        #expect(collected.all.isEmpty)
        let url = site.root.appendingPathComponent("content/glossary/a.md")
        try site.write("content/glossary/a.md", "bbbb")
        // Same size; make sure the time differs even on coarse-grained file systems.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: url.path)
        watcher.poll()
        watcher.poll()
        #expect(collected.all == [["content/glossary/a.md"]])
    }

    @Test func aStreamOfChangesIsReportedAfterTheMaximumDelay() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site, maximumDelay: 0)
        watcher.start()
        defer { watcher.stop() }
        try site.write("content/glossary/a.md", "ab")
        watcher.poll()
        #expect(collected.all == [["content/glossary/a.md"]])
    }

    @Test func pollsByItselfWhenStarted() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        let collected = Collected()
        let watcher = Watcher(folders: [site.root.appendingPathComponent("content")], relativeTo: site.root, interval: 0.05) { collected.add($0) }
        watcher.start()
        defer { watcher.stop() }
        try site.write("content/glossary/a.md", "changed")
        let deadline = Date().addingTimeInterval(5)
        while collected.all.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(collected.all == [["content/glossary/a.md"]])
    }
}
