import ArgumentParser
import Foundation

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root, holding content/ and optionally templates/.", valueName: "dir"))
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// A file under the root as the user would type it: relative to the current folder
    /// when it is inside it (`content/glossary/nps.md`), else absolute.
    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        var current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if path == current { return "." }
        if !current.hasSuffix("/") { current += "/" }
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}

/// Flags `build` and `check` share: they run the same build.
struct BuildFlags: ParsableArguments {
    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings (unknown keys, broken links, fired alerts) as errors.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only errors and warnings, no summary line.")
    var quiet = false
}
