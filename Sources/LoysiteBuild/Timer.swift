import Dispatch

/// Measures the named steps of a build, for `--timings`.
/// Also tells `progress` (BuildOptions.progress) as each step ends.
struct StepTimer {
    private(set) var timings: [(step: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds
    private let progress: BuildProgress?

    init(progress: BuildProgress? = nil) {
        self.progress = progress
    }

    mutating func finish(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((step, Double(now - started) / 1e9))
        started = now
        progress?.finished(step)
    }
}
