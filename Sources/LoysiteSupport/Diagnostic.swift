/// Where in the content something was found: a path relative to the site root,
/// and, where known, a 1-based line and column.
package struct SourceLocation: Hashable, Sendable, Comparable {
    package var file: String
    package var line: Int?
    package var column: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, leaving out what is unknown.
    package var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }

    /// The same file, moved down by `lines` (used when a YAML block or front matter
    /// starts part-way into a file and its parser counts from its own first line).
    package func offset(lines: Int, column columnOffset: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + lines }, column: column.map { $0 + columnOffset })
    }
}

/// One problem found in the content, printed like a compiler's:
/// `content/glossary/nps.md:3:8: error: unknown related term 'foo'`.
/// `message` and `location.file` hold the text as found; `description` escapes it.
package struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case error
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String
    /// The name the problem is about when it is a name that matches nothing (a
    /// wikilink's or related entry's target, a link's last path segment): how a problem
    /// that only follows from a page failing to load is recognised.
    package var subject: String?
    /// The file whose failure this problem follows from, when it is a consequence
    /// (a link to a page whose file did not load): listed after every root cause.
    package var cause: String?

    package init(_ severity: Severity, _ message: String, at location: SourceLocation, subject: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
    }

    package static func error(_ message: String, at location: SourceLocation, subject: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, subject: subject)
    }

    package static func warning(_ message: String, at location: SourceLocation, subject: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, subject: subject)
    }

    /// One line, whatever the path or message hold: control characters in them are
    /// escaped (`TerminalText`), so content cannot forge another diagnostic line.
    package var description: String {
        let consequence = cause.map { " (follows from \(TerminalText.escaped($0)) not loading)" } ?? ""
        return "\(TerminalText.escaped(location.description)): \(severity.rawValue): \(TerminalText.escaped(message))\(consequence)"
    }

    /// Root causes first, then consequences; each by file, line and column.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if (lhs.cause == nil) != (rhs.cause == nil) { return lhs.cause == nil }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

/// A set of diagnostics gathered over a whole build, so every problem is reported at once.
package struct Diagnostics: Sendable, Error, CustomStringConvertible {
    package private(set) var all: [Diagnostic] = []

    package init(_ diagnostics: [Diagnostic] = []) {
        self.all = diagnostics
    }

    package mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    package mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }
    package mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }

    package mutating func error(_ message: String, at location: SourceLocation) {
        all.append(.error(message, at: location))
    }

    package mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(.warning(message, at: location))
    }

    package var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    /// Errors that follow from another (`Diagnostic.cause`), counted apart in summaries.
    package var consequentErrors: [Diagnostic] { all.filter { $0.severity == .error && $0.cause != nil } }
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    package var hasErrors: Bool { all.contains { $0.severity == .error } }
    /// Whether these fail a build: any error, or with `--strict` any warning too. The one
    /// place the rule is written; builds, checks and incremental rebuilds all ask it.
    package func failBuild(strict: Bool) -> Bool {
        hasErrors || (strict && all.contains { $0.severity == .warning })
    }
    package var isEmpty: Bool { all.isEmpty }

    /// Sorted by file, line and column (consequences last), duplicates removed: stable
    /// output for CI logs.
    package var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    package var description: String { sorted.map(\.description).joined(separator: "\n") }
}
