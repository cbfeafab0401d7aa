import LoysiteSupport

/// Collects the bad rows of one dataset as diagnostics: every one is counted, the first
/// `limit` are listed, and one more line tells how many were not listed, so a file with
/// ten thousand bad rows still gives a readable report.
struct BadRowLog {
    let path: String
    let policy: BadRowPolicy
    let limit: Int
    private(set) var count = 0
    private(set) var listed: [Diagnostic] = []

    static let defaultLimit = 50

    init(path: String, policy: BadRowPolicy, limit: Int = BadRowLog.defaultLimit) {
        self.path = path
        self.policy = policy
        self.limit = limit
    }

    mutating func record(_ issue: RowIssue) {
        count += 1
        guard listed.count < limit else { return }
        let message = policy == .skip ? issue.message + " (row skipped: bad_rows: skip)" : issue.message
        listed.append(Diagnostic(policy == .skip ? .warning : .error, message, at: SourceLocation(file: path, line: issue.line, column: issue.column)))
    }

    /// Counts `count` more bad rows without listing them: those past the limit of a
    /// chunk's own list, when that list filled this one's.
    mutating func recordUnlisted(_ count: Int) {
        precondition(count == 0 || listed.count == limit, "rows go unlisted only past the limit")
        self.count += count
    }

    /// The listed diagnostics and, when some were not listed, the line that counts them.
    var diagnostics: [Diagnostic] {
        guard count > listed.count else { return listed }
        let rest = count - listed.count
        let summary = "\(rest) more bad row\(rest == 1 ? "" : "s") not listed (\(count) in all)"
            + (policy == .skip ? ", skipped" : "; fix them, or set bad_rows: skip in the sidecar to leave them out")
        return listed + [Diagnostic(policy == .skip ? .warning : .error, summary, at: SourceLocation(file: path))]
    }
}
