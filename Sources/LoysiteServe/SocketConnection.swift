import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted TCP connection: blocking sends and receives on a POSIX socket.
///
/// The thread that owns a connection reads and closes it; other threads may only send
/// (live-reload events, under `sendLock`) or `shutdown()` it, which wakes a blocked
/// read. The descriptor is closed by its owner only, so it cannot be reused under
/// another thread's feet.
final class SocketConnection: @unchecked Sendable {
    let descriptor: Int32
    private let sendLock = NSLock()
    private let stateLock = NSLock()
    private var isShutDown = false
    private var currentPhase = Phase.waitingForRequest
    private var currentPhaseStart = ContinuousClock.now

    /// What the connection is doing, so that when the server is full it can close the
    /// one that has waited longest instead of turning new clients away.
    enum Phase: Comparable {
        /// Kept alive between requests (or just accepted): nothing sent yet.
        case waitingForRequest
        /// Part of a request has arrived (a slow client, or a slowloris attack).
        case readingRequest
        /// A live-reload event stream, idle between events.
        case streaming
        /// A handler is answering: never closed to make room.
        case responding
    }

    /// What a receive found.
    enum Received {
        case bytes([UInt8])
        /// Nothing arrived within the timeout.
        case timedOut
        /// The peer closed the connection, it was shut down, or it failed.
        case closed
    }

    init(descriptor: Int32) {
        self.descriptor = descriptor
        // A client that stops reading must not block a sender forever.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    func enter(_ phase: Phase) {
        stateLock.withLock {
            guard currentPhase != phase else { return }
            currentPhase = phase
            currentPhaseStart = .now
        }
    }

    /// The phase and since when the connection has been in it.
    var phase: (phase: Phase, since: ContinuousClock.Instant) {
        stateLock.withLock { (currentPhase, currentPhaseStart) }
    }

    /// Waits up to `timeoutMilliseconds` for data and returns what arrived.
    func receive(timeoutMilliseconds: Int32) -> Received {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMilliseconds)
        if ready == 0 { return .timedOut }
        if ready < 0 { return errno == EINTR ? .timedOut : .closed }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return .closed }
        return .bytes(Array(chunk[..<count]))
    }

    /// Sends all of `data`; false when the peer has gone or a send timed out.
    @discardableResult
    func send(_ data: Data) -> Bool {
        sendLock.lock()
        defer { sendLock.unlock() }
        if stateLock.withLock({ isShutDown }) { return false }
        return data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                let sent = sendNoSignal(descriptor, pointer, remaining)
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { return false }
                pointer += sent
                remaining -= sent
            }
            return true
        }
    }

    /// Stops both directions: a read blocked in another thread returns `.closed`.
    func shutdown() {
        stateLock.withLock { isShutDown = true }
        _ = systemShutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Ends the sending direction only (the peer reads the response to its end), then
    /// reads and drops what the peer still sends, for up to `milliseconds`: closing a
    /// socket with unread data makes the kernel send a reset, which can destroy the
    /// response (a 413 to a client still uploading) before the client reads it.
    func finishAfterResponse(lingering milliseconds: Int) {
        _ = systemShutdown(descriptor, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while true {
            let left = deadline - .now
            guard left > .zero else { return }
            guard case .bytes = receive(timeoutMilliseconds: HTTPServer.milliseconds(left)) else { return }
        }
    }

    /// Closes the descriptor; only the owning thread calls this, once.
    func close() {
        shutdown()
        _ = systemClose(descriptor)
    }
}

private func sendNoSignal(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
    #else
    return send(descriptor, pointer, count, 0)
    #endif
}

/// The C functions, under names that do not clash with the methods above.
func systemShutdown(_ descriptor: Int32, _ how: Int32) -> Int32 {
    shutdown(descriptor, how)
}

func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
