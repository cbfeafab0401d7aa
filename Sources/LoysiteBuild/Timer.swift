import Dispatch

/// Measures the named steps of a build, for `--timings`.
struct StepTimer {
    private(set) var timings: [(step: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    mutating func finish(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((step, Double(now - started) / 1e9))
        started = now
    }
}
