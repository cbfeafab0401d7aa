import Foundation

/// The HTTP status codes the preview server answers with.
package struct HTTPStatus: Sendable, Equatable, CustomStringConvertible {
    package var code: Int
    package var reason: String

    package init(_ code: Int, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    package static let ok = HTTPStatus(200, "OK")
    package static let movedPermanently = HTTPStatus(301, "Moved Permanently")
    package static let badRequest = HTTPStatus(400, "Bad Request")
    package static let forbidden = HTTPStatus(403, "Forbidden")
    package static let notFound = HTTPStatus(404, "Not Found")
    package static let methodNotAllowed = HTTPStatus(405, "Method Not Allowed")
    package static let requestTimeout = HTTPStatus(408, "Request Timeout")
    package static let contentTooLarge = HTTPStatus(413, "Content Too Large")
    package static let misdirectedRequest = HTTPStatus(421, "Misdirected Request")
    package static let requestHeaderFieldsTooLarge = HTTPStatus(431, "Request Header Fields Too Large")
    package static let internalServerError = HTTPStatus(500, "Internal Server Error")
    package static let notImplemented = HTTPStatus(501, "Not Implemented")
    package static let serviceUnavailable = HTTPStatus(503, "Service Unavailable")
    package static let httpVersionNotSupported = HTTPStatus(505, "HTTP Version Not Supported")

    package var description: String { "\(code) \(reason)" }
}

/// What the server sends back: a status, headers, and either bytes or an event
/// stream that stays open (live reload's Server-Sent Events).
package struct HTTPResponse: Sendable {
    package enum Body: Sendable {
        case bytes(Data)
        /// Headers are sent at once; then `open` is called with the stream, which the
        /// caller keeps to send events until the client goes away.
        case eventStream(open: @Sendable (EventStream) -> Void)
    }

    package var status: HTTPStatus
    package var headers: [(name: String, value: String)]
    package var body: Body

    package init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response, for errors that have no page of their own.
    package static func text(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Data((text + "\n").utf8)))
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
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
