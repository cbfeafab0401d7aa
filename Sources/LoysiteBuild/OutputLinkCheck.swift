import Foundation
import LoysiteSupport

/// After a build, every internal `href` and `src` of every HTML file must name a file
/// the build writes. Links from Markdown were checked where they are written (a link
/// that names nothing is a warning there and loses its link); this check catches what
/// templates make, so a theme cannot break a site quietly either.
enum OutputLinkCheck {
    /// The internal link targets in `html` (a file at output path `path`) that are not
    /// in `files`. `basePath` is `base_url` when it is a path (`/docs/`), which
    /// site-absolute links start with.
    static func unresolved(in html: Data, at path: String, files: Set<String>, basePath: String) -> [String] {
        var missing: [String] = []
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        html.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index + 6 < count {
                // ` href="` or ` src="`, found by their first letters.
                let byte = bytes[index]
                var valueStart = -1
                if byte == UInt8(ascii: "h"), index > 0, bytes[index - 1] == 0x20, matches(bytes, index, "href=\"") { valueStart = index + 6 }
                else if byte == UInt8(ascii: "s"), index > 0, bytes[index - 1] == 0x20, matches(bytes, index, "src=\"") { valueStart = index + 5 }
                guard valueStart >= 0 else { index += 1; continue }
                var end = valueStart
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
                index = end
                if let target = target(of: value, folder: folder, basePath: basePath), !exists(target, in: files) { missing.append(value) }
            }
        }
        return missing
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where bytes[at + offset] != pointer[offset] { return false }
        return true
    }

    /// The output path an attribute value names, nil for what is not inside the site
    /// (other sites, fragments of the same page, `mailto:` and other schemes).
    static func target(of value: String, folder: String, basePath: String) -> String? {
        var value = value.replacingOccurrences(of: "&amp;", with: "&")
        guard !value.isEmpty, !value.hasPrefix("#"), !value.hasPrefix("//") else { return nil }
        if let colon = value.firstIndex(of: ":"), value[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) { return nil }
        if let cut = value.firstIndex(where: { $0 == "#" || $0 == "?" }) { value = String(value[..<cut]) }
        value = value.removingPercentEncoding ?? value
        var joined: String
        if value.hasPrefix("/") {
            joined = basePath.count > 1 && value.hasPrefix(basePath) ? String(value.dropFirst(basePath.count)) : String(value.dropFirst())
        } else {
            joined = folder.isEmpty ? value : folder + "/" + value
        }
        if joined.isEmpty { joined = "./" }
        guard let normal = LinkPath.normalise(joined) else { return "../" + value }
        return normal
    }

    static func exists(_ target: String, in files: Set<String>) -> Bool {
        if target.isEmpty || target == "/" { return files.contains("index.html") }
        if target.hasSuffix("/") { return files.contains(target + "index.html") }
        return files.contains(target) || files.contains(target + "/index.html")
    }
}

/// Folder paths inside the output.
enum LinkPath {
    /// `a/b/../c/` → `a/c/`; nil when it climbs out of the output folder.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
