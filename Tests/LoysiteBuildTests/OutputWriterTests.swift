import Foundation
import LoysiteTesting
import Testing
@testable import LoysiteBuild

/// Where a build may write, and how it replaces the previous site.
@Suite struct OutputWriterTests {
    let files = [OutputFile(path: "index.html", text: "new"), OutputFile(path: "glossary/nps/index.html", text: "nps"), OutputFile(path: "metrics.json", text: "{\"generated_by\": \"loysite 0.1.0\"}\n")]

    func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("root/content"), withIntermediateDirectories: true)
        return url
    }

    func names(in url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func refusesFoldersThatAreNotAnEarlierBuild() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("root")
        let manager = FileManager.default
        func reason(_ output: URL) -> String? { OutputFolderCheck.reason(output: output, root: root) }

        #expect(reason(URL(fileURLWithPath: "/")) == "it is the file system root")
        #expect(reason(manager.homeDirectoryForCurrentUser) == "it is your home folder")
        #expect(reason(base)?.hasPrefix("it holds the site root") == true)
        #expect(reason(root.appendingPathComponent("content/site")) == "it overlaps the content folder")
        #expect(reason(root.appendingPathComponent("templates/out")) == "it is inside the templates folder")

        let file = base.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(reason(file) == "it is a file, not a folder")

        let target = base.appendingPathComponent("real-site")
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        let link = base.appendingPathComponent("link")
        try manager.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(reason(link)?.hasPrefix("it is a symbolic link") == true)
        let linkToContent = base.appendingPathComponent("link-to-content")
        try manager.createSymbolicLink(at: linkToContent, withDestinationURL: root.appendingPathComponent("content"))
        #expect(reason(linkToContent) == "it overlaps the content folder")

        let foreign = base.appendingPathComponent("public")
        try manager.createDirectory(at: foreign, withIntermediateDirectories: true)
        #expect(reason(foreign) == nil, "an empty folder is fine")
        try Data("<p>hugo</p>".utf8).write(to: foreign.appendingPathComponent("index.html"))
        #expect(reason(foreign)?.hasPrefix("it is not empty and holds no metrics.json written by loysite") == true)
        try Data("{\n  \"generated_by\": \"loysite 0.1.0\",\n  \"datasets\": {}\n}\n".utf8).write(to: foreign.appendingPathComponent("metrics.json"))
        #expect(reason(foreign) == nil, "an earlier build is replaced")
        try manager.createDirectory(at: foreign.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(reason(foreign)?.hasPrefix("it holds a .git folder") == true)
        #expect(reason(base.appendingPathComponent("not-yet")) == nil)
    }

    @Test func swapsTheNewSiteInAndLeavesNothingBeside() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        try OutputWriter.write(files, to: output)
        try Data("old only".utf8).write(to: output.appendingPathComponent("stale.html"))
        try OutputWriter.write(files, to: output)
        #expect(names(in: output) == ["glossary", "index.html", "metrics.json"], "the old site is replaced whole")
        #expect(names(in: base) == [".site.loysite-spare", "root", "site"], "no staging folder left; the old site kept for the next build to write over")
    }

    @Test func exchangesAtomicallyWhereTheKernelCan() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let (a, b) = (base.appendingPathComponent("a"), base.appendingPathComponent("b"))
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: a.appendingPathComponent("from-a"))
        try Data("b".utf8).write(to: b.appendingPathComponent("from-b"))
        let result = try DirectorySwap.replace(b, with: a, asidePath: base.appendingPathComponent("aside"))
        #if os(Linux)
        #expect(result.method == .exchange)
        #endif
        #expect(names(in: b) == ["from-a"])
        #expect(result.old.map(names(in:)) == ["from-b"])
    }

    @Test func cleansUpAfterKilledBuildsButNotRunningOnes() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        let dead = Int32.max - 7  // above pid_max: no such process
        let live = getppid()
        let manager = FileManager.default
        for url in [StagingFolders(output: output, pid: dead).newSite, StagingFolders(output: output, pid: live).newSite] {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
        }
        // A two-rename swap killed between its renames: the old site is aside, no output.
        let aside = StagingFolders(output: output, pid: dead).oldSite
        try manager.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: aside.appendingPathComponent("index.html"))

        StagingFolders(output: output).recover()
        #expect(String(decoding: manager.contents(atPath: output.appendingPathComponent("index.html").path) ?? Data(), as: UTF8.self) == "previous")
        #expect(names(in: base) == ["." + "site.loysite-new-\(live)", "root", "site"], "a running build's folder is left alone")
    }

    @Test func refusesPathsOutsideTheFolder() throws {
        for path in ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "", "./a", "a/.", "nul\0"] {
            #expect(OutputWriter.safeRelativePath(path) == nil, "\(path)")
        }
        for path in ["a/", "/", ".", "..", "é/..", "a/./b"] {
            #expect(OutputWriter.safeRelativePath(path) == nil, "\(path)")
        }
        #expect(OutputWriter.safeRelativePath("glossary/nps/index.html") == "glossary/nps/index.html")
        for path in ["...", ".a/b", "a/..b", "a/b.", "é/ü.html", "x"] {
            #expect(OutputWriter.safeRelativePath(path) == path, "\(path)")
        }
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: (any Error).self) { try OutputWriter.write([OutputFile(path: "../escape.html", text: "x")], to: base.appendingPathComponent("site")) }
        #expect(names(in: base) == ["root"], "nothing written, no staging folder left")
    }
}
