import Foundation

/// Watches folders for changed, added and removed files and reports each burst of
/// changes once.
///
/// A scan of the folders' modification times (`lstat`, on every file) is the source of
/// truth; it works the same on every file system, including network mounts and editors
/// that save by renaming. On Linux the kernel's change notification (`ChangeNotifier`,
/// inotify) says when a scan is worth doing, so an idle large tree costs nothing and a
/// save is seen within 50 ms; where it is missing or full, the watcher scans every
/// `interval` (300 ms by default). Editors often write a file in several steps, and
/// `git checkout` touches many at once: changes are reported only once a tick finds
/// nothing new (or after `maximumDelay`, for a stream of changes that never settles).
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
    private let onChange: @Sendable ([String]) -> Void
    private let queue = DispatchQueue(label: "loysite.watcher")
    private var timer: DispatchSourceTimer?
    private var snapshot: [String: Stamp] = [:]
    private var pending: Set<String> = []
    private var pendingSince: Date?
    private var notifier: ChangeNotifier?
    private let wantsChangeNotification: Bool
    /// Scans made so far (for tests: an idle tick with notification makes none).
    private(set) var scanCount = 0
    /// A scan is due at the next tick even without a notification (new folders were
    /// just added to the notifier, so a file made in them meanwhile is not missed).
    private var scanDue = false
    /// How often the watcher looks when the kernel notifies it of changes.
    static let notifiedTick: TimeInterval = 0.05

    /// Whether changes come from the kernel (false: polling by scans).
    package var usesChangeNotification: Bool { queue.sync { notifier != nil } }

    /// - Parameters:
    ///   - folders: the trees to watch (they need not exist yet).
    ///   - base: changed paths are reported relative to it (`content/glossary/nps.md`).
    ///   - onChange: called on the watcher's own queue with the sorted changed paths.
    ///   - changeNotification: use the kernel's notification where there is one (false: always poll).
    package init(
        folders: [URL], relativeTo base: URL, interval: TimeInterval = 0.3, maximumDelay: TimeInterval = 2,
        changeNotification: Bool = true, onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.wantsChangeNotification = changeNotification
        self.folders = folders
        self.base = base.standardizedFileURL
        self.interval = interval
        self.maximumDelay = maximumDelay
        self.onChange = onChange
    }

    deinit {
        timer?.cancel()
    }

    /// Takes the first snapshot (so files present now are not reported) and starts polling.
    package func start() {
        queue.sync {
            guard timer == nil else { return }
            notifier = wantsChangeNotification ? ChangeNotifier.make() : nil
            // Watch first, then take the snapshot: a change between the two is in both.
            if notifier != nil { watchFound(scanTree()) }
            let first = scanTree()
            snapshot = first.files
            watchFound(first)
            scanDue = false // the snapshot was taken with every folder already watched
            let tick = notifier == nil ? interval : min(interval, Watcher.notifiedTick)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + tick, repeating: tick, leeway: .milliseconds(10))
            timer.setEventHandler { [weak self] in self?.poll() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Stops polling; a burst not yet reported is dropped.
    package func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            pending = []
            notifier = nil
        }
    }

    /// One tick: scan if anything may have changed, compare with the last snapshot, and
    /// report a burst once it has settled.
    func poll() {
        var changed = Set<String>()
        if needsScan() {
            let current = scanTree()
            changed = Watcher.differences(snapshot, current.files)
            snapshot = current.files
            watchFound(current)
        }
        if !changed.isEmpty {
            pending.formUnion(changed)
            if pendingSince == nil { pendingSince = Date() }
            let waited = Date().timeIntervalSince(pendingSince!)
            if waited < maximumDelay { return }
        }
        guard !pending.isEmpty else { return }
        let paths = pending.sorted()
        pending = []
        pendingSince = nil
        onChange(paths)
    }

    /// Whether this tick must scan: always when polling; with notification, when the
    /// kernel reported something or a watched folder is not watched yet (it did not
    /// exist, like a `templates/` made after the start).
    private func needsScan() -> Bool {
        guard let notifier else { return true }
        let notified = notifier.drain()
        if notified || scanDue {
            scanDue = false
            return true
        }
        return folders.contains { !notifier.isWatching($0.standardizedFileURL.path) && Watcher.exists($0.path) }
    }

    /// Hands the folders (and followed links' targets) of a scan to the notifier; falls
    /// back to polling if the kernel's watch limit is reached.
    private func watchFound(_ tree: Tree) {
        guard let notifier else { return }
        let before = notifier.watchedCount
        notifier.keepOnly(Set(tree.watchPaths))
        guard notifier.watch(tree.watchPaths) else {
            self.notifier = nil
            timer?.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            return
        }
        if notifier.watchedCount > before { scanDue = true }
    }

    /// Paths added, removed or modified between two snapshots.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// What a scan found: every file by path relative to `base`, and the paths the
    /// notifier should watch (the folders walked, and targets of followed links).
    struct Tree {
        var files: [String: Stamp] = [:]
        var watchPaths: [String] = []
    }

    /// Every file below the watched folders (see `scanTree`).
    func scan() -> [String: Stamp] { scanTree().files }

    /// Walks the watched folders with `lstat`, never entering a symbolic link. Hidden
    /// files and editors' backup files (`x.md~`, `.x.md.swp`) are left out.
    func scanTree() -> Tree {
        scanCount += 1
        var tree = Tree()
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        let realBase = StaticFiles.realPath(base.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? basePath
        for folder in folders {
            let folderPath = folder.standardizedFileURL.path
            var info = stat()
            guard lstat(folderPath, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                // A single watched file (not a folder).
                tree.files[Watcher.relative(folderPath, to: basePath)] = Watcher.stamp(info)
                tree.watchPaths.append(folderPath)
                continue
            }
            var stack = [folderPath]
            while let directory = stack.popLast() {
                tree.watchPaths.append(directory)
                for name in Watcher.names(in: directory) where !Watcher.isIgnored(name) {
                    let path = directory + "/" + name
                    guard lstat(path, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR:
                        stack.append(path)
                    case S_IFLNK:
                        // Followed only to a regular file inside the root, as a build reads it.
                        if let target = StaticFiles.realPath(path), target.hasPrefix(realBase) {
                            var targetInfo = stat()
                            if stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFREG {
                                tree.files[Watcher.relative(path, to: basePath)] = Watcher.stamp(targetInfo)
                                tree.watchPaths.append(target)
                                continue
                            }
                        }
                        tree.files[Watcher.relative(path, to: basePath)] = Watcher.stamp(info)
                    default:
                        // Regular files, and FIFOs or devices (stamped, never opened): the
                        // build reports those, so their appearance is a change.
                        tree.files[Watcher.relative(path, to: basePath)] = Watcher.stamp(info)
                    }
                }
            }
        }
        return tree
    }

    /// The entries of a folder (not `.` and `..`); empty if it cannot be read.
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    static func relative(_ path: String, to basePath: String) -> String {
        path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }

    static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
