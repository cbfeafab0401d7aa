import Foundation
import LoysiteTesting
import Testing

/// A build killed at any moment (SIGKILL: no chance to clean up) leaves the previous
/// site byte for byte, and the next build cleans up after it and succeeds.
@Suite struct InterruptedBuildTests {
    /// A site big enough that a build takes a while: a few thousand linked terms.
    static func largeSite(terms: Int) throws -> TemporarySite {
        let site = try TemporarySite()
        for number in 0..<terms {
            let body = "Term \(number) relates to [[Term \((number + 1) % terms)]] and [[Term \((number + 7) % terms)]].\n\n"
                + String(repeating: "Loyalty programmes reward repeat purchases and referrals. ", count: 12)
            try site.write("content/glossary/term-\(number).md", TemporarySite.term("Term \(number)", "aliases: [T\(number)]\ncategory: Group \(number % 9)\n", body: body))
        }
        return site
    }

    /// Every file below `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: base + path), (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                result[path] = data
            }
        }
        return result
    }

    @Test func aKilledBuildLeavesThePreviousSiteIntact() throws {
        let site = try Self.largeSite(terms: 1000)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("site")
        let started = Date()
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        let buildTime = Date().timeIntervalSince(started)
        let old = Self.snapshot(output)
        #expect(old.count > 1000)

        // The content changes, so a finished build would be visible.
        try site.write("content/glossary/term-0.md", TemporarySite.term("Term 0", body: "Changed."))
        var interruptedMidway = 0
        for fraction in [0.15, 0.45, 0.75] {
            let process = Process()
            process.executableURL = LoysiteBinary.url
            process.arguments = ["build", "--root", site.root.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: buildTime * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            let now = Self.snapshot(output)
            if killed {
                // Killed before or after the swap: the whole old site or the whole new one.
                let isOld = now == old
                let isNew = now.count == old.count && now["glossary/term-0/index.html"] != old["glossary/term-0/index.html"]
                #expect(isOld || isNew, "killed at \(fraction) of a build: the output is neither the old nor the new site")
                if isOld { interruptedMidway += 1 }
            }
            // Put the old site back for the next round, as a finished build would replace it.
            if now != old {
                try FileManager.default.removeItem(at: output)
                for (path, data) in old { try site.write("site/" + path, data: data) }
            }
        }
        #expect(interruptedMidway > 0, "no kill landed during a build; the test proved nothing")

        // The next build cleans up every leftover and succeeds.
        let next = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site.loysite-") && $0 != ".site.loysite-spare" }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(site.read("site/glossary/term-0/index.html")?.contains("Changed.") == true)
    }
}
