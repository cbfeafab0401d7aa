import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets, one thread per connection, answering
/// only requests whose `Host` names it (`HostPolicy`) and holding every connection to
/// deadlines rather than a count (`Limits`, `ConnectionTable`).
///
/// Written by hand rather than taken from swift-nio, Hummingbird or FlyingFox: the
/// preview server only answers GET and HEAD from a browser on the same machine, and
/// this is a few hundred lines where those packages add 10 s to 160 s to every clean
/// build (CI builds from scratch each run). It supports keep-alive, pipelined
/// requests, HEAD, and long-lived Server-Sent Events responses; it does not support
/// request bodies beyond discarding them, chunked uploads or TLS.
package final class HTTPServer: @unchecked Sendable {
    package typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The address it listens on, as given (`127.0.0.1`, `::1`).
    package let host: String
    /// The port it listens on; the one the system picked when asked for port 0.
    package let port: Int
    private let listener: Int32
    private let handler: Handler
    /// Which `Host` headers are answered (DNS-rebinding protection).
    package let hostPolicy: HostPolicy
    private let limits: Limits
    private let lock = NSLock()
    private let connections: ConnectionTable
    private var started = false
    private var stopping = false
    private let acceptLoopFinished = DispatchSemaphore(value: 0)
    private var refusedHosts: Set<String> = []
    /// Told once per `Host` value refused with 421, for the terminal: whoever opened
    /// the preview under another name learns why it does not answer.
    package var onRefusedHost: (@Sendable (String) -> Void)? {
        get { lock.withLock { refusedHostHandler } }
        set { lock.withLock { refusedHostHandler = newValue } }
    }
    private var refusedHostHandler: (@Sendable (String) -> Void)?

    /// How long each phase of a connection may last. Connections are limited by these
    /// deadlines rather than by their number (see `ConnectionTable`).
    package struct Limits: Sendable {
        /// A kept-alive (or new) connection that sends nothing for this long is closed.
        package var idleTimeout: Duration = .seconds(15)
        /// A request's head must arrive whole within this time of its first byte, and
        /// its body within this time of the head; else 408 and the connection is closed
        /// (a slowloris client sending a byte a second is dropped after it).
        package var requestTimeout: Duration = .seconds(10)
        /// How often an idle event stream is pinged, to notice tabs that have gone.
        package var eventStreamPing: Duration = .seconds(15)
        /// Largest request body read (and dropped); a larger one is answered 413.
        package var maximumBodyBytes = 1 << 20
        /// Connections open at once before the longest-waiting one is closed for a new one.
        package var maximumConnections = ConnectionTable.defaultCapacity()

        package init() {}
    }

    /// Binds and listens at once, so a taken port is reported before anything else
    /// happens; connections wait in the backlog until `start()`.
    package init(host: String, port: Int, limits: Limits = Limits(), handler: @escaping Handler) throws(ServeError) {
        guard (0...65535).contains(port) else { throw .invalidPort(port) }
        self.host = host
        self.handler = handler
        self.limits = limits
        self.connections = ConnectionTable(capacity: limits.maximumConnections)
        let address = try SocketAddress(host: host, port: port)
        let descriptor = socket(address.family, Int32(SOCK_STREAM_VALUE), 0)
        guard descriptor >= 0 else {
            throw .cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
        }
        var one: Int32 = 1
        // Restarting `loysite serve` right after Ctrl-C must not fail on TIME_WAIT;
        // on Linux this still refuses a port another process listens on.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if address.family == AF_INET6 {
            setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = address.withSockaddr { bind(descriptor, $0, $1) }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = systemClose(descriptor)
            throw .cannotListen(host: host, port: port, reason: reason)
        }
        self.listener = descriptor
        self.port = SocketAddress.localPort(of: descriptor) ?? port
        self.hostPolicy = HostPolicy(listenHost: host, port: self.port)
    }

    deinit {
        stop()
    }

    /// Whether `host` names this machine only (127.0.0.0/8, ::1, localhost): anything
    /// else exposes the preview to the network.
    package static func isLoopback(_ host: String) -> Bool {
        SocketAddress.isLoopback(host)
    }

    /// `http://127.0.0.1:8000/` (IPv6 hosts in brackets).
    package var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }

    /// Starts accepting connections on a thread of its own.
    package func start() {
        let shouldStart = lock.withLock { () -> Bool in
            guard !started, !stopping else { return false }
            started = true
            return true
        }
        guard shouldStart else { return }
        #if canImport(Glibc)
        signal(SIGPIPE, SIG_IGN)
        #endif
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "loysite-serve-accept"
        thread.start()
    }

    /// Stops accepting, shuts down every open connection (live-reload streams
    /// included) and closes the listening socket. Waits for the accept loop to end;
    /// safe to call more than once.
    package func stop() {
        enum Stop { case alreadyStopping, waitForAcceptLoop, closeListener }
        let (action, open) = lock.withLock { () -> (Stop, [SocketConnection]) in
            if stopping { return (.alreadyStopping, []) }
            stopping = true
            return (started ? .waitForAcceptLoop : .closeListener, connections.all)
        }
        for connection in open { connection.shutdown() }
        switch action {
        case .alreadyStopping: break
        case .waitForAcceptLoop: acceptLoopFinished.wait()
        case .closeListener: _ = systemClose(listener)
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop() {
        while !isStopping {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            guard ready > 0 else { continue }
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else {
                // Out of descriptors: the connection stays queued and poll says so at
                // once; wait a little rather than spin on it.
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                continue
            }
            let connection = SocketConnection(descriptor: descriptor)
            guard !isStopping else {
                connection.close()
                continue
            }
            if case .full = connections.admit(connection) {
                // Every connection is being answered this instant: nothing waits to be closed.
                connection.send(HTTPResponse.text(.serviceUnavailable, "503 Service Unavailable: the preview server is answering \(connections.capacity) requests; try again").serialized(keepAlive: false))
                connection.close()
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                connections.remove(connection)
                connection.close()
            }
            thread.name = "loysite-serve-connection"
            thread.start()
        }
        _ = systemClose(listener)
        acceptLoopFinished.signal()
    }

    /// Reads requests from one connection and answers them until it closes, holding
    /// each phase to its deadline (`Limits`).
    private func serve(_ connection: SocketConnection) {
        var buffer: [UInt8] = []
        var headDeadline: ContinuousClock.Instant?
        while !isStopping {
            switch HTTPRequestParser.parse(buffer) {
            case .needMoreData:
                let wait: Duration
                if buffer.isEmpty {
                    connection.enter(.waitingForRequest)
                    wait = limits.idleTimeout
                } else {
                    connection.enter(.readingRequest)
                    let deadline = headDeadline ?? .now + limits.requestTimeout
                    headDeadline = deadline
                    wait = deadline - .now
                }
                switch connection.receive(timeoutMilliseconds: HTTPServer.milliseconds(wait)) {
                case .bytes(let bytes):
                    buffer += bytes
                case .timedOut where !buffer.isEmpty:
                    refuse(connection, .requestTimeout, "408 Request Timeout: the request did not arrive within \(limits.requestTimeout)")
                    return
                case .timedOut, .closed:
                    return
                }
            case .failure(let error):
                refuse(connection, error.status, error.status.description)
                return
            case .request(let request, let headLength, let bodyLength):
                connection.enter(.readingRequest)
                buffer.removeFirst(headLength)
                headDeadline = nil
                switch hostPolicy.decide(hostHeader: request.header("host"), version: request.version) {
                case .allowed:
                    break
                case .malformed:
                    refuse(connection, .badRequest, "400 Bad Request: a request needs a Host header naming this server", request: request)
                    return
                case .refused:
                    let host = request.header("host") ?? ""
                    let (isNew, handler) = lock.withLock { (refusedHosts.count < 100 && refusedHosts.insert(host).inserted, refusedHostHandler) }
                    if isNew { handler?(host) }
                    refuse(connection, .misdirectedRequest, HTTPServer.misdirectedText(host, policy: hostPolicy), request: request)
                    return
                }
                guard bodyLength <= limits.maximumBodyBytes else {
                    refuse(connection, .contentTooLarge, "413 Content Too Large: this preview server reads request bodies of at most \(limits.maximumBodyBytes) bytes", request: request)
                    return
                }
                let bodyDeadline = ContinuousClock.now + limits.requestTimeout
                while buffer.count < bodyLength {
                    switch connection.receive(timeoutMilliseconds: HTTPServer.milliseconds(bodyDeadline - .now)) {
                    case .bytes(let bytes):
                        buffer += bytes
                    case .timedOut:
                        refuse(connection, .requestTimeout, "408 Request Timeout: the request body did not arrive within \(limits.requestTimeout)", request: request)
                        return
                    case .closed:
                        return
                    }
                }
                buffer.removeFirst(bodyLength)
                connection.enter(.responding)
                let response = handler(request)
                switch response.body {
                case .bytes:
                    let keepAlive = request.wantsKeepAlive && !isStopping
                    guard connection.send(response.serialized(keepAlive: keepAlive, includeBody: request.method != "HEAD")), keepAlive else { return }
                case .eventStream(let open):
                    guard connection.send(response.head(keepAlive: true)) else { return }
                    connection.enter(.streaming)
                    streamEvents(on: connection, open: open)
                    return
                }
            }
        }
    }

    /// Answers with an error (its text as the body) and closes the connection, letting
    /// the client finish sending first so that it can read the answer.
    private func refuse(_ connection: SocketConnection, _ status: HTTPStatus, _ text: String, request: HTTPRequest? = nil) {
        let response = HTTPResponse.text(status, text)
        connection.send(response.serialized(keepAlive: false, includeBody: request?.method != "HEAD"))
        connection.finishAfterResponse(lingering: 1000)
    }

    static func misdirectedText(_ host: String, policy: HostPolicy) -> String {
        let shown = String(HTTPResponse.sanitised(host).unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(100))
        return "421 Misdirected Request: this preview server does not answer to the name '\(shown)'. "
            + "Open it as \(policy.answeredExamples.map { "http://" + $0 + "/" }.joined(separator: " or ")). "
            + "(Requests under other names are refused so that web pages cannot reach it through DNS rebinding; "
            + "pass --host to serve on another address.)"
    }

    /// A poll timeout: at least 1 ms (0 would not wait), at most Int32's range.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }

    /// Keeps an event stream open until the client goes away or the server stops;
    /// events are sent by whoever `open` hands the stream to.
    private func streamEvents(on connection: SocketConnection, open: @Sendable (EventStream) -> Void) {
        let stream = EventStream(connection: connection)
        defer { stream.markClosed() }
        open(stream)
        while stream.isOpen, !isStopping {
            switch connection.receive(timeoutMilliseconds: HTTPServer.milliseconds(limits.eventStreamPing)) {
            case .timedOut:
                if !stream.sendComment("ping") { return }
            case .closed:
                return
            case .bytes:
                continue // a browser sends nothing more on an event stream; ignore it
            }
        }
    }
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
#endif
