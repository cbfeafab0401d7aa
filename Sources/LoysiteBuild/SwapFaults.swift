import Foundation

/// Faults a test injects into `DirectorySwap`, to reach what a healthy Linux system
/// never does: the two-rename fallback (file systems without RENAME_EXCHANGE) and the
/// instant between its two renames, where a build that dies leaves no output folder.
///
/// Set for one test's builds with `SwapFaults.$active.withValue(…)` (a task-local
/// value, so tests running alongside are not affected). The real binary, built for
/// debugging only, also reads `LOYSITE_TEST_SWAP_FAULT`: `two-renames` forces the
/// fallback, `kill-between-renames` also sends itself SIGKILL between the renames, so
/// a test can check what the next build finds.
package struct SwapFaults: Sendable {
    /// Behave as if the exchange were not supported.
    package var forcesTwoRenames = false
    /// Runs after the old site was renamed aside, before the new one is renamed in;
    /// throwing makes the second rename fail.
    package var betweenRenames: (@Sendable () throws -> Void)?

    package init(forcesTwoRenames: Bool = false, betweenRenames: (@Sendable () throws -> Void)? = nil) {
        self.forcesTwoRenames = forcesTwoRenames
        self.betweenRenames = betweenRenames
    }

    @TaskLocal package static var active: SwapFaults?

    /// The faults in effect: the task's, else (debug builds only) the environment's.
    static var current: SwapFaults? {
        if let active { return active }
        #if DEBUG
        switch ProcessInfo.processInfo.environment["LOYSITE_TEST_SWAP_FAULT"] {
        case "two-renames":
            return SwapFaults(forcesTwoRenames: true)
        case "kill-between-renames":
            return SwapFaults(forcesTwoRenames: true, betweenRenames: { kill(getpid(), SIGKILL) })
        default:
            return nil
        }
        #else
        return nil
        #endif
    }
}
