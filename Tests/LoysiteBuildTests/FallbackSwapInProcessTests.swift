import Foundation
import LoysiteTesting
import Testing
@testable import LoysiteBuild

/// The two-rename fallback of `DirectorySwap` in-process, with faults injected through
/// `SwapFaults`: it works, and a failure between its renames leaves the old site whole.
@Suite struct FallbackSwapInProcessTests {
    struct InjectedFailure: Error {}

    let files = [OutputFile(path: "index.html", text: "new"), OutputFile(path: "glossary/nps/index.html", text: "nps"), OutputFile(path: "metrics.json", text: "{\"generated_by\": \"loysite 0.1.0\"}\n")]

    func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-swap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func text(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theFallbackReplacesTheSiteAndLeavesNothingBeside() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "old")], to: output)
        try SwapFaults.$active.withValue(SwapFaults(forcesTwoRenames: true)) {
            try OutputWriter.write(files, to: output)
        }
        #expect(text(output.appendingPathComponent("index.html")) == "new")
        #expect(names(in: base) == [".site.loysite-spare", "site"], "the set-aside old site kept as the spare")
        let (a, b) = (base.appendingPathComponent("a"), base.appendingPathComponent("b"))
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        let method = try SwapFaults.$active.withValue(SwapFaults(forcesTwoRenames: true)) {
            try DirectorySwap.replace(b, with: a, asidePath: base.appendingPathComponent("aside")).method
        }
        #expect(method == .twoRenames)
    }

    @Test func aFailureBetweenTheRenamesPutsTheOldSiteBackInTheSameBuild() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "old"), OutputFile(path: "a/b.html", text: "old b")], to: output)
        let sawNoOutput = LockedFlag()
        let faults = SwapFaults(forcesTwoRenames: true, betweenRenames: {
            sawNoOutput.set(!FileManager.default.fileExists(atPath: output.path))
            throw InjectedFailure()
        })
        #expect(throws: InjectedFailure.self) {
            try SwapFaults.$active.withValue(faults) { try OutputWriter.write(files, to: output) }
        }
        #expect(sawNoOutput.value, "the hook ran at the instant between the renames")
        #expect(text(output.appendingPathComponent("index.html")) == "old")
        #expect(text(output.appendingPathComponent("a/b.html")) == "old b")
        #expect(names(in: base) == ["site"], "no staging or set-aside folder left")
    }

    #if os(Linux)
    @Test func aZombieBuildDoesNotCountAsRunning() throws {
        // A build killed and not yet collected by its parent is a zombie: its pid still
        // exists, yet its set-aside site must be recovered.
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { arguments.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, arguments, nil) == 0)
        defer { var status: Int32 = 0; waitpid(pid, &status, 0) }
        let deadline = Date().addingTimeInterval(5)
        while !StagingFolders.isZombie(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(StagingFolders.isZombie(pid))
        #expect(!StagingFolders.isRunning(pid))
        #expect(StagingFolders.isRunning(getpid()))

        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("site")
        let aside = StagingFolders(output: output, pid: pid).oldSite
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: aside.appendingPathComponent("index.html"))
        StagingFolders(output: output).recover()
        #expect(text(output.appendingPathComponent("index.html")) == "previous")
    }
    #endif
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set(_ value: Bool) { lock.withLock { flag = value } }
    var value: Bool { lock.withLock { flag } }
}
