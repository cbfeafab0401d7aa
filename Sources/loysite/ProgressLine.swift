import Foundation
import LoysiteBuild

/// A one-line "Building… 1.8 s: rendering 4,210 / 10,024" indicator for builds that take a while,
/// redrawn in place on a terminal. It stays silent when standard output is not a
/// terminal (CI logs, pipes) and for builds that finish within `delay`, and erases
/// itself before the summary line is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    /// What the build is doing; BuildCommand and CheckCommand hand it to the build.
    let build = BuildProgress()
    private var shown = false
    private var finished = false
    private let timer: DispatchSourceTimer?
    private let label: String

    /// Whether progress can be shown at all: standard output is a terminal.
    static var isAvailable: Bool { isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// - Parameters:
    ///   - label: `Building` or `Checking`.
    ///   - enabled: false for `--quiet`; on a non-terminal it is off anyway.
    init(label: String, enabled: Bool, delay: TimeInterval = 0.7) {
        self.label = label
        guard enabled, ProgressLine.isAvailable else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "loysite.progress"))
        timer.schedule(deadline: .now() + delay, repeating: 0.1)
        self.timer = timer
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Stops and erases the line.
    func finish() {
        timer?.cancel()
        lock.withLock {
            finished = true
            if shown { write("\r\u{1B}[2K") }
        }
    }

    /// Drawing and erasing happen under the lock, so a late redraw cannot follow the erase.
    private func draw() {
        lock.withLock {
            guard !finished else { return }
            shown = true
            let seconds = Date().timeIntervalSince(started)
            write("\r\u{1B}[2K\(label)… \(String(format: "%.1f", seconds)) s: \(ProgressLine.describe(build.snapshot))")
        }
    }

    /// `rendering 4,210 / 10,024`, or the step alone (`indexing`) when it does not count.
    static func describe(_ snapshot: (step: String, done: Int, total: Int)) -> String {
        guard snapshot.total > 0 else { return snapshot.step }
        return "\(snapshot.step) \(BuildSummary.grouped(snapshot.done)) / \(BuildSummary.grouped(snapshot.total))"
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
