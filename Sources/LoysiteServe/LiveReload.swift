import Foundation
import LoysiteSupport

/// The live-reload channel: every open browser tab keeps a Server-Sent Events stream
/// to `/__loysite/events` and is told when the site was rebuilt (reload) or when a
/// rebuild failed (show the errors over the last good page).
///
/// Events (each `data` is one JSON object):
/// - `hello` on connect: `{"build": N, "errors": [...]}` — the tab compares N with the
///   build it was served from and reloads if it missed a rebuild;
/// - `reload` after a successful rebuild: `{"build": N}`;
/// - `build-error` after a failed one: `{"build": N, "errors": ["path:line:col: error: …"]}`,
///   N still naming the last good build.
package final class LiveReload: @unchecked Sendable {
    package static let eventsPath = "/__loysite/events"
    package static let scriptPath = "/__loysite/live-reload.js"

    private let lock = NSLock()
    private var streams: [EventStream] = []
    private var build = 0
    private var errors: [String] = []

    package init() {}

    /// The number of the last good build (0 before the first one).
    package var currentBuild: Int { lock.withLock { build } }

    /// The errors of the last build if it failed, else empty.
    package var currentErrors: [String] { lock.withLock { errors } }

    /// Tabs connected now.
    package var connectedCount: Int {
        lock.withLock {
            streams.removeAll { !$0.isOpen }
            return streams.count
        }
    }

    /// Adds a tab's stream and tells it the current state.
    package func open(_ stream: EventStream) {
        let state = lock.withLock { () -> JSONValue in
            streams.removeAll { !$0.isOpen }
            streams.append(stream)
            return LiveReload.state(build: build, errors: errors)
        }
        stream.send(event: "hello", data: state.serialized())
    }

    /// A rebuild succeeded: every tab reloads. Returns how many tabs were told.
    @discardableResult
    package func siteRebuilt(build number: Int) -> Int {
        lock.withLock {
            build = number
            errors = []
        }
        return broadcast(event: "reload", data: .object([("build", .int(number))]))
    }

    /// A rebuild failed: every tab shows `errors` over the page it has. Returns how many tabs were told.
    @discardableResult
    package func buildFailed(errors lines: [String]) -> Int {
        let state = lock.withLock { () -> JSONValue in
            errors = lines
            return LiveReload.state(build: build, errors: lines)
        }
        return broadcast(event: "build-error", data: state)
    }

    private func broadcast(event: String, data: JSONValue) -> Int {
        let targets = lock.withLock { streams }
        let text = data.serialized()
        var delivered = 0
        for stream in targets where stream.send(event: event, data: text) { delivered += 1 }
        lock.withLock { streams.removeAll { !$0.isOpen } }
        return delivered
    }

    static func state(build: Int, errors: [String]) -> JSONValue {
        .object([("build", .int(build)), ("errors", .array(errors.map { .string($0) }))])
    }
}
