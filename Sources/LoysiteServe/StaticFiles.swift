import Foundation

/// Maps request paths to files of the built site, and refuses every path that would
/// leave it.
///
/// A request path is percent-decoded once and split into segments; a `..` segment (in
/// any spelling: `/../`, `%2e%2e`, `%2E.`) is refused outright rather than resolved, and
/// the file finally chosen must, after resolving symlinks, still lie inside the
/// (resolved) site folder — so a symlink in the output pointing elsewhere is refused too.
package struct StaticFiles: Sendable {
    /// The folder served: the build output.
    package let root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// What a request path resolves to.
    package enum Resolution: Equatable, Sendable {
        /// A regular file inside the site, and its media type.
        case file(URL, mediaType: String)
        /// A folder asked for without its trailing slash: redirect to this path,
        /// as static hosts do, so relative links on the page resolve.
        case redirect(String)
        case notFound
        /// The path leaves the site folder (a `..` segment, or a symlink pointing outside).
        case forbidden
        /// Not a path: invalid percent-encoding, a NUL byte, not UTF-8, not starting with `/`.
        case badRequest
    }

    package func resolve(_ encodedPath: String) -> Resolution {
        guard encodedPath.hasPrefix("/"), let decoded = StaticFiles.percentDecode(encodedPath) else { return .badRequest }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return .forbidden }
            segments.append(String(segment))
        }
        var candidate = root
        for segment in segments { candidate.appendPathComponent(segment) }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else {
            return isInsideRoot(candidate) == false ? .forbidden : .notFound
        }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else {
                return .redirect("/" + segments.map(StaticFiles.percentEncode).joined(separator: "/") + "/")
            }
            candidate.appendPathComponent("index.html")
            guard manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return isInsideRoot(candidate) == false ? .forbidden : .notFound
            }
        }
        guard isInsideRoot(candidate) == true else { return .forbidden }
        guard manager.isReadableFile(atPath: candidate.path) else { return .notFound }
        return .file(candidate, mediaType: MediaTypes.forPath(candidate.lastPathComponent))
    }

    /// Whether `url`, symlinks resolved, is inside the resolved root; nil when the
    /// path does not exist (a dangling symlink, a missing parent).
    func isInsideRoot(_ url: URL) -> Bool? {
        guard let realRoot = StaticFiles.realPath(root.path) else { return nil }
        guard let real = StaticFiles.realPath(url.path) else {
            // Missing (or a dangling symlink): nothing to serve; say whether its folder
            // is still inside the site, so a missing page is a 404 and not a 403.
            guard let realParent = StaticFiles.realPath(url.deletingLastPathComponent().path) else { return nil }
            return StaticFiles.contains(realRoot, realParent) ? nil : false
        }
        return StaticFiles.contains(realRoot, real)
    }

    static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The canonical absolute path, symlinks resolved (POSIX `realpath`); nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Decodes `%XX` escapes; nil for a malformed escape, a NUL byte, or bytes that are not UTF-8.
    package static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == 0x25 { // %
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Percent-encodes a path segment for a `Location` header (RFC 3986 unreserved
    /// characters and sub-delimiters stay as they are).
    static func percentEncode(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
