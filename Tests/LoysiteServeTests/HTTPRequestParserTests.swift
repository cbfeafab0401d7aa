import Foundation
@testable import LoysiteServe
import Testing

@Suite struct HTTPRequestParserTests {
    func parse(_ text: String) -> HTTPRequestParser.Outcome {
        HTTPRequestParser.parse(Array(text.utf8))
    }

    @Test func readsARequestLineAndHeaders() throws {
        let text = "GET /glossary/nps/?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept:  text/html \r\n\r\n"
        guard case .request(let request, let headLength, let bodyLength) = parse(text) else {
            Issue.record("not parsed: \(parse(text))")
            return
        }
        #expect(request.method == "GET")
        #expect(request.target == "/glossary/nps/?q=1")
        #expect(request.path == "/glossary/nps/")
        #expect(request.query == "?q=1")
        #expect(request.header("ACCEPT") == "text/html")
        #expect(request.header("host") == "127.0.0.1")
        #expect(headLength == text.utf8.count)
        #expect(bodyLength == 0)
        #expect(request.wantsKeepAlive)
    }

    @Test func acceptsBareLineFeedsAndLeadingBlankLines() {
        guard case .request(let request, _, _) = parse("\r\nHEAD / HTTP/1.0\nConnection: keep-alive\n\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.method == "HEAD")
        #expect(request.version == "HTTP/1.0")
        #expect(request.wantsKeepAlive)
    }

    @Test func waitsForTheWholeHead() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .needMoreData)
        #expect(parse("") == .needMoreData)
    }

    @Test func leavesPipelinedRequestsForLater() {
        let first = "GET /a HTTP/1.1\r\n\r\n"
        guard case .request(let request, let headLength, _) = parse(first + "GET /b HTTP/1.1\r\n\r\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.path == "/a")
        #expect(headLength == first.utf8.count)
    }

    @Test func reportsTheBodyLengthToDiscard() {
        guard case .request(_, _, let bodyLength) = parse("GET / HTTP/1.1\r\nContent-Length: 12\r\n\r\nhello world!") else {
            Issue.record("not parsed")
            return
        }
        #expect(bodyLength == 12)
    }

    @Test func refusesWhatItCannotServe() {
        #expect(parse("GARBAGE\r\n\r\n") == .failure(.malformed("request line 'GARBAGE'")))
        #expect(parse("GET / HTTP/2.0\r\n\r\n") == .failure(.unsupportedVersion("HTTP/2.0")))
        #expect(parse("GET / HTTP/1.1\r\nno colon here\r\n\r\n") == .failure(.malformed("header line 'no colon here'")))
        #expect(parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == .failure(.unsupportedTransferEncoding))
        #expect(parse("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == .failure(.malformed("Content-Length '-1'")))
        let huge = "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: HTTPRequestParser.maximumHeaderBytes) + "\r\n"
        #expect(parse(huge) == .failure(.headersTooLarge))
        #expect(HTTPRequestError.headersTooLarge.status.code == 431)
        #expect(HTTPRequestError.unsupportedTransferEncoding.status.code == 501)
    }

    @Test func connectionCloseEndsKeepAlive() {
        #expect(!HTTPRequest(method: "GET", target: "/", headers: [("connection", "close")]).wantsKeepAlive)
        #expect(!HTTPRequest(method: "GET", target: "/", version: "HTTP/1.0").wantsKeepAlive)
    }

    @Test func absoluteFormTargetsAreReducedToTheirPath() {
        #expect(HTTPRequest(method: "GET", target: "http://127.0.0.1:8000/reports/?x").path == "/reports/")
        #expect(HTTPRequest(method: "GET", target: "http://127.0.0.1:8000").path == "/")
    }

    @Test func responseHeadersCannotBeSplit() {
        let response = HTTPResponse(status: .movedPermanently, headers: [("Location", "/a\r\nSet-Cookie: x=1")])
        let head = String(decoding: response.head(keepAlive: false), as: UTF8.self)
        #expect(head.contains("Location: /aSet-Cookie: x=1\r\n"))
        #expect(!head.contains("\r\nSet-Cookie"))
        #expect(head.hasPrefix("HTTP/1.1 301 Moved Permanently\r\n"))
        #expect(head.contains("Content-Length: 0\r\n"))
        #expect(head.hasSuffix("Connection: close\r\n\r\n"))
    }
}
