import Foundation
import LoysiteTesting
import Testing

/// Datasets, sidecars and site.yml that are not plain files of the site (issue 17): a
/// FIFO, a device, a link leading out of the root, a file past its size limit. Each is
/// refused by the real binary with an error naming it — before it is opened, so nothing
/// hangs or fills memory — and the previous site stays as it was.
@Suite struct SpecialInputFileTests {
    static let orders = "order_id,customer_id,date,amount\n1,a,2026-01-05,10\n2,b,2026-02-03,20\n"

    /// A site that built once (so `site/` exists), for checking a failed build leaves it.
    static func builtSite() throws -> TemporarySite {
        let site = try TemporarySite([
            "content/glossary/nps.md": TemporarySite.term("Net Promoter Score"),
            "content/data/orders.csv": orders,
            "content/data/orders.yml": "kind: orders\n",
        ])
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return site
    }

    /// `loysite build`, killed (and the test failed) if it has not ended in 30 s: the
    /// inputs here once made it hang forever.
    static func build(_ site: TemporarySite) throws -> (status: Int32?, lines: [String]) {
        let running = try LoysiteBinary.start(["build", "--root", site.root.path, "--quiet"])
        let deadline = Date().addingTimeInterval(30)
        while running.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let finished = !running.process.isRunning
        running.stop()
        #expect(finished, "loysite build did not finish in 30 s")
        let lines = running.stderr.split(separator: "\n").map(String.init)
        return (finished ? running.process.terminationStatus : nil, lines.filter { !$0.hasPrefix("build failed: ") })
    }

    static func metricsJSON(_ site: TemporarySite) -> String? { site.read("site/metrics.json") }

    @Test func fifosAsDatasetSidecarAndSiteYmlAreErrorsNotHangs() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        let before = Self.metricsJSON(site)
        for path in ["content/data/f.csv", "content/data/orders.yml", "content/site.yml"] {
            let full = site.root.appendingPathComponent(path).path
            unlink(full)
            #expect(mkfifo(full, 0o644) == 0)
        }
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == [
            "content/data/f.csv: error: a named pipe (FIFO), not a regular file; only regular files are read",
            "content/data/orders.yml: error: a named pipe (FIFO), not a regular file; only regular files are read",
            "content/site.yml: error: a named pipe (FIFO), not a regular file; only regular files are read",
        ])
        #expect(Self.metricsJSON(site) == before, "the previous site was changed")
    }

    /// content/index.md is read by name too.
    @Test func theHomePageIsCheckedLikeSettings() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        let before = Self.metricsJSON(site)
        #expect(mkfifo(site.root.appendingPathComponent("content/index.md").path, 0o644) == 0)
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == ["content/index.md: error: a named pipe (FIFO), not a regular file; only regular files are read"])
        unlink(site.root.appendingPathComponent("content/index.md").path)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/index.md").path, withDestinationPath: "/etc/hostname")
        let (linkStatus, linkLines) = try Self.build(site)
        #expect(linkStatus == 1)
        #expect(linkLines.count == 1)
        #expect(linkLines.first?.hasPrefix("content/index.md: error: content/index.md is a symbolic link to /etc/hostname") == true, "\(linkLines)")
        #expect(Self.metricsJSON(site) == before, "the previous site was changed")
    }

    @Test func deviceLinkedAsADatasetIsRefusedUnread() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/data/zero.csv").path, withDestinationPath: "/dev/zero")
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == ["content/data/zero.csv: error: content/data/zero.csv is a symbolic link to /dev/zero, outside the site root; data and settings are read only from inside the root (copy the file in instead of linking it)"])
    }

    @Test func dataLinkedFromOutsideTheRootIsNotPublished() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("loysite-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("secret,value\nrunner-token-4242,1\n".utf8).write(to: outside.appendingPathComponent("o.csv"))
        let realOutside = try #require(realpath(outside.path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) })
        // The file itself a link, and a sidecar that is one.
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/data/outside.csv").path, withDestinationPath: outside.appendingPathComponent("o.csv").path)
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        let target = outside.appendingPathComponent("o.csv").path
        let shown = target == realOutside + "/o.csv" ? target : "\(target) (\(realOutside)/o.csv)"
        #expect(lines == ["content/data/outside.csv: error: content/data/outside.csv is a symbolic link to \(shown), outside the site root; data and settings are read only from inside the root (copy the file in instead of linking it)"])
        #expect(!(Self.metricsJSON(site) ?? "").contains("runner-token-4242"))

        // A linked data folder: the link named is the folder.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/data/outside.csv"))
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/data"), to: site.root.appendingPathComponent("data-moved"))
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/data").path, withDestinationPath: outside.path)
        let (folderStatus, folderLines) = try Self.build(site)
        #expect(folderStatus == 1)
        #expect(folderLines.count == 1)
        #expect(folderLines.first?.hasPrefix("content/data/o.csv: error: content/data is a symbolic link to \(outside.path)") == true, "\(folderLines)")
    }

    @Test func linksThatStayInsideTheRootAreRead() throws {
        let site = try TemporarySite([
            "raw/exports/orders.csv": Self.orders,
            "raw/orders.yml": "kind: orders\n",
            "content/glossary/nps.md": TemporarySite.term("Net Promoter Score"),
        ])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/data/orders.csv").path, withDestinationPath: "../../raw/exports/orders.csv")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/data/orders.yml").path, withDestinationPath: site.root.appendingPathComponent("raw/orders.yml").path)
        let (status, lines) = try Self.build(site)
        #expect(status == 0)
        #expect(lines.isEmpty, "\(lines)")
        let metricsText = try #require(Self.metricsJSON(site))
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(metricsText.utf8)) as? [String: Any])
        let orders = try #require((metrics["datasets"] as? [String: [String: Any]])?["orders"])
        #expect(orders["rows"] as? Int == 2)
        #expect(orders["customers"] as? Int == 2)
    }

    @Test func aBrokenLinkIsNamed() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/site.yml").path, withDestinationPath: "settings/missing.yml")
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == ["content/site.yml: error: content/site.yml is a symbolic link to settings/missing.yml, which does not exist"])
    }

    /// Sparse files: the sizes cost no disk, and are refused before a byte is read.
    @Test func filesPastTheirSizeLimit() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        func sparse(_ path: String, _ size: UInt64) throws {
            let url = site.root.appendingPathComponent(path)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: size)
            try handle.close()
        }
        try sparse("content/data/huge.csv", 5 << 30)
        try sparse("content/data/huge-too.json", (1 << 30) + 1)
        try sparse("content/site.yml", 17 << 20)
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == [
            "content/data/huge-too.json: error: the file is 1073741825 bytes (1.0 GiB), more than 1 GiB, the limit for a JSON dataset (a CSV may have 4 GiB)",
            "content/data/huge.csv: error: the file is 5368709120 bytes (5.0 GiB), more than 4 GiB, the limit for a CSV dataset",
            "content/site.yml: error: the file is 17825792 bytes (17.0 MiB), more than 16 MiB, the limit for a YAML file",
        ])
    }

    /// Within the limit but all zeros (a 40 MB NUL-filled CSV once built with exit 0):
    /// refused at its first byte, after reading one block.
    @Test func aFileOfZerosIsNotText() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        let url = site.root.appendingPathComponent("content/data/zeros.csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 40 << 20)
        try handle.close()
        let (status, lines) = try Self.build(site)
        #expect(status == 1)
        #expect(lines == ["content/data/zeros.csv:1:1: error: a NUL byte: not a text file (a CSV dataset is UTF-8 text), so it is not read"])
    }
}
