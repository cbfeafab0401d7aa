import Foundation

/// An open Server-Sent Events response (`text/event-stream`): the live-reload channel
/// to one browser tab. Sending on a stream whose tab has gone returns false.
package final class EventStream: @unchecked Sendable {
    private let connection: SocketConnection?
    private let lock = NSLock()
    private var open = true
    /// For tests and tools: every event sent, when the stream has no socket.
    private var recorded: [String] = []

    init(connection: SocketConnection) {
        self.connection = connection
    }

    /// A stream that records what it is sent instead of writing to a socket.
    package init() {
        self.connection = nil
    }

    package var isOpen: Bool { lock.withLock { open } }

    /// The raw text sent so far (only for a recording stream).
    package var sentText: String { lock.withLock { recorded.joined() } }

    /// Sends one event; `data` may hold several lines (each becomes a `data:` line).
    @discardableResult
    package func send(event: String, data: String) -> Bool {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return write(text + "\n")
    }

    /// Sends a comment line, which clients ignore: a keep-alive that also finds out
    /// whether the tab is still there.
    @discardableResult
    package func sendComment(_ text: String) -> Bool {
        write(": \(text)\n\n")
    }

    /// Marks the stream closed; later sends fail.
    func markClosed() {
        lock.withLock { open = false }
    }

    private func write(_ text: String) -> Bool {
        guard isOpen else { return false }
        guard let connection else {
            lock.withLock { recorded.append(text) }
            return true
        }
        if connection.send(Data(text.utf8)) { return true }
        markClosed()
        return false
    }
}
