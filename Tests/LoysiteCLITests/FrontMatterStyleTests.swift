import Foundation
import LoysiteTesting
import Testing

/// The same content with its front matter written five ways (`bench/site-corpus.py
/// --style`: plain, quoted, block, Hugo-style with unknown keys and a nested `params:`,
/// TOML) builds, through the real binary, into byte-identical sites: however a page
/// spells its fields, and whichever reader takes it, it means the same.
@Suite struct FrontMatterStyleTests {
    static func corpus(_ style: String, in folder: URL) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("bench/site-corpus.py").path, folder.path,
                             "--terms", "120", "--reports", "3", "--orders", "600", "--responses", "200", "--style", style]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return folder.appendingPathComponent("loysite")
    }

    /// Every file under `folder`, by relative path.
    static func files(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try? Data(contentsOf: url)
        }
        return files
    }

    @Test func everyStyleBuildsTheSameSite() throws {
        let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-styles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var sites: [String: [String: Data]] = [:]
        for style in ["plain", "quoted", "block", "hugo", "toml"] {
            let root = try Self.corpus(style, in: work.appendingPathComponent(style))
            let output = work.appendingPathComponent("site-\(style)")
            let run = try LoysiteBinary.run(["build", "--root", root.path, "--output", output.path, "--quiet"])
            #expect(run.status == 0, "\(style): \(run.stderr)")
            sites[style] = Self.files(output)
        }
        let plain = try #require(sites["plain"])
        #expect(plain.count > 120)
        for (style, site) in sites where style != "plain" {
            #expect(Set(site.keys) == Set(plain.keys), "\(style): other files")
            let differing = plain.keys.filter { site[$0] != plain[$0] }.sorted()
            #expect(differing.isEmpty, "\(style): \(differing.prefix(5))")
        }
    }
}
