import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets, one thread per connection.
///
/// Written by hand rather than taken from swift-nio, Hummingbird or FlyingFox: the
/// preview server only answers GET and HEAD from a browser on the same machine, and
/// this is a few hundred lines where those packages add 10 s to 160 s to every clean
/// build (CI builds from scratch each run). It supports keep-alive, pipelined
/// requests, HEAD, and long-lived Server-Sent Events responses; it does not support
/// request bodies beyond discarding them, chunked uploads or TLS.
public final class HTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The address it listens on, as given (`127.0.0.1`, `::1`).
    public let host: String
    /// The port it listens on; the one the system picked when asked for port 0.
    public let port: Int
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: SocketConnection] = [:]
    private var started = false
    private var stopping = false
    private let acceptLoopFinished = DispatchSemaphore(value: 0)

    /// Most connections served at once; more are answered 503 and closed.
    static let maximumConnections = 200
    /// How long a kept-alive connection may sit idle before it is closed.
    static let idleTimeoutMilliseconds: Int32 = 15_000
    /// How often an idle event stream is pinged, to notice tabs that have gone.
    static let eventStreamPingMilliseconds: Int32 = 15_000
    /// Largest request body read (and dropped) before the connection is closed.
    static let maximumBodyBytes = 1 << 20

    /// Binds and listens at once, so a taken port is reported before anything else
    /// happens; connections wait in the backlog until `start()`.
    public init(host: String, port: Int, handler: @escaping Handler) throws(ServeError) {
        guard (0...65535).contains(port) else { throw .invalidPort(port) }
        self.host = host
        self.handler = handler
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
    }

    deinit {
        stop()
    }

    /// Whether `host` names this machine only (127.0.0.0/8, ::1, localhost): anything
    /// else exposes the preview to the network.
    public static func isLoopback(_ host: String) -> Bool {
        SocketAddress.isLoopback(host)
    }

    /// `http://127.0.0.1:8000/` (IPv6 hosts in brackets).
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }

    /// Starts accepting connections on a thread of its own.
    public func start() {
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
    public func stop() {
        enum Stop { case alreadyStopping, waitForAcceptLoop, closeListener }
        let (action, open) = lock.withLock { () -> (Stop, [SocketConnection]) in
            if stopping { return (.alreadyStopping, []) }
            stopping = true
            return (started ? .waitForAcceptLoop : .closeListener, Array(connections.values))
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
            guard descriptor >= 0 else { continue }
            let connection = SocketConnection(descriptor: descriptor)
            let admitted = lock.withLock { () -> Bool in
                guard !stopping, connections.count < HTTPServer.maximumConnections else { return false }
                connections[ObjectIdentifier(connection)] = connection
                return true
            }
            guard admitted else {
                connection.send(HTTPResponse.text(.serviceUnavailable, "Too many connections").head(keepAlive: false))
                connection.close()
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                lock.withLock { _ = connections.removeValue(forKey: ObjectIdentifier(connection)) }
                connection.close()
            }
            thread.name = "loysite-serve-connection"
            thread.start()
        }
        _ = systemClose(listener)
        acceptLoopFinished.signal()
    }

    /// Reads requests from one connection and answers them until it closes.
    private func serve(_ connection: SocketConnection) {
        var buffer: [UInt8] = []
        while !isStopping {
            switch HTTPRequestParser.parse(buffer) {
            case .needMoreData:
                switch connection.receive(timeoutMilliseconds: HTTPServer.idleTimeoutMilliseconds) {
                case .bytes(let bytes): buffer += bytes
                case .timedOut, .closed: return
                }
            case .failure(let error):
                let response = HTTPResponse.text(error.status, error.status.description)
                connection.send(response.head(keepAlive: false) + HTTPServer.bodyData(response))
                return
            case .request(let request, let headLength, let bodyLength):
                buffer.removeFirst(headLength)
                guard bodyLength <= HTTPServer.maximumBodyBytes else { return }
                while buffer.count < bodyLength {
                    guard case .bytes(let bytes) = connection.receive(timeoutMilliseconds: HTTPServer.idleTimeoutMilliseconds) else { return }
                    buffer += bytes
                }
                buffer.removeFirst(bodyLength)
                let response = handler(request)
                switch response.body {
                case .bytes(let data):
                    let keepAlive = request.wantsKeepAlive && !isStopping
                    let body = request.method == "HEAD" ? Data() : data
                    guard connection.send(response.head(keepAlive: keepAlive) + body), keepAlive else { return }
                case .eventStream(let open):
                    guard connection.send(response.head(keepAlive: true)) else { return }
                    streamEvents(on: connection, open: open)
                    return
                }
            }
        }
    }

    /// Keeps an event stream open until the client goes away or the server stops;
    /// events are sent by whoever `open` hands the stream to.
    private func streamEvents(on connection: SocketConnection, open: @Sendable (EventStream) -> Void) {
        let stream = EventStream(connection: connection)
        defer { stream.markClosed() }
        open(stream)
        while stream.isOpen, !isStopping {
            switch connection.receive(timeoutMilliseconds: HTTPServer.eventStreamPingMilliseconds) {
            case .timedOut:
                if !stream.sendComment("ping") { return }
            case .closed:
                return
            case .bytes:
                continue // a browser sends nothing more on an event stream; ignore it
            }
        }
    }

    static func bodyData(_ response: HTTPResponse) -> Data {
        if case .bytes(let data) = response.body { return data }
        return Data()
    }
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
#endif
