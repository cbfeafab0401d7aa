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

    /// `no problems`, or `2 warnings` (a build that passes has no errors).
    static func problems(_ result: BuildResult) -> String {
        let warnings = result.diagnostics.warnings.count
        return warnings == 0 ? "no problems" : count(warnings, "warning")
    }

    /// `build failed: 2 errors, 1 warning; the output folder was left as it was`.
    static func failure(command: String, result: BuildResult, strict: Bool, consequence: String? = nil) -> String {
        let errors = result.diagnostics.errors.count
        let warnings = result.diagnostics.warnings.count
        var line = "\(command) failed: \(count(errors, "error"))"
        if warnings > 0 { line += ", \(count(warnings, "warning"))\(strict && errors == 0 ? " (--strict)" : "")" }
        if let consequence { line += "; " + consequence }
        return line
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
