import Foundation
import LoysiteSupport

/// Prints diagnostics the way compilers do, one per line on standard error, sorted by
/// file and line; `error:`/`warning:` coloured when standard error is a terminal.
/// Paths and messages come from content, so their control characters are escaped
/// (`TerminalText`): each diagnostic is exactly one line.
enum DiagnosticPrinter {
    static let useColour: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func print(_ diagnostics: Diagnostics) {
        var text = ""
        for diagnostic in diagnostics.sorted {
            text += line(for: diagnostic) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func line(for diagnostic: Diagnostic) -> String {
        guard useColour else { return diagnostic.description }
        let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
        let location = TerminalText.escaped(diagnostic.location.description)
        return "\u{1B}[1m\(location):\u{1B}[0m \(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \(TerminalText.escaped(diagnostic.message))"
    }

    /// A line (or lines) for standard error; control characters other than line
    /// breaks are escaped, since notes quote paths and errors.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escapedKeepingLineBreaks(text) + "\n").utf8))
    }
}
