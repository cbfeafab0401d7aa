import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 client for tests of `loysite serve`: sends exactly the request line it
/// is given (no normalising of `..` or `%2e%2e`, unlike URLSession or curl), only to
/// 127.0.0.1, with every wait bounded by a timeout.
public struct HTTPTestClient {
    public struct Response {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotConnect(port: Int, errno: Int32)
        case timedOut(String)
        case malformed(String)

        public var description: String {
            switch self {
            case .cannotConnect(let port, let code): return "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(code)))"
            case .timedOut(let what): return "timed out waiting for \(what)"
            case .malformed(let what): return "malformed response: \(what)"
            }
        }
    }

    public let port: Int
    public var timeout: TimeInterval

    public init(port: Int, timeout: TimeInterval = 5) {
        self.port = port
        self.timeout = timeout
    }

    /// Sends `METHOD target HTTP/1.1` with `Connection: close` and reads the whole response.
    public func request(_ target: String, method: String = "GET", headers: [String] = []) throws -> Response {
        let raw = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n" + headers.map { $0 + "\r\n" }.joined() + "Connection: close\r\n\r\n"
        return try send(raw, expectBody: method != "HEAD")
    }

    /// Sends raw bytes and reads one response (until the connection closes, or the
    /// Content-Length is reached).
    public func send(_ raw: String, expectBody: Bool = true) throws -> Response {
        let socket = try TestSocket(port: port)
        defer { socket.close() }
        try socket.write(raw)
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = Data()
        while true {
            if let response = try HTTPTestClient.parse(buffer, expectBody: expectBody) { return response }
            guard Date() < deadline else { throw Failure.timedOut("a response to \(raw.prefix(60))") }
            switch socket.read(timeoutMilliseconds: 200) {
            case .some(let chunk) where chunk.isEmpty:
                if let response = try HTTPTestClient.parse(buffer, expectBody: expectBody, closed: true) { return response }
                throw Failure.malformed("connection closed after \(buffer.count) bytes")
            case .some(let chunk): buffer.append(chunk)
            case .none: continue
            }
        }
    }

    /// Parses a complete response, or returns nil if more bytes are needed.
    public static func parse(_ data: Data, expectBody: Bool, closed: Bool = false) throws -> Response? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(head) }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        if !expectBody { return Response(status: status, headers: headers, body: Data()) }
        if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { return nil }
            return Response(status: status, headers: headers, body: Data(body.prefix(length)))
        }
        return closed ? Response(status: status, headers: headers, body: Data(body)) : nil
    }

    /// Opens `/__loysite/events` and keeps reading, so a test can wait for events.
    public func openEventStream(path: String = "/__loysite/events") throws -> EventStreamReader {
        let socket = try TestSocket(port: port)
        try socket.write("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return EventStreamReader(socket: socket)
    }
}

/// Reads a Server-Sent Events response as it arrives.
public final class EventStreamReader {
    let socket: TestSocket
    public private(set) var received = ""

    init(socket: TestSocket) {
        self.socket = socket
    }

    /// Waits until the text received so far contains `text`; returns everything received.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 5) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !received.contains(text) {
            guard Date() < deadline else { throw HTTPTestClient.Failure.timedOut("'\(text)' in the event stream; got: \(received)") }
            if let chunk = socket.read(timeoutMilliseconds: 100) {
                if chunk.isEmpty { throw HTTPTestClient.Failure.malformed("event stream closed; got: \(received)") }
                received += String(decoding: chunk, as: UTF8.self)
            }
        }
        return received
    }

    /// Whether the server has closed the stream (waits up to `timeout`).
    public func waitForClose(timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let chunk = socket.read(timeoutMilliseconds: 100) {
                if chunk.isEmpty { return true }
                received += String(decoding: chunk, as: UTF8.self)
            }
        }
        return false
    }

    public func close() {
        socket.close()
    }
}

/// A blocking TCP socket to 127.0.0.1 with poll-bounded reads.
public final class TestSocket {
    public let descriptor: Int32
    private var closed = false

    public init(port: Int) throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            closeDescriptor(descriptor)
            throw HTTPTestClient.Failure.cannotConnect(port: port, errno: code)
        }
        self.descriptor = descriptor
    }

    deinit { close() }

    public func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { throw HTTPTestClient.Failure.malformed("send failed") }
            offset += sent
        }
    }

    /// Bytes that arrived within the timeout; empty data when the peer closed; nil on timeout.
    public func read(timeoutMilliseconds: Int32) -> Data? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count <= 0 ? Data() : Data(chunk[..<count])
    }

    public func close() {
        guard !closed else { return }
        closed = true
        closeDescriptor(descriptor)
    }

    /// Reads until the peer closes or `timeout` passes; returns what arrived and whether it closed.
    public func readToEnd(timeout: TimeInterval) -> (data: Data, closed: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        while Date() < deadline {
            guard let chunk = read(timeoutMilliseconds: 50) else { continue }
            if chunk.isEmpty { return (data, true) }
            data.append(chunk)
        }
        return (data, false)
    }
}

#if canImport(Glibc)
private let noSignal = Int32(MSG_NOSIGNAL)
#else
private let noSignal: Int32 = 0
#endif

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
