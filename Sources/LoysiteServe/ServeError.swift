import Foundation

/// Why `loysite serve` could not start or keep serving. Each description is a whole
/// sentence for the terminal, saying what to do about it.
package enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--host` is neither an IPv4/IPv6 literal nor `localhost`.
    case invalidHost(String)
    /// The port is outside 0…65535.
    case invalidPort(Int)
    /// Another program listens on the port, or the address is not on this machine.
    case cannotListen(host: String, port: Int, reason: String)
    /// The temporary folder the preview site is built into could not be made.
    case cannotCreateOutput(path: String, reason: String)

    package var description: String {
        switch self {
        case .invalidHost(let host):
            return "cannot serve on '\(host)': give an IP address such as 127.0.0.1 or ::1, or localhost"
        case .invalidPort(let port):
            return "cannot serve on port \(port): a port is a number from 1 to 65535 (0 picks a free one)"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason); is another server running there? Pass --port to choose another port"
        case .cannotCreateOutput(let path, let reason):
            return "cannot create the preview folder \(path): \(reason)"
        }
    }
}
