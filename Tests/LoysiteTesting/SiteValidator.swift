import Foundation

/// Checks a built site the way browsers, validators and crawlers meet it.
public enum SiteValidator {
    /// The repository root (this file is Tests/LoysiteTesting/SiteValidator.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `scripts/check-site.sh` on `site`: `tidy -errors -q` on every page, `xmllint`
    /// on every XML file and every inline SVG, a JSON parser on every JSON file. Returns
    /// its exit status and everything it printed (nothing, for a valid site).
    public static func check(_ site: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [packageRoot.appendingPathComponent("scripts/check-site.sh").path, site.path]
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-check-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, output)
    }

    /// Problems with script in every HTML page of `site`: executable markup (see
    /// `ExecutableMarkup`) and JSON-LD blocks that are not valid JSON. As `page: problem`.
    public static func scriptProblems(in site: URL) -> [String] {
        var problems: [String] = []
        let base = site.standardizedFileURL.path + "/"
        let paths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }.sorted()
        for path in paths {
            let html = String(decoding: FileManager.default.contents(atPath: base + path) ?? Data(), as: UTF8.self)
            problems += ExecutableMarkup.findings(in: html).map { "\(path): \($0)" }
            for body in ExecutableMarkup.jsonLDBodies(in: html) where (try? JSONSerialization.jsonObject(with: Data(body.utf8))) == nil {
                problems.append("\(path): JSON-LD is not valid JSON: \(body.prefix(80))")
            }
        }
        return problems
    }
}
