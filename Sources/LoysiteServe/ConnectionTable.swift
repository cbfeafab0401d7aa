import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open connections of a server and the room it has for them.
///
/// Connections are limited by time, not count: each phase has a deadline (see
/// `HTTPServer`), and when the table is full a new client is not turned away; the
/// connection that has waited longest without being answered is closed to make room —
/// an idle kept-alive connection first, then a request that is arriving slowly, then an
/// idle event stream (whose tab reconnects by itself). Only when every connection is
/// being answered at that moment is a new one refused with 503. So 200 idle tabs or
/// 200 slowloris sockets never make another request fail.
final class ConnectionTable: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: SocketConnection] = [:]

    init(capacity: Int = ConnectionTable.defaultCapacity()) {
        self.capacity = max(1, capacity)
    }

    enum Admission {
        case admitted
        /// Admitted after closing `closed`, the longest-waiting connection.
        case admittedAfterClosing(SocketConnection)
        case full
    }

    func admit(_ connection: SocketConnection) -> Admission {
        lock.withLock {
            if connections.count < capacity {
                connections[ObjectIdentifier(connection)] = connection
                return .admitted
            }
            guard let victim = ConnectionTable.longestWaiting(Array(connections.values)) else { return .full }
            // Removed now so that the room is counted at once; its own thread still
            // closes it (shutdown wakes the thread's blocked read).
            connections.removeValue(forKey: ObjectIdentifier(victim))
            victim.shutdown()
            connections[ObjectIdentifier(connection)] = connection
            return .admittedAfterClosing(victim)
        }
    }

    func remove(_ connection: SocketConnection) {
        lock.withLock { _ = connections.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    var all: [SocketConnection] { lock.withLock { Array(connections.values) } }
    var count: Int { lock.withLock { connections.count } }

    /// The connection to close for room: any not being answered, by phase (idle,
    /// then slow requests, then streams), the oldest in its phase first.
    static func longestWaiting(_ candidates: [SocketConnection]) -> SocketConnection? {
        var best: (SocketConnection, SocketConnection.Phase, ContinuousClock.Instant)?
        for connection in candidates {
            let (phase, since) = connection.phase
            guard phase != .responding else { continue }
            if let current = best, (current.1, current.2) <= (phase, since) { continue }
            best = (connection, phase, since)
        }
        return best?.0
    }

    /// Room for connections within the process's descriptor limit, leaving half of it
    /// for the builds that run alongside (they open files on every core); at most 1000.
    static func defaultCapacity() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE_VALUE), &limit) == 0 else { return 256 }
        let soft = Int(clamping: min(limit.rlim_cur, 1_000_000)) // RLIM_INFINITY is the largest value
        return min(1000, max(16, (soft - 64) / 2))
    }
}

#if canImport(Glibc)
private let RLIMIT_NOFILE_VALUE = Int32(RLIMIT_NOFILE.rawValue)
#else
private let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
#endif
