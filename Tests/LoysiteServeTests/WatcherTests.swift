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
            relativeTo: site.root, interval: 60, maximumDelay: maximumDelay, settle: 0) { collected.add($0) }
        return (watcher, collected)
    }

    @Test func reportsABurstOnceItHasSettled() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a", "content/site.yml": "title: X\n"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        watcher.start(drivenByHand: true)
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
        watcher.start(drivenByHand: true)
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
        watcher.start(drivenByHand: true)
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
        watcher.start(drivenByHand: true)
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

/// Symbolic links the build would not read are not followed, and an idle tree with
/// kernel notification is not scanned; both with notification and with polling only.
@Suite struct WatcherLinkTests {
    func makeWatcher(_ site: TemporarySite, notification: Bool) -> (Watcher, WatcherTests.Collected) {
        let collected = WatcherTests.Collected()
        let watcher = Watcher(
            folders: [site.root.appendingPathComponent("content"), site.root.appendingPathComponent("templates")],
            relativeTo: site.root, interval: 60, settle: 0, changeNotification: notification) { collected.add($0) }
        return (watcher, collected)
    }

    func link(_ site: TemporarySite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test(arguments: [true, false]) func aLinkToUsrOrToTheRootIsOneEntryAndEditsAreStillSeen(notification: Bool) throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        try link(site, "content/glossary/u", to: "/usr")
        try link(site, "content/glossary/everything", to: "/")
        try link(site, "content/glossary/loop", to: ".")
        let (watcher, collected) = makeWatcher(site, notification: notification)
        watcher.start(drivenByHand: true)
        defer { watcher.stop() }
        #expect(watcher.scan().keys.sorted() == ["content/glossary/a.md", "content/glossary/everything", "content/glossary/loop", "content/glossary/u"])
        try site.write("content/glossary/a.md", "changed")
        watcher.poll()
        watcher.poll()
        #expect(collected.all == [["content/glossary/a.md"]])
    }

    @Test(arguments: [true, false]) func aLinkToAFileInsideTheRootIsFollowedOneOutsideIsNot(notification: Bool) throws {
        let site = try TemporarySite(["content/glossary/a.md": "a", "content/data/orders.csv": "a\n1\n", "raw/inside.csv": "a\n1\n"])
        defer { site.remove() }
        let outside = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-outside-\(UUID().uuidString).csv")
        try Data("a\n1\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try link(site, "content/data/inside.csv", to: "../../raw/inside.csv")
        try link(site, "content/data/outside.csv", to: outside.path)
        let (watcher, collected) = makeWatcher(site, notification: notification)
        watcher.start(drivenByHand: true)
        defer { watcher.stop() }

        try site.write("raw/inside.csv", "a\n1\n2\n")
        watcher.poll()
        watcher.poll()
        #expect(collected.all == [["content/data/inside.csv"]], "the build reads the target: its edit is a change")

        try Data("a\n1\n2\n3\n".utf8).write(to: outside)
        watcher.poll()
        watcher.poll()
        #expect(collected.all.count == 1, "a file outside the root is not watched through a link")

        try FileManager.default.removeItem(atPath: site.root.appendingPathComponent("content/data/outside.csv").path)
        try link(site, "content/data/outside.csv", to: "../../raw/inside.csv")
        watcher.poll()
        watcher.poll()
        #expect(collected.all.last == ["content/data/outside.csv"], "retargeting the link is a change")
    }

    #if os(Linux)
    @Test func withNotificationAnIdleTreeIsNotScanned() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site, notification: true)
        watcher.start(drivenByHand: true)
        defer { watcher.stop() }
        #expect(watcher.usesChangeNotification)
        let scans = watcher.scanCount
        for _ in 0..<5 { watcher.poll() }
        #expect(watcher.scanCount == scans, "idle ticks scan nothing")
        try site.write("content/glossary/deep/new/b.md", "b")
        watcher.poll()
        #expect(watcher.scanCount == scans, "the kernel named the new folder: only it is walked")
        // A file made in a folder that did not exist at the last scan is still seen.
        try site.write("content/glossary/deep/new/c.md", "c")
        watcher.poll()
        watcher.poll()
        watcher.poll()
        #expect(Set(collected.all.flatMap { $0 }) == ["content/glossary/deep/new/b.md", "content/glossary/deep/new/c.md"])
        // templates/ made after the start is noticed though it was never watched.
        try site.write("templates/term.mustache", "{{title}}")
        watcher.poll()
        watcher.poll()
        #expect(collected.all.last == ["templates/term.mustache"])
    }
    #endif
}
