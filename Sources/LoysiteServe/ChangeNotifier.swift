import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's word that something changed below the watched folders (Linux inotify),
/// so that the watcher scans only when there is something to find: an idle preview of
/// a 10,000-term site then costs one non-blocking read per tick instead of 10,000
/// `lstat` calls.
///
/// It says *where* to look, never what changed: the entries its events name, which the
/// watcher then `lstat`s (a save in a 10,000-file folder costs one `lstat`, not 10,000),
/// or `unplaced` when it cannot say, and the watcher scans everything. `lstat` stays the
/// one source of truth, so a missed or overflowing event queue (IN_Q_OVERFLOW) costs a
/// scan, not a lost edit. Folders are watched with IN_DONT_FOLLOW and only as found by
/// `lstat`, so a symbolic link to `/usr` is never watched.
///
/// Where inotify is missing or its watch limit (`fs.inotify.max_user_watches`) is
/// reached, `make()` returns nil or `watch` returns false, and the watcher polls.
final class ChangeNotifier {
    #if os(Linux)
    /// The inotify descriptor, readable when events are queued (the watcher listens on it).
    let descriptor: Int32
    /// Watch descriptor → the path it watches, and the reverse.
    private var pathOfWatch: [Int32: String] = [:]
    private var watchOfPath: [String: Int32] = [:]
    /// The inode each watch was made for.
    private var inodeOfWatch: [Int32: UInt64] = [:]

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        _ = Glibc.close(descriptor)
    }

    /// A notifier, or nil where the system has none.
    static func make() -> ChangeNotifier? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        return descriptor >= 0 ? ChangeNotifier(descriptor: descriptor) : nil
    }

    static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches `paths` (folders, or files such as a link's target, each with the inode
    /// `lstat` found there) and returns the paths that were not watched as that inode
    /// before — nil if the kernel refused one for lack of room (the caller then polls).
    ///
    /// A watch follows its inode, not its path: after `mv a b` (or `mv a elsewhere; mkdir
    /// a`) the watch made for `a` reports for the folder now at `b`. So a path is taken as
    /// watched only while its inode is the one watched, and a watch the kernel hands back
    /// for another path is moved to the path it now has.
    func watch(_ paths: [WatchedPath]) -> [String]? {
        var fresh: [String] = []
        for path in paths {
            if let watch = watchOfPath[path.path] {
                if inodeOfWatch[watch] == path.inode { continue }
                forget(watch) // that inode is elsewhere now, or gone
            }
            let watch = inotify_add_watch(descriptor, path.path, ChangeNotifier.folderEvents | UInt32(IN_DONT_FOLLOW))
            if watch < 0 {
                if errno == ENOSPC || errno == ENOMEM { return nil }
                continue // gone meanwhile, or unreadable: the scan reports what it finds
            }
            if let before = pathOfWatch[watch] { watchOfPath[before] = nil } // moved here from `before`
            pathOfWatch[watch] = path.path
            watchOfPath[path.path] = watch
            inodeOfWatch[watch] = path.inode
            fresh.append(path.path)
        }
        return fresh
    }

    private func forget(_ watch: Int32) {
        inotify_rm_watch(descriptor, watch)
        if let path = pathOfWatch.removeValue(forKey: watch) { watchOfPath[path] = nil }
        inodeOfWatch[watch] = nil
    }

    /// Stops watching paths that the last scan no longer found.
    func keepOnly(_ paths: Set<String>) {
        for (path, watch) in watchOfPath where !paths.contains(path) { forget(watch) }
    }

    /// Stops watching `folder` and every path below it (it was deleted or moved away:
    /// a moved folder's watch would go on reporting under its old name).
    func forget(folder: String) {
        let below = folder + "/"
        for (path, watch) in watchOfPath where path == folder || path.hasPrefix(below) { forget(watch) }
    }

    /// Reads every queued event and says where they point.
    func drain() -> NotifiedChanges {
        var changes = NotifiedChanges.nothing
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return changes }
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes
            // of name, padded with NULs.
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                changes.add(event(watch: watch, mask: mask, name: nameBytes))
            }
        }
    }

    /// Where one event points.
    private func event(watch: Int32, mask: UInt32, name: ArraySlice<UInt8>) -> NotifiedChanges {
        if mask & UInt32(IN_IGNORED) != 0 {
            // Removed by the kernel (its folder is gone): watch it again if it comes back.
            // The folder's parent reports the removal itself.
            if let path = pathOfWatch.removeValue(forKey: watch) { watchOfPath[path] = nil }
            inodeOfWatch[watch] = nil
            return .nothing
        }
        guard mask & UInt32(IN_Q_OVERFLOW) == 0, mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) == 0,
              !name.isEmpty, let folder = pathOfWatch[watch] else { return .unplaced }
        return .entries([folder + "/" + String(decoding: name, as: UTF8.self)])
    }

    var watchedCount: Int { watchOfPath.count }
    func isWatching(_ path: String) -> Bool { watchOfPath[path] != nil }
    #else
    func isWatching(_ path: String) -> Bool { false }
    static func make() -> ChangeNotifier? { nil }
    func watch(_ paths: [WatchedPath]) -> [String]? { nil }
    func keepOnly(_ paths: Set<String>) {}
    func forget(folder: String) {}
    func drain() -> NotifiedChanges { .unplaced }
    var descriptor: Int32 { -1 }
    var watchedCount: Int { 0 }
    #endif
}

/// A path to watch, with the inode `lstat` found there.
struct WatchedPath: Hashable {
    var path: String
    var inode: UInt64
}
