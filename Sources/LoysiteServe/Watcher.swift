import Foundation

/// Watches folders for changed, added and removed files by polling their modification
/// times, and reports each burst of changes once.
///
/// Polling (every 300 ms by default) works the same on every file system and platform,
/// including network mounts and editors that save by renaming, and costs little for a
/// site's few hundred files. Editors often write a file in several steps, and `git
/// checkout` touches many at once: changes are reported only once a poll finds nothing
/// new (or after `maximumDelay`, for a stream of changes that never settles).
public final class Watcher: @unchecked Sendable {
    /// What one file looked like at a poll.
    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
        var inode: UInt64
    }

    public let folders: [URL]
    public let base: URL
    public let interval: TimeInterval
    public let maximumDelay: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let queue = DispatchQueue(label: "loysite.watcher")
    private var timer: DispatchSourceTimer?
    private var snapshot: [String: Stamp] = [:]
    private var pending: Set<String> = []
    private var pendingSince: Date?

    /// - Parameters:
    ///   - folders: the trees to watch (they need not exist yet).
    ///   - base: changed paths are reported relative to it (`content/glossary/nps.md`).
    ///   - onChange: called on the watcher's own queue with the sorted changed paths.
    public init(
        folders: [URL], relativeTo base: URL, interval: TimeInterval = 0.3, maximumDelay: TimeInterval = 2,
        onChange: @escaping @Sendable ([String]) -> Void
    ) {
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
    public func start() {
        queue.sync {
            guard timer == nil else { return }
            snapshot = scan()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in self?.poll() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Stops polling; a burst not yet reported is dropped.
    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            pending = []
        }
    }

    /// One poll: compare with the last snapshot, and report a burst once it has settled.
    func poll() {
        let current = scan()
        let changed = Watcher.differences(snapshot, current)
        snapshot = current
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

    /// Paths added, removed or modified between two snapshots.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Every file below the watched folders, by path relative to `base`. Hidden files
    /// and editors' backup files (`x.md~`, `.x.md.swp`) are left out.
    func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        for folder in folders {
            let folderPath = folder.standardizedFileURL.path
            var stack = [folderPath]
            var visited = Set<String>() // resolved folders: a symlink loop is walked once
            while let directory = stack.popLast() {
                if let real = StaticFiles.realPath(directory), !visited.insert(real).inserted { continue }
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                    // A single watched file (not a folder), or one that is gone.
                    if directory == folderPath, let stamp = Watcher.stamp(directory, isDirectory: nil) {
                        result[Watcher.relative(directory, to: basePath)] = stamp
                    }
                    continue
                }
                for name in names where !Watcher.isIgnored(name) {
                    let path = directory + "/" + name
                    var isDirectory = false
                    guard let stamp = Watcher.stamp(path, isDirectory: &isDirectory) else { continue }
                    if isDirectory {
                        stack.append(path)
                    } else {
                        result[Watcher.relative(path, to: basePath)] = stamp
                    }
                }
            }
        }
        return result
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    static func relative(_ path: String, to basePath: String) -> String {
        path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }

    /// The file's stamp, following symlinks; nil if it cannot be read.
    static func stamp(_ path: String, isDirectory: UnsafeMutablePointer<Bool>?) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        isDirectory?.pointee = (info.st_mode & S_IFMT) == S_IFDIR
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
