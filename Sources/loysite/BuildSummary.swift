import Foundation
import LoysiteBuild

/// The closing line of `build` and `check`, the same shape for both so CI logs read
/// alike: one line on standard output on success (none with `--quiet`), one on
/// standard error on failure, after the diagnostics.
enum BuildSummary {
    /// `Built 70 pages (81 files) in 0.42 s`.
    static func counts(verb: String, result: BuildResult, seconds: Double) -> String {
        "\(verb) \(result.pageCount) pages (\(result.fileCount) files) in \(String(format: "%.2f", seconds)) s"
    }

    /// The line `serve` prints after a rebuild: `rebuilt 3 of 70 pages (2 files changed)
    /// in 24 ms` when only what an edit affects was rendered, else the full build's
    /// counts. Milliseconds: a rebuild takes a few, which `0.00 s` hid.
    static func rebuilt(result: BuildResult, seconds: Double) -> String {
        let time = milliseconds(seconds)
        guard let rendered = result.renderedPageCount else {
            return "rebuilt \(result.pageCount) pages (\(result.fileCount) files) in \(time)"
        }
        let changed = result.changedFileCount.map { " (\(count($0, "file")) changed)" } ?? ""
        return "rebuilt \(rendered) of \(result.pageCount) pages\(changed) in \(time)"
    }

    /// `24 ms`, `1,250 ms`.
    static func milliseconds(_ seconds: Double) -> String {
        let value = Int((seconds * 1000).rounded())
        return (value < 1 && seconds > 0 ? "<1" : grouped(value)) + " ms"
    }

    /// `10,024`: thousands grouped, as the progress line and summaries print counts.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// `no problems`, or `2 warnings` (a build that passes has no errors).
    static func problems(_ result: BuildResult) -> String {
        let warnings = result.diagnostics.warnings.count
        return warnings == 0 ? "no problems" : count(warnings, "warning")
    }

    /// `build failed: 2 errors, 1 warning; the output folder was left as it was`, or
    /// `build failed: 1 error (and 22 that follow from it)` when files failed to load.
    static func failure(command: String, result: BuildResult, strict: Bool, consequence: String? = nil) -> String {
        let errors = result.diagnostics.errors.count
        let warnings = result.diagnostics.warnings.count
        let consequences = result.diagnostics.consequentErrors.count
        var line = "\(command) failed: \(count(errors - consequences, "error"))"
        if consequences > 0 { line += " (and \(consequences) that follow from \(errors - consequences == 1 ? "it" : "them"))" }
        if warnings > 0 { line += ", \(count(warnings, "warning"))\(strict && errors == 0 ? " (--strict)" : "")" }
        if let consequence { line += "; " + consequence }
        return line
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
