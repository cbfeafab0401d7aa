import Foundation

/// The HTTP status codes the preview server answers with.
public struct HTTPStatus: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var reason: String

    public init(_ code: Int, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public static let ok = HTTPStatus(200, "OK")
    public static let movedPermanently = HTTPStatus(301, "Moved Permanently")
    public static let badRequest = HTTPStatus(400, "Bad Request")
    public static let forbidden = HTTPStatus(403, "Forbidden")
    public static let notFound = HTTPStatus(404, "Not Found")
    public static let methodNotAllowed = HTTPStatus(405, "Method Not Allowed")
    public static let requestTimeout = HTTPStatus(408, "Request Timeout")
    public static let contentTooLarge = HTTPStatus(413, "Content Too Large")
    public static let misdirectedRequest = HTTPStatus(421, "Misdirected Request")
    public static let requestHeaderFieldsTooLarge = HTTPStatus(431, "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(500, "Internal Server Error")
    public static let notImplemented = HTTPStatus(501, "Not Implemented")
    public static let serviceUnavailable = HTTPStatus(503, "Service Unavailable")
    public static let httpVersionNotSupported = HTTPStatus(505, "HTTP Version Not Supported")

    public var description: String { "\(code) \(reason)" }
}

/// What the server sends back: a status, headers, and either bytes or an event
/// stream that stays open (live reload's Server-Sent Events).
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// Headers are sent at once; then `open` is called with the stream, which the
        /// caller keeps to send events until the client goes away.
        case eventStream(open: @Sendable (EventStream) -> Void)
    }

    public var status: HTTPStatus
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response, for errors that have no page of their own.
    public static func text(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Data((text + "\n").utf8)))
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The status line and headers, ending with the blank line. `Content-Length` is
    /// added for byte bodies (also for HEAD, which then sends no body).
    func head(keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers {
            text += "\(name): \(HTTPResponse.sanitised(value))\r\n"
        }
        switch body {
        case .bytes(let data):
            text += "Content-Length: \(data.count)\r\n"
            text += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        case .eventStream:
            text += "Connection: keep-alive\r\n"
        }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// The whole response as sent: head, then the body unless `includeBody` is false
    /// (HEAD). An event stream's head only; its events follow later.
    func serialized(keepAlive: Bool, includeBody: Bool = true) -> Data {
        var data = head(keepAlive: keepAlive)
        if includeBody, case .bytes(let body) = body { data += body }
        return data
    }

    /// Header values never contain line breaks (no response splitting, whatever a path holds).
    static func sanitised(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }
}
