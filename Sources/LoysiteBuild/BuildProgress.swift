import Synchronization

/// What a running build is doing, for the CLI's progress line: the step under way (not
/// the last one finished, which left "link done" on screen through the whole render)
/// and, for the steps that go page by page, how many of how many are done. The building
/// threads update it; the line's timer reads it.
package final class BuildProgress: Sendable {
    /// The pipeline's steps in order (`StepTimer` names), each with the words shown
    /// while it runs.
    static let steps: [(name: String, running: String)] = [
        ("load", "loading"), ("datasets", "computing figures"), ("index", "indexing"),
        ("markdown", "converting Markdown"), ("link", "linking"), ("render", "rendering"), ("write", "writing"),
    ]

    private let current = Mutex<(step: Int, total: Int)>((0, 0))
    private let done = Atomic<Int>(0)

    package init() {}

    /// The step after `step` is under way.
    func finished(_ step: String) {
        guard let index = BuildProgress.steps.firstIndex(where: { $0.name == step }) else { return }
        current.withLock { $0 = (min(index + 1, BuildProgress.steps.count - 1), 0) }
        done.store(0, ordering: .relaxed)
    }

    /// The running step has `total` items (pages) to do.
    func counting(_ total: Int) {
        done.store(0, ordering: .relaxed)
        current.withLock { $0.total = total }
    }

    /// One more item of the running step is done (from any thread).
    func advance() {
        done.add(1, ordering: .relaxed)
    }

    /// The running step's words and, when it counts, items done and in all.
    package var snapshot: (step: String, done: Int, total: Int) {
        let (step, total) = current.withLock { $0 }
        return (BuildProgress.steps[step].running, min(done.load(ordering: .relaxed), total), total)
    }
}
