/// One HTTP/1.x request as the preview server sees it: a request line and headers.
/// Request bodies are read and dropped (a static site has nothing to post to).
package struct HTTPRequest: Sendable, Equatable {
    package var method: String
    /// The request target exactly as sent, e.g. `/glossary/nps/?q=1` (still percent-encoded).
    package var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    package var version: String
    /// Header fields in order, names lower-cased.
    package var headers: [(name: String, value: String)]

    package init(method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    package static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The path part of the target, still percent-encoded: the query is dropped, and
    /// an absolute-form target (`http://host/path`, sent to proxies) is reduced to its path.
    package var path: String {
        var text = Substring(target)
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<query] }
        if !text.hasPrefix("/"), let scheme = text.range(of: "://") {
            let afterHost = text[scheme.upperBound...].firstIndex(of: "/")
            text = afterHost.map { text[$0...] } ?? "/"
        }
        return String(text)
    }

    /// The query string including its `?`, or empty.
    package var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[mark...])
    }

    /// Whether the client wants the connection kept open after the response
    /// (HTTP/1.1 unless it says `close`; HTTP/1.0 only if it says `keep-alive`).
    package var wantsKeepAlive: Bool {
        let connection = header("connection")?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }
}

/// Why a request could not be read; each maps to the status the server answers with.
package enum HTTPRequestError: Error, Sendable, Equatable {
    /// Not `METHOD SP target SP HTTP/1.x`, or a header line without a colon.
    case malformed(String)
    /// The request line and headers are longer than `HTTPRequestParser.maximumHeaderBytes`.
    case headersTooLarge
    /// `Transfer-Encoding` (chunked bodies) is not supported by this small server.
    case unsupportedTransferEncoding
    /// An HTTP version other than 1.0 and 1.1.
    case unsupportedVersion(String)

    package var status: HTTPStatus {
        switch self {
        case .malformed: return .badRequest
        case .headersTooLarge: return .requestHeaderFieldsTooLarge
        case .unsupportedTransferEncoding: return .notImplemented
        case .unsupportedVersion: return .httpVersionNotSupported
        }
    }
}

/// Finds and parses request heads in a byte buffer that a connection fills as data
/// arrives, so several pipelined requests in one read are handled in order.
package enum HTTPRequestParser {
    /// Longest accepted request head; browsers send well under 8 KiB.
    package static let maximumHeaderBytes = 32 * 1024

    /// The outcome of looking at the start of a buffer.
    package enum Outcome: Equatable {
        /// The head is not complete yet; read more.
        case needMoreData
        /// A request, the number of head bytes it used, and the length of the body that follows.
        case request(HTTPRequest, headLength: Int, bodyLength: Int)
        case failure(HTTPRequestError)
    }

    package static func parse(_ buffer: [UInt8]) -> Outcome {
        guard let end = headEnd(in: buffer) else {
            return buffer.count > maximumHeaderBytes ? .failure(.headersTooLarge) : .needMoreData
        }
        guard end.head <= maximumHeaderBytes else { return .failure(.headersTooLarge) }
        let text = String(decoding: buffer[..<end.head], as: UTF8.self)
        // "\r\n" is one Character in Swift, so split on both spellings of a line end.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        // RFC 9112 §2.2: ignore empty lines before the request line.
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { return .failure(.malformed("empty request")) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(.malformed("request line '\(requestLine.prefix(100))'"))
        }
        let version = String(parts[2])
        guard version.hasPrefix("HTTP/") else { return .failure(.malformed("request line '\(requestLine.prefix(100))'")) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .failure(.unsupportedVersion(version)) }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .failure(.malformed("header line '\(line.prefix(100))'"))
            }
            let name = line[..<colon].lowercased()
            guard !name.contains(" "), !name.contains("\t") else { return .failure(.malformed("header name '\(name.prefix(100))'")) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            headers.append((name, value))
        }
        let request = HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: version, headers: headers)
        if request.header("transfer-encoding") != nil { return .failure(.unsupportedTransferEncoding) }
        var bodyLength = 0
        if let length = request.header("content-length") {
            guard let value = Int(length), value >= 0 else { return .failure(.malformed("Content-Length '\(length.prefix(40))'")) }
            bodyLength = value
        }
        return .request(request, headLength: end.total, bodyLength: bodyLength)
    }

    /// Where the blank line ending the head is: `head` is the length without it,
    /// `total` the length with it. Accepts bare `\n` line ends, as RFC 9112 allows.
    static func headEnd(in buffer: [UInt8]) -> (head: Int, total: Int)? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
