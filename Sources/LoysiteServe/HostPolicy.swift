import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` headers the preview server answers, so that a page on another website
/// cannot read the preview through DNS rebinding: such a page's requests reach
/// 127.0.0.1 under the attacker's own name (`Host: evil.example:8000`), and are refused.
///
/// Answered, always with the port the server listens on:
/// - the loopback names: `localhost`, any `*.localhost` (RFC 6761 reserves them for
///   this machine, so no one else's DNS can point them here), `127.0.0.1` and the rest
///   of 127.0.0.0/8, `[::1]`;
/// - the address given with `--host`;
/// - with a wildcard `--host` (`0.0.0.0`, `::`), any IP address literal and this
///   machine's own name (`gethostname`, and that name with `.local`): the user asked
///   for other machines to reach the preview, and an address literal cannot be
///   rebound. Other names are refused there too.
///
/// A request without `Host` is answered only for HTTP/1.0 (browsers always send it;
/// HTTP/1.1 requires it, RFC 9112 §3.2).
package struct HostPolicy: Sendable, Equatable {
    /// The address the server listens on, as `--host` gave it.
    package let listenHost: String
    package let port: Int
    /// Lower-cased host names (without port) answered besides the loopback ones.
    let extraNames: Set<String>
    let acceptsAnyAddressLiteral: Bool

    package init(listenHost: String, port: Int, machineName: String? = HostPolicy.machineName()) {
        self.listenHost = listenHost
        self.port = port
        let bare = HostPolicy.unbracketed(listenHost.lowercased())
        let wildcard = bare == "0.0.0.0" || bare == "::" || bare == "0:0:0:0:0:0:0:0"
        acceptsAnyAddressLiteral = wildcard
        var names: Set<String> = [bare]
        if wildcard, let machineName, !machineName.isEmpty {
            let name = machineName.lowercased()
            names.insert(name)
            if !name.hasSuffix(".local") { names.insert(name + ".local") }
        }
        extraNames = names
    }

    /// The decision for one request.
    package enum Decision: Equatable, Sendable {
        case allowed
        /// HTTP/1.1 without `Host`, or a `Host` that is not a host[:port].
        case malformed
        /// A name or port this server does not answer to.
        case refused
    }

    package func decide(hostHeader: String?, version: String) -> Decision {
        guard let header = hostHeader else { return version == "HTTP/1.0" ? .allowed : .malformed }
        guard let (name, headerPort) = HostPolicy.split(header.lowercased()) else { return .malformed }
        // A port left out means the scheme's default; the browser shows none only for 80.
        guard (headerPort ?? 80) == port else { return .refused }
        return isAnswered(name) ? .allowed : .refused
    }

    func isAnswered(_ name: String) -> Bool {
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if extraNames.contains(name) { return true }
        if name == "::1" || (name.hasPrefix("127.") && HostPolicy.isIPv4(name)) { return true }
        if acceptsAnyAddressLiteral, HostPolicy.isIPv4(name) || HostPolicy.isIPv6(name) { return true }
        return false
    }

    /// The URLs a refusal suggests: names that reach the address listened on.
    package var answeredExamples: [String] {
        let bare = HostPolicy.unbracketed(listenHost)
        let address = acceptsAnyAddressLiteral ? "127.0.0.1" : (bare.contains(":") ? "[\(bare)]" : bare)
        var names = ["\(address):\(port)"]
        if SocketAddress.isLoopback(bare) || acceptsAnyAddressLiteral { names.insert("localhost:\(port)", at: 0) }
        return names
    }

    /// `name` and port of `host[:port]` / `[v6]:port`; nil when it is neither.
    static func split(_ header: String) -> (name: String, port: Int?)? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        var name: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            name = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
            guard isIPv6(String(name)) else { return nil }
        } else {
            if let colon = text.firstIndex(of: ":") {
                name = text[..<colon]
                portText = text[text.index(after: colon)...]
            } else {
                name = Substring(text)
            }
            // RFC 3986 reg-name characters; anything else (spaces, '@', '/') is not a host.
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._~".unicodeScalars.contains($0)) }) else { return nil }
        }
        var port: Int?
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let value = Int(portText), (0...65535).contains(value) else { return nil }
            port = value
        }
        var result = String(name)
        if result.hasSuffix("."), result.count > 1 { result.removeLast() } // `localhost.` is the same name
        return (result, port)
    }

    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    package static func machineName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
