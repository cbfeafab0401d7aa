import Foundation
@testable import LoysiteServe
import LoysiteTesting
import Testing

#if os(Linux)
/// With the kernel's notification the watcher `lstat`s only the entries its events name;
/// what it then holds must be what a scan of the whole tree finds, whatever was done to it.
@Suite struct WatcherNotificationTests {
    func makeWatcher(_ site: TemporarySite) -> (Watcher, WatcherTests.Collected) {
        let collected = WatcherTests.Collected()
        let watcher = Watcher(
            folders: [site.root.appendingPathComponent("content"), site.root.appendingPathComponent("templates")],
            relativeTo: site.root, interval: 60, settle: 0) { collected.add($0) }
        watcher.start(drivenByHand: true)
        return (watcher, collected)
    }

    func settle(_ watcher: Watcher) {
        for _ in 0..<3 { watcher.poll() }
    }

    func move(_ site: TemporarySite, _ from: String, _ to: String) throws {
        try FileManager.default.moveItem(at: site.root.appendingPathComponent(from), to: site.root.appendingPathComponent(to))
    }

    @Test func aSaveInALargeFolderIsLookedAtAloneAndReported() throws {
        var files: [String: String] = [:]
        for number in 0..<300 { files["content/glossary/t\(number).md"] = "term \(number)" }
        let site = try TemporarySite(files)
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        defer { watcher.stop() }
        #expect(watcher.usesChangeNotification)
        let scans = watcher.scanCount
        try site.write("content/glossary/t7.md", "term seven, edited")
        settle(watcher)
        #expect(collected.all == [["content/glossary/t7.md"]])
        #expect(watcher.scanCount == scans, "no whole-tree scan for a save the kernel named")
    }

    @Test func foldersMovedInOutAndWithinAreFollowed() throws {
        let site = try TemporarySite(["content/glossary/a.md": "a"])
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let (watcher, collected) = makeWatcher(site)
        defer { watcher.stop() }

        try site.write("content/glossary/group/x.md", "x")
        try site.write("content/glossary/group/deeper/y.md", "y")
        settle(watcher)
        #expect(collected.all.last == ["content/glossary/group/deeper/y.md", "content/glossary/group/x.md"])

        try move(site, "content/glossary/group", "content/glossary/renamed")
        settle(watcher)
        #expect(collected.all.last == [
            "content/glossary/group/deeper/y.md", "content/glossary/group/x.md",
            "content/glossary/renamed/deeper/y.md", "content/glossary/renamed/x.md",
        ])

        try site.write("content/glossary/renamed/deeper/z.md", "z")
        settle(watcher)
        #expect(collected.all.last == ["content/glossary/renamed/deeper/z.md"], "the moved folder is watched under its new name")

        try move(site, "content/glossary/renamed", "elsewhere/gone")
        settle(watcher)
        #expect(collected.all.last == ["content/glossary/renamed/deeper/y.md", "content/glossary/renamed/deeper/z.md", "content/glossary/renamed/x.md"])
        let reports = collected.all.count
        try site.write("elsewhere/gone/x.md", "edited outside the watched folders")
        settle(watcher)
        #expect(collected.all.count == reports, "a folder moved out is no longer watched")

        try move(site, "elsewhere/gone", "content/glossary/back")
        settle(watcher)
        #expect(collected.all.last == ["content/glossary/back/deeper/y.md", "content/glossary/back/deeper/z.md", "content/glossary/back/x.md"])
        #expect(watcher.snapshot == watcher.scan())
    }

    /// Random edits, new and removed files and folders, renames within and out of the
    /// tree: after each round, the watcher's snapshot is the whole-tree scan, and every
    /// path whose stamp differs from the round before was reported.
    @Test(arguments: [1, 2, 3]) func afterAnyEditsTheSnapshotIsTheWholeScan(seed: UInt64) throws {
        let site = try TemporarySite(["content/glossary/a.md": "a", "content/reports/r.md": "r"])
        defer { site.remove() }
        let (watcher, collected) = makeWatcher(site)
        defer { watcher.stop() }
        var numbers = SeededNumbers(seed: seed)
        let folders = ["content/glossary", "content/glossary/f1", "content/glossary/f1/f2", "content/reports", "content/f3", "templates"]
        var before = watcher.scan()
        for round in 0..<40 {
            for step in 0..<(1 + numbers.below(4)) {
                let folder = folders[numbers.below(folders.count)]
                let files = (try? FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(folder).path)) ?? []
                let existing = files.filter { $0.hasSuffix(".md") }.sorted()
                switch numbers.below(6) {
                case 0, 1:
                    try site.write("\(folder)/n\(round)-\(step).md", String(repeating: "x", count: numbers.below(20)))
                case 2 where !existing.isEmpty:
                    try site.write("\(folder)/\(existing[numbers.below(existing.count)])", "edited \(round) \(step) with more text")
                case 3 where !existing.isEmpty:
                    try FileManager.default.removeItem(at: site.root.appendingPathComponent("\(folder)/\(existing[numbers.below(existing.count)])"))
                case 4 where !existing.isEmpty:
                    let target = folders[numbers.below(folders.count)]
                    try FileManager.default.createDirectory(at: site.root.appendingPathComponent(target), withIntermediateDirectories: true)
                    try? move(site, "\(folder)/\(existing[numbers.below(existing.count)])", "\(target)/m\(round)-\(step).md")
                case 5 where folder != "content/glossary" && folder != "content/reports":
                    let moved = site.root.appendingPathComponent("out-\(round)-\(step)")
                    if numbers.chance(50) {
                        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(folder))
                    } else {
                        try? FileManager.default.moveItem(at: site.root.appendingPathComponent(folder), to: moved)
                    }
                default:
                    try site.write("\(folder)/d\(round)-\(step).md", "d")
                }
            }
            let reportsBefore = collected.all.count
            settle(watcher)
            let after = watcher.scan()
            #expect(watcher.snapshot == after, "round \(round): the snapshot is what a whole scan finds")
            let changed = Watcher.differences(before, after)
            let reported = Set(collected.all.dropFirst(reportsBefore).flatMap { $0 })
            #expect(changed.isSubset(of: reported), "round \(round): every changed path is reported")
            before = after
        }
    }
}
#endif
