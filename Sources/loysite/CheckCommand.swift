import ArgumentParser
import Foundation
import LoysiteBuild

/// `loysite check`: the whole build — content, links, datasets, charts, alerts — with
/// nothing written, for editors and CI steps that only need to know whether the site
/// is sound. Same diagnostics, same exit status as `build`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site as build would, writing nothing.",
        discussion: "Prints every error and warning a build would, and exits 1 if the build would fail (with --strict, also on warnings such as fired alerts)."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var flags: BuildFlags

    func run() throws {
        var options = BuildOptions(root: site.rootURL, includeDrafts: flags.drafts, strict: flags.strict, dryRun: true)
        options.keepsMemoryUntilExit = true
        let started = Date()
        let progress = ProgressLine(label: "Checking", enabled: !flags.quiet)
        options.progress = progress.build
        let result = SiteBuilder.build(options)
        progress.finish()
        DiagnosticPrinter.print(result.diagnostics)
        if result.failed(strict: flags.strict) {
            DiagnosticPrinter.note(BuildSummary.failure(command: "check", result: result, strict: flags.strict))
            throw ExitCode(1)
        }
        if !flags.quiet {
            print(BuildSummary.counts(verb: "Checked", result: result, seconds: Date().timeIntervalSince(started)) + ": " + BuildSummary.problems(result))
        }
    }
}
