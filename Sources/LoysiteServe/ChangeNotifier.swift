import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's word that something changed below the watched folders (Linux inotify),
/// so that the watcher scans only when there is something to find: an idle preview of
/// a 10,000-term site then costs one non-blocking read per tick instead of 10,000
/// `lstat` calls.
///
/// It only says *whether* anything changed, never what: the watcher's scan stays the
/// one source of truth, so a missed or overflowing event queue (IN_Q_OVERFLOW) costs a
/// scan, not a lost edit. Folders are watched with IN_DONT_FOLLOW and only as found by
/// `lstat`, so a symbolic link to `/usr` is never watched.
///
/// Where inotify is missing or its watch limit (`fs.inotify.max_user_watches`) is
/// reached, `make()` returns nil or `watch` returns false, and the watcher polls.
final class ChangeNotifier {
    #if os(Linux)
    private let descriptor: Int32
    /// Watch descriptor → the path it watches, and the reverse.
    private var pathOfWatch: [Int32: String] = [:]
    private var watchOfPath: [String: Int32] = [:]

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

    /// Watches `paths` (folders, or files such as a link's target) not yet watched.
    /// Returns false if the kernel refused one for lack of room (the caller then polls).
    func watch(_ paths: [String]) -> Bool {
        for path in paths where watchOfPath[path] == nil {
            let watch = inotify_add_watch(descriptor, path, ChangeNotifier.folderEvents | UInt32(IN_DONT_FOLLOW))
            if watch < 0 {
                if errno == ENOSPC || errno == ENOMEM { return false }
                continue // gone meanwhile, or unreadable: the scan reports what it finds
            }
            pathOfWatch[watch] = path
            watchOfPath[path] = watch
        }
        return true
    }

    /// Stops watching paths that the last scan no longer found.
    func keepOnly(_ paths: Set<String>) {
        for (path, watch) in watchOfPath where !paths.contains(path) {
            inotify_rm_watch(descriptor, watch)
            watchOfPath[path] = nil
            pathOfWatch[watch] = nil
        }
    }

    /// Reads every queued event; true if there was any (an overflow counts).
    func drain() -> Bool {
        var any = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return any }
            any = true
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes of name.
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                if mask & UInt32(IN_IGNORED) != 0, let path = pathOfWatch.removeValue(forKey: watch) {
                    watchOfPath[path] = nil // removed by the kernel: watch it again if it comes back
                }
                offset += 16 + length
            }
        }
    }

    var watchedCount: Int { watchOfPath.count }
    func isWatching(_ path: String) -> Bool { watchOfPath[path] != nil }
    #else
    func isWatching(_ path: String) -> Bool { false }
    static func make() -> ChangeNotifier? { nil }
    func watch(_ paths: [String]) -> Bool { false }
    func keepOnly(_ paths: Set<String>) {}
    func drain() -> Bool { true }
    var watchedCount: Int { 0 }
    #endif
}
