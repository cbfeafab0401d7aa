import Foundation
import LoysiteTesting
import Testing

/// A build onto a full disk: a tiny tmpfs mounted in a user namespace of its own
/// (`unshare -rm`, so no root is needed and nothing outside the test sees it). Where
/// the system allows no user namespaces the test says so and checks nothing.
@Suite struct DiskFullTests {
    static let canMountTmpfs: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /tmp"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test func aFullDiskNamesTheFileAndSaysNoSpaceLeft() throws {
        guard Self.canMountTmpfs else {
            print("DiskFullTests: unshare -rm with a tmpfs is not allowed here; skipped")
            return
        }
        var files: [String: String] = [:]
        for number in 0..<40 {
            files["content/glossary/term-\(number).md"] = TemporarySite.term("Term \(number)", body: String(repeating: "Loyalty rewards repeat purchases. ", count: 40))
        }
        let site = try TemporarySite(files)
        defer { site.remove() }
        let mount = site.root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let script = "mount -t tmpfs -o size=64k tmpfs \"$1\" && \"$2\" build --root \"$3\" --output \"$1/site\" --quiet"
        let run = try Self.runUnshared(["-rm", "sh", "-c", script, "sh", mount.path, LoysiteBinary.url.path, site.root.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("no space left on device"), "\(run.stderr)")
        #expect(run.stderr.contains(mount.path + "/"), "the file is named: \(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }

    static func runUnshared(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = arguments
        let errURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-diskfull-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        return (process.terminationStatus, String(decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self))
    }
}
