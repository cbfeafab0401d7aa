import ArgumentParser
import Foundation
import LoysiteBuild
import LoysiteContent
import LoysiteSupport

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "The new site is written beside the output folder and swapped in only when the whole build succeeded: a failed build leaves the previous output exactly as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/site). It is replaced whole, so it must be missing, empty or an earlier loysite build.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The absolute URL the site is published at; overrides base_url in site.yml.", valueName: "url"))
    var baseURL: String?

    @OptionGroup var flags: BuildFlags

    @Flag(name: .long, help: "Print how long each build step took.")
    var timings = false

    /// A malformed `--base-url` is a usage error (exit 64), found before anything is read.
    func validate() throws {
        if let baseURL, SiteConfig.normaliseBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL such as https://example.org/docs/, or a path starting with '/'; found '\(TerminalText.escaped(baseURL))'")
        }
    }

    func run() throws {
        let root = site.rootURL
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        var options = BuildOptions(root: root, output: outputURL, baseURL: baseURL, includeDrafts: flags.drafts, strict: flags.strict)
        options.keepsMemoryUntilExit = true
        let started = Date()
        let progress = ProgressLine(label: "Building", enabled: !flags.quiet)
        options.progress = progress.build
        let result = SiteBuilder.build(options)
        progress.finish()
        DiagnosticPrinter.print(result.diagnostics)
        if timings {
            for (step, seconds) in result.timings {
                let name = step.padding(toLength: 10, withPad: " ", startingAt: 0)
                DiagnosticPrinter.note("  " + name + String(format: "%8.1f ms", seconds * 1000))
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        if result.failed(strict: flags.strict) {
            DiagnosticPrinter.note(BuildSummary.failure(command: "build", result: result, strict: flags.strict, consequence: "the output folder was left as it was"))
            throw ExitCode(1)
        }
        if !flags.quiet {
            print(BuildSummary.counts(verb: "Built", result: result, seconds: elapsed) + " → " + TerminalText.escaped(options.output.path))
        }
    }
}
