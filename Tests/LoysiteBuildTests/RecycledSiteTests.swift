import Foundation
import LoysiteSupport
import LoysiteTesting
import Testing
@testable import LoysiteBuild

/// A build writes over the site the last swap put aside (`RecycledSite`): whatever that
/// spare holds, the swapped-in site is exactly the files written, and nothing outside the
/// staging folder changes.
@Suite struct RecycledSiteTests {
    func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-recycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every entry below `url`: "d" for a folder, "l" for a link, "f:" and the text for a file.
    func tree(_ url: URL) -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        func walk(_ relative: String) {
            let path = relative.isEmpty ? url.path : url.path + "/" + relative
            for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(url.path + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: result[child] = "d"; walk(child)
                case S_IFREG: result[child] = "f:" + String(decoding: manager.contents(atPath: url.path + "/" + child) ?? Data(), as: UTF8.self)
                default: result[child] = "l"
                }
            }
        }
        walk("")
        return result
    }

    /// What a folder holding exactly `files` looks like to `tree`.
    func expected(_ files: [OutputFile]) -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            result[file.path] = "f:" + String(decoding: file.data, as: UTF8.self)
            var parent = RecycledSite.parent(of: file.path)
            while let folder = parent { result[folder] = "d"; parent = RecycledSite.parent(of: folder) }
        }
        return result
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func aRebuildKeepsTheOldSiteAsTheSpareAndWritesOverIt() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        let spare = StagingFolders(output: output).spareSite
        let first = [OutputFile(path: "index.html", text: "one"), OutputFile(path: "glossary/nps/index.html", text: "nps")]
        try OutputWriter.write(first, to: output)
        #expect(!FileManager.default.fileExists(atPath: spare.path), "a first build has no old site to keep")
        try OutputWriter.write([OutputFile(path: "index.html", text: "two")], to: output)
        #expect(tree(output) == ["index.html": "f:two"])
        #expect(tree(spare) == expected(first + [OutputFile(path: ".gitignore", text: "*\n")]), "the replaced site is the spare, ignored by git")
        let third = [OutputFile(path: "index.html", text: "three"), OutputFile(path: "glossary/cli/index.html", text: "cli")]
        try OutputWriter.write(third, to: output)
        #expect(tree(output) == expected(third), "written over the first site: its nps page and .gitignore are gone")
        #expect(tree(spare) == ["index.html": "f:two", ".gitignore": "f:*\n"])
        let names = try FileManager.default.contentsOfDirectory(atPath: base.path).sorted()
        #expect(names == [".site.loysite-spare", "site"], "no staging folder left")
    }

    @Test func aFailedBuildLeavesTheOutputAndKeepsTheSpare() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "one")], to: output)
        try OutputWriter.write([OutputFile(path: "index.html", text: "two")], to: output)
        #expect(throws: (any Error).self) {
            try OutputWriter.write([OutputFile(path: "index.html", text: "three"), OutputFile(path: "../escape", text: "x")], to: output)
        }
        #expect(tree(output) == ["index.html": "f:two"])
        let names = try FileManager.default.contentsOfDirectory(atPath: base.path).sorted()
        #expect(names == [".site.loysite-spare", "site"], "the spare it took is put back for the next build")
        try OutputWriter.write([OutputFile(path: "four.html", text: "four")], to: output)
        #expect(tree(output) == ["four.html": "f:four"])
    }

    @Test func whatTheSpareHoldsNeverLeaksIntoTheSiteOrOutOfIt() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        let spare = StagingFolders(output: output).spareSite
        let outside = base.appendingPathComponent("outside")
        try write("outside file", outside.appendingPathComponent("file"))
        try write("hard-linked copy", outside.appendingPathComponent("copy"))
        try OutputWriter.write([OutputFile(path: "x", text: "x")], to: output)

        // The spare as a careless hand or another tool could leave it.
        try FileManager.default.createDirectory(at: spare, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: spare.path + "/index.html", withDestinationPath: outside.path + "/file")
        try FileManager.default.createSymbolicLink(atPath: spare.path + "/assets", withDestinationPath: outside.path)
        #expect(link(outside.path + "/copy", spare.path + "/metrics.json") == 0)
        #expect(mkfifo(spare.path + "/feed.xml", 0o644) == 0)
        try write("a folder stands where a file goes", spare.appendingPathComponent("about/index.html/inner"))
        try write("a file stands where a folder goes", spare.appendingPathComponent("glossary"))
        try write("stale", spare.appendingPathComponent("reports/gone/index.html"))
        try write("stale", spare.appendingPathComponent("reports/kept/old.html"))
        try write("put in by hand", spare.appendingPathComponent(".well-known/x"))

        let files = [
            OutputFile(path: "index.html", text: "home"), OutputFile(path: "assets/site.css", text: "css"),
            OutputFile(path: "metrics.json", text: "{}"), OutputFile(path: "feed.xml", text: "<feed/>"),
            OutputFile(path: "about/index.html", text: "about"), OutputFile(path: "glossary/nps/index.html", text: "nps"),
            OutputFile(path: "reports/kept/index.html", text: "kept"),
        ]
        try OutputWriter.write(files, to: output)
        #expect(tree(output) == expected(files))
        #expect(tree(outside) == ["file": "f:outside file", "copy": "f:hard-linked copy"], "nothing written through a link or a second name")
    }

    /// Random spares against random sites: the swapped-in folder always equals the files
    /// written (the reference: what an empty staging folder would hold).
    @Test(arguments: 1...3) func anySpareGivesExactlyTheFilesWritten(seed: UInt64) throws {
        var random = SeededNumbers(seed: seed)
        let names = ["a", "b", "index.html", "c.css"]
        func path() -> String { (0...random.below(3)).map { _ in names[random.below(names.count)] }.joined(separator: "/") }
        func files() -> [OutputFile] {
            var chosen: [String: OutputFile] = [:]
            for _ in 0..<random.below(12) {
                let candidate = path()
                // A set of files a folder can hold: no path is another's folder.
                guard !chosen.keys.contains(where: { $0.hasPrefix(candidate + "/") || candidate.hasPrefix($0 + "/") }) else { continue }
                chosen[candidate] = OutputFile(path: candidate, text: "\(candidate) \(random.below(1000))")
            }
            return chosen.values.sorted { $0.path < $1.path }
        }
        for round in 0..<40 {
            let base = try folder()
            defer { try? FileManager.default.removeItem(at: base) }
            let output = base.appendingPathComponent("site")
            try OutputWriter.write(files(), to: output)
            try OutputWriter.write(files(), to: output)  // now there is a spare
            let spare = StagingFolders(output: output).spareSite
            if random.below(2) == 0 {
                try? FileManager.default.createSymbolicLink(atPath: spare.path + "/" + names[random.below(names.count)], withDestinationPath: base.path)
            }
            let last = files()
            try OutputWriter.write(last, to: output)
            #expect(tree(output) == expected(last), "seed \(seed), round \(round)")
        }
    }
}
