import Foundation

/// Watches folders for changed, added and removed files and reports each burst of
/// changes once.
///
/// `lstat` on the files is the source of truth; it works the same on every file
/// system, including network mounts and editors that save by renaming. On Linux the
/// kernel's change notification (`ChangeNotifier`, inotify) says when and where to look:
/// the watcher wakes when an event arrives and `lstat`s only the entries it names, so an
/// idle large tree costs nothing and a save in a 10,000-file folder costs one `lstat`.
/// Where notification is missing or full, or cannot say where (a lost event queue), the
/// watcher scans every file, every `interval` (300 ms by default) when polling. Editors
/// often write a file in several steps, and `git checkout` touches many at once: a burst
/// is reported once it has been quiet for `settle` (and a poll found nothing new), or
/// after `maximumDelay`, for a stream of changes that never settles.
///
/// Only what a build reads is followed: a symbolic link to a folder is never entered
/// (`content/glossary/u -> /usr` is one entry, not 100,000 files), and a link to a file
/// is followed only when its target lies inside the site root — any other link is
/// watched as a link, so adding, removing or retargeting it is still a change.
package final class Watcher: @unchecked Sendable {
    /// What one file looked like at a poll.
    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
        var inode: UInt64
    }

    package let folders: [URL]
    package let base: URL
    package let interval: TimeInterval
    package let maximumDelay: TimeInterval
    package let settle: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    let queue = DispatchQueue(label: "loysite.watcher")
    private var timer: DispatchSourceTimer?
    private var wakeOnEvents: DispatchSourceRead?
    var snapshot: [String: Stamp] = [:]
    /// The folders walked so far (absolute), so a named entry that was a folder has its
    /// files compared too.
    var knownFolders: Set<String> = []
    private var started = false
    private var drivenByHand = false
    private var pending: Set<String> = []
    private var pendingSince: Date?
    private var lastChange: Date?
    var notifier: ChangeNotifier?
    private let wantsChangeNotification: Bool
    /// Whole-tree scans made so far (for tests: an idle tick, or a save the kernel
    /// named, makes none).
    var scanCount = 0
    /// Folders to look at again at the next poll although no event named them: they were
    /// just watched, so a file made in them before the watch was added is not missed.
    var entriesDue: Set<String> = []
    /// How often the watcher looks when the kernel notifies it of changes (events wake it
    /// at once; the tick only notices watched folders that appear later, like `templates/`).
    static let notifiedTick: TimeInterval = 0.05

    /// Whether changes come from the kernel (false: polling by scans).
    package var usesChangeNotification: Bool { queue.sync { notifier != nil } }

    /// - Parameters:
    ///   - folders: the trees to watch (they need not exist yet).
    ///   - base: changed paths are reported relative to it (`content/glossary/nps.md`).
    ///   - settle: how long a burst must be quiet before it is reported, with notification
    ///     (an editor's steps of one save come within a few milliseconds of each other).
    ///   - onChange: called on the watcher's own queue with the sorted changed paths.
    ///   - changeNotification: use the kernel's notification where there is one (false: always poll).
    package init(
        folders: [URL], relativeTo base: URL, interval: TimeInterval = 0.3, maximumDelay: TimeInterval = 2,
        settle: TimeInterval = 0.02, changeNotification: Bool = true, onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.wantsChangeNotification = changeNotification
        self.folders = folders
        self.base = base.standardizedFileURL
        self.interval = interval
        self.maximumDelay = maximumDelay
        self.settle = settle
        self.onChange = onChange
    }

    deinit {
        timer?.cancel()
        wakeOnEvents?.cancel()
    }

    /// Takes the first snapshot (so files present now are not reported) and starts watching.
    /// - Parameter drivenByHand: for tests: nothing looks by itself; each `poll()` is one look.
    package func start(drivenByHand: Bool = false) {
        queue.sync {
            guard timer == nil, !started else { return }
            started = true
            self.drivenByHand = drivenByHand
            notifier = wantsChangeNotification ? ChangeNotifier.make() : nil
            // Watch first, then take the snapshot: a change between the two is in both.
            if notifier != nil { watchFound(scanTree()) }
            let first = scanTree()
            snapshot = first.files
            knownFolders = Set(first.folders.map(\.path))
            watchFound(first)
            entriesDue = [] // the snapshot was taken with every folder already watched
            guard !drivenByHand else { return }
            if let notifier { listen(to: notifier) }
            let tick = notifier == nil ? interval : min(interval, Watcher.notifiedTick)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + tick, repeating: tick, leeway: .milliseconds(10))
            timer.setEventHandler { [weak self] in self?.look() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Stops watching; a burst not yet reported is dropped.
    package func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            started = false
            stopListening()
            pending = []
        }
    }

    /// Polls as soon as the kernel has events queued, instead of at the next tick.
    private func listen(to notifier: ChangeNotifier) {
        let source = DispatchSource.makeReadSource(fileDescriptor: notifier.descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.look() }
        // The descriptor is closed with the notifier, so it lives until the source is done with it.
        source.setCancelHandler { withExtendedLifetime(notifier) {} }
        wakeOnEvents = source
        source.resume()
    }

    private func stopListening() {
        wakeOnEvents?.cancel()
        wakeOnEvents = nil
        notifier = nil
    }

    /// One look, made now on the watcher's queue (tests drive a watcher started by hand so).
    func poll() {
        queue.sync { look() }
    }

    /// One look: `lstat` what may have changed, compare with the snapshot, and report a
    /// burst once it has settled.
    private func look() {
        var changed = Set<String>()
        switch whatToLookAt() {
        case .nothing:
            break
        case .entries(let entries):
            changed = rescan(entries)
        case .unplaced:
            let current = scanTree()
            changed = Watcher.differences(snapshot, current.files)
            snapshot = current.files
            knownFolders = Set(current.folders.map(\.path))
            watchFound(current)
        }
        let now = Date()
        if !changed.isEmpty {
            pending.formUnion(changed)
            lastChange = now
            if pendingSince == nil { pendingSince = now }
            if now.timeIntervalSince(pendingSince!) < maximumDelay {
                // Look again once it may have settled (events, if any, wake it sooner).
                if notifier != nil, !drivenByHand {
                    queue.asyncAfter(deadline: .now() + settle) { [weak self] in self?.look() }
                }
                return
            }
        }
        guard !pending.isEmpty else { return }
        if changed.isEmpty, let lastChange, now.timeIntervalSince(lastChange) < settle,
           now.timeIntervalSince(pendingSince!) < maximumDelay {
            return // quiet, but not for long enough yet: the look scheduled above reports it
        }
        let paths = pending.sorted()
        pending = []
        pendingSince = nil
        lastChange = nil
        onChange(paths)
    }

    /// What this poll must look at: everything when polling; with notification, the
    /// entries the kernel named, folders just watched, and watched folders not watched
    /// yet (they did not exist, like a `templates/` made after the start); everything
    /// when the kernel could not say where.
    private func whatToLookAt() -> NotifiedChanges {
        guard let notifier else { return .unplaced }
        var look = notifier.drain()
        let appeared = folders.map { $0.standardizedFileURL.path }.filter { !notifier.isWatching($0) && Watcher.exists($0) }
        look.add(.entries(entriesDue.union(appeared)))
        entriesDue = []
        return look
    }

    /// Brings the snapshot up to date for the named entries (absolute paths) and returns
    /// what changed: an entry is `lstat`ed, and walked if it is a folder; an entry that was
    /// a folder has every file it held compared.
    private func rescan(_ entries: Set<String>) -> Set<String> {
        var changed = Set<String>()
        var found = Tree()
        for path in entries.sorted() where !Watcher.isIgnored(Watcher.lastComponent(path)) {
            let relative = Watcher.relative(path, to: basePath)
            var here = Tree()
            visit(path, into: &here)
            let wasFolder = knownFolders.contains(path)
            let isFolder = here.folders.first?.path == path
            var old: [String: Stamp] = [:]
            if let stamp = snapshot[relative] { old[relative] = stamp }
            if wasFolder || isFolder {
                let below = relative + "/"
                for (key, stamp) in snapshot where key.hasPrefix(below) { old[key] = stamp }
            }
            changed.formUnion(Watcher.differences(old, here.files))
            for key in old.keys { snapshot[key] = nil }
            snapshot.merge(here.files) { _, new in new }
            if wasFolder, !isFolder { forgetFolder(path) }
            knownFolders.formUnion(here.folders.map(\.path))
            found.folders += here.folders
            found.linkTargets += here.linkTargets
        }
        if let notifier {
            if let fresh = notifier.watch(found.watchPaths) {
                entriesDue.formUnion(fresh)
            } else {
                fallBackToPolling()
            }
        }
        return changed
    }

    /// A folder that was deleted or moved away: neither it nor anything below is watched.
    private func forgetFolder(_ folder: String) {
        let below = folder + "/"
        knownFolders = knownFolders.filter { $0 != folder && !$0.hasPrefix(below) }
        notifier?.forget(folder: folder)
    }

    /// Hands the folders (and followed links' targets) of a whole scan to the notifier;
    /// falls back to polling if the kernel's watch limit is reached.
    private func watchFound(_ tree: Tree) {
        guard let notifier else { return }
        notifier.keepOnly(Set(tree.watchPaths.map(\.path)))
        guard let fresh = notifier.watch(tree.watchPaths) else {
            fallBackToPolling()
            return
        }
        entriesDue.formUnion(fresh)
    }

    private func fallBackToPolling() {
        stopListening()
        timer?.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
    }

    /// Paths added, removed or modified between two snapshots.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}
