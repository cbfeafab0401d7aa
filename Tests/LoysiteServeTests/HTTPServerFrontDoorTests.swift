import Foundation
import LoysiteServe
import LoysiteTesting
import Testing

/// The preview server's front door, on real sockets on 127.0.0.1: which `Host` it
/// answers, how it holds slow and idle connections to deadlines instead of a count,
/// and that every refusal carries its body. Each test's loops stop by themselves.
@Suite(.serialized) struct HTTPServerFrontDoorTests {
    /// A server whose handler answers `ok` (and an event stream at `/events`), with
    /// short deadlines so the tests take seconds.
    func withServer(_ limits: HTTPServer.Limits = HTTPServerFrontDoorTests.shortLimits, handler: HTTPServer.Handler? = nil,
                    _ body: (HTTPServer, HTTPTestClient) throws -> Void) throws {
        let server = try HTTPServer(host: "127.0.0.1", port: 0, limits: limits, handler: handler ?? { request in
            if request.path == "/events" {
                return HTTPResponse(status: .ok, headers: [("Content-Type", "text/event-stream")], body: .eventStream(open: { stream in stream.sendComment("hello") }))
            }
            return HTTPResponse.text(.ok, "ok")
        })
        server.start()
        defer { server.stop() }
        try body(server, HTTPTestClient(port: server.port))
    }

    static var shortLimits: HTTPServer.Limits {
        var limits = HTTPServer.Limits()
        limits.requestTimeout = .seconds(1)
        limits.idleTimeout = .seconds(30)
        return limits
    }

    func get(_ client: HTTPTestClient, host: String?, version: String = "HTTP/1.1", path: String = "/") throws -> HTTPTestClient.Response {
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        return try client.send("GET \(path) \(version)\r\n\(hostLine)Connection: close\r\n\r\n")
    }

    /// The body is all there and `Content-Length` says how long it is.
    func expectWholeBody(_ response: HTTPTestClient.Response, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!response.body.isEmpty, sourceLocation: sourceLocation)
        #expect(response.header("content-length") == String(response.body.count), sourceLocation: sourceLocation)
    }

    @Test func answersLoopbackNamesAndItsOwnAddressWithItsPort() throws {
        try withServer { server, client in
            let port = server.port
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)", "127.0.0.2:\(port)", "app.localhost:\(port)", "localhost.:\(port)"] {
                let status = try get(client, host: host).status
                #expect(status == 200, "\(host)")
            }
            // HTTP/1.0 clients may leave Host out; browsers never do.
            let withoutHost = try get(client, host: nil, version: "HTTP/1.0").status
            #expect(withoutHost == 200)
        }
    }

    @Test func refusesOtherNamesAndPortsWithABody() throws {
        try withServer { server, client in
            let port = server.port
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.nip.io:\(port)", "localhost:\(port + 1)", "localhost", "192.168.1.20:\(port)", "localhost.evil.example:\(port)"] {
                let response = try get(client, host: host)
                #expect(response.status == 421, "\(host)")
                #expect(response.text.contains("DNS rebinding"), "\(host)")
                #expect(response.text.contains("http://localhost:\(port)/"))
                expectWholeBody(response)
            }
            // The live-reload stream is behind the same door.
            let stream = try get(client, host: "evil.example:\(port)", path: "/events")
            #expect(stream.status == 421)
            let missing = try get(client, host: nil)
            #expect(missing.status == 400)
            expectWholeBody(missing)
            for malformed in ["evil example", "a@b:\(port)", "localhost:port", "[::1", ""] {
                let status = try get(client, host: malformed).status
                #expect(status == 400, "\(malformed)")
            }
        }
    }

    @Test func aWildcardAddressAnswersAddressLiteralsAndTheMachinesName() {
        let policy = HostPolicy(listenHost: "0.0.0.0", port: 8000, machineName: "devbox")
        for host in ["192.168.1.20:8000", "[fe80::1]:8000", "devbox:8000", "devbox.local:8000", "localhost:8000"] {
            #expect(policy.decide(hostHeader: host, version: "HTTP/1.1") == .allowed, "\(host)")
        }
        for host in ["evil.example:8000", "192.168.1.20:9000"] {
            #expect(policy.decide(hostHeader: host, version: "HTTP/1.1") == .refused, "\(host)")
        }
        let lan = HostPolicy(listenHost: "192.168.1.20", port: 8000, machineName: "devbox")
        #expect(lan.decide(hostHeader: "192.168.1.20:8000", version: "HTTP/1.1") == .allowed)
        #expect(lan.decide(hostHeader: "192.168.1.21:8000", version: "HTTP/1.1") == .refused)
        #expect(lan.decide(hostHeader: "devbox:8000", version: "HTTP/1.1") == .refused, "only a wildcard address widens to the machine's name")
        let port80 = HostPolicy(listenHost: "127.0.0.1", port: 80)
        #expect(port80.decide(hostHeader: "localhost", version: "HTTP/1.1") == .allowed)
    }

    @Test func aSlowlorisClientIsDroppedAfterTheRequestDeadline() throws {
        try withServer { server, _ in
            let socket = try TestSocket(port: server.port)
            defer { socket.close() }
            let started = Date()
            try socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n")
            var received = Data()
            var closed = false
            // One header byte every 100 ms, for at most 5 s: the deadline is 1 s.
            for index in 0..<50 where !closed {
                try? socket.write(index % 2 == 0 ? "X" : "\r\n")
                if let chunk = socket.read(timeoutMilliseconds: 100) {
                    if chunk.isEmpty { closed = true } else { received.append(chunk) }
                }
            }
            if !closed { closed = socket.readToEnd(timeout: 2).closed }
            let elapsed = Date().timeIntervalSince(started)
            #expect(closed)
            #expect(elapsed < 4, "dropped after \(elapsed) s")
            let response = try HTTPTestClient.parse(received, expectBody: true, closed: true)
            #expect(response?.status == 408)
            if let response { expectWholeBody(response) }
        }
    }

    @Test func twoHundredIdleSlowAndStreamingConnectionsDoNotBlockAnotherRequest() throws {
        // A table of 150 so that room has to be made: the defaults would simply admit all.
        var limits = HTTPServerFrontDoorTests.shortLimits
        limits.maximumConnections = 150
        limits.requestTimeout = .seconds(30)
        try withServer(limits) { server, client in
            var sockets: [TestSocket] = []
            defer { sockets.forEach { $0.close() } }
            for index in 0..<200 {
                let socket = try TestSocket(port: server.port)
                switch index % 3 {
                case 0: break // idle: connected, nothing sent
                case 1: try socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nX-Slow: ") // a head that never ends
                default: try socket.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n") // a tab's event stream
                }
                sockets.append(socket)
            }
            Thread.sleep(forTimeInterval: 0.3)
            for _ in 0..<20 {
                let response = try client.request("/")
                #expect(response.status == 200)
                #expect(response.text == "ok\n")
            }
        }
    }

    @Test func twoHundredEventStreamsWithTheDefaultLimitsLeaveRoomForPages() throws {
        try withServer(HTTPServer.Limits()) { server, client in
            var readers: [EventStreamReader] = []
            defer { readers.forEach { $0.close() } }
            for _ in 0..<200 { readers.append(try client.openEventStream(path: "/events")) }
            try readers.last?.waitFor("hello")
            let status = try client.request("/").status
            #expect(status == 200)
        }
    }

    @Test func whenEveryConnectionIsBeingAnsweredTheRefusalHasItsBody() throws {
        var limits = HTTPServerFrontDoorTests.shortLimits
        limits.maximumConnections = 1
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        try withServer(limits, handler: { request in
            if request.path == "/slow" {
                entered.signal()
                _ = release.wait(timeout: .now() + 5)
            }
            return HTTPResponse.text(.ok, "ok")
        }) { server, client in
            let slow = try TestSocket(port: server.port)
            defer { slow.close() }
            try slow.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n\r\n")
            #expect(entered.wait(timeout: .now() + 5) == .success)
            let refused = try client.request("/")
            release.signal()
            #expect(refused.status == 503)
            expectWholeBody(refused)
            #expect(refused.text.contains("try again"))
            let answered = try HTTPTestClient.parse(slow.readToEnd(timeout: 5).data, expectBody: true, closed: true)
            #expect(answered?.status == 200)
        }
    }

    @Test func anOversizedBodyIsAnswered413() throws {
        try withServer { server, _ in
            let socket = try TestSocket(port: server.port)
            defer { socket.close() }
            let size = 2 << 20
            try socket.write("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Length: \(size)\r\n\r\n")
            // The client keeps sending its body; the answer must still reach it.
            let chunk = String(repeating: "x", count: 64 * 1024)
            for _ in 0..<(size / chunk.utf8.count) { try? socket.write(chunk) }
            let (data, closed) = socket.readToEnd(timeout: 5)
            #expect(closed)
            let response = try HTTPTestClient.parse(data, expectBody: true, closed: true)
            #expect(response?.status == 413)
            if let response {
                expectWholeBody(response)
                #expect(response.text.contains("at most 1048576 bytes"))
            }
        }
    }

    @Test func aBodyWithinTheLimitIsReadAndTheConnectionKeptAlive() throws {
        try withServer { server, _ in
            let socket = try TestSocket(port: server.port)
            defer { socket.close() }
            let body = String(repeating: "y", count: 1000)
            try socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Length: 1000\r\n\r\n\(body)GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n\r\n")
            let text = String(decoding: socket.readToEnd(timeout: 5).data, as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        }
    }
}
