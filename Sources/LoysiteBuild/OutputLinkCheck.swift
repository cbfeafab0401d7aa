import Foundation
import LoysiteRender
import LoysiteSupport

/// After a build, every internal `href` and `src` of every HTML file must name a file
/// the build writes. Links from Markdown were checked where they are written (a link
/// that names nothing is a warning there and loses its link); this check catches what
/// templates make, so a theme cannot break a site quietly either.
enum OutputLinkCheck {
    /// The path site-absolute links start with: `base_url`'s path (`/`, `/docs/`, or
    /// `/sub/` of `https://example.org/sub/`; the 404 page links that way).
    static func basePath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        let afterHost = baseURL[scheme.upperBound...]
        return afterHost.firstIndex(of: "/").map { String(afterHost[$0...]) } ?? "/"
    }

    /// The internal link targets in `html` (a file at output path `path`) that are not
    /// in `files`. `basePath` is `base_url` when it is a path (`/docs/`), which
    /// site-absolute links start with.
    static func unresolved(in html: Data, at path: String, files: Set<String>, basePath: String) -> [String] {
        unresolved(in: html, at: path, files: files, table: OutputPathTable(files), basePath: basePath)
    }

    /// `unresolved` with `files` also as a table of bytes (`table`), made once per build.
    static func unresolved(in html: Data, at path: String, files: Set<String>, table: OutputPathTable, basePath: String) -> [String] {
        var missing: [String] = []
        // The folder as bytes, made at once (splitting the path into Characters and
        // joining them again took 26,000 instructions a page); as a string only for the
        // rare link the bytes do not resolve.
        var resolver = ByteResolver(path: path)
        var folder: String?
        html.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            // ` href="` and ` src="` found from their `=` with memchr (a byte-by-byte walk
            // over every page's HTML was a tenth of a 10,000-term build).
            var from = 0
            while from < count, let found = memchr(base + from, Int32(UInt8(ascii: "=")), count - from) {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                from = equals + 1
                guard equals + 1 < count, bytes[equals + 1] == UInt8(ascii: "\"") else { continue }
                let isLink = (equals >= 5 && bytes[equals - 5] == 0x20 && bytes[equals - 4] == UInt8(ascii: "h") && bytes[equals - 3] == UInt8(ascii: "r")
                              && bytes[equals - 2] == UInt8(ascii: "e") && bytes[equals - 1] == UInt8(ascii: "f"))
                    || (equals >= 4 && bytes[equals - 4] == 0x20 && bytes[equals - 3] == UInt8(ascii: "s") && bytes[equals - 2] == UInt8(ascii: "r")
                        && bytes[equals - 1] == UInt8(ascii: "c"))
                guard isLink else { continue }
                let valueStart = equals + 2
                var end = valueStart
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                from = end
                let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<end])
                switch resolver.target(value, basePath: basePath) {
                case .outside: continue
                case .path:
                    if !resolver.resolvedExists(in: table) { missing.append(String(decoding: value, as: UTF8.self)) }
                case .slow:
                    let text = String(decoding: value, as: UTF8.self)
                    let pageFolder = folder ?? path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                    folder = pageFolder
                    if let target = target(of: text, folder: pageFolder, basePath: basePath), !exists(target, in: files) { missing.append(text) }
                }
            }
        }
        return missing
    }

    /// `target(of:)` on the bytes of an attribute value, for the links nearly every page
    /// has (relative or site paths of plain ASCII, no entity or escape): one string made
    /// per link, no Characters. Anything else is left to `target(of:)`.
    struct ByteResolver {
        /// `path`: the target is in `resolved`.
        enum Result { case outside, path, slow }
        /// The page's folder, its parts joined by single slashes (`glossary/nps`).
        let folder: [UInt8]
        /// The output path the last `.path` named, as bytes (kept between links, so no
        /// allocation per link). While a link is resolved it is the stack of its folders,
        /// joined by single slashes: a `..` takes off the part after the last slash.
        private(set) var resolved: [UInt8] = []

        var resolvedPath: String { String(decoding: resolved, as: UTF8.self) }

        /// `OutputLinkCheck.exists` for `resolved`.
        mutating func resolvedExists(in table: OutputPathTable) -> Bool {
            if resolved.isEmpty || (resolved.count == 1 && resolved[0] == UInt8(ascii: "/")) { return table.contains(OutputPathTable.home) }
            if table.contains(resolved) { return true }
            let count = resolved.count
            if resolved[count - 1] != UInt8(ascii: "/") { resolved.append(UInt8(ascii: "/")) }
            resolved.append(contentsOf: OutputPathTable.home)
            defer { resolved.removeLast(resolved.count - count) }
            return table.contains(resolved)
        }

        init(folder parts: [[UInt8]]) {
            var folder: [UInt8] = []
            for part in parts where !part.isEmpty {
                if !folder.isEmpty { folder.append(UInt8(ascii: "/")) }
                folder.append(contentsOf: part)
            }
            self.folder = folder
        }

        /// The folder of output path `path` (`glossary/nps/index.html` → `glossary/nps`),
        /// read from its bytes.
        init(path: String) {
            // Other text is split by Characters, as `target(of:)` reads folders (a slash
            // with a combining mark after it is no slash there).
            guard path.utf8.isASCII else {
                let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                self.init(folder: folder.utf8.split(separator: UInt8(ascii: "/")).map(Array.init))
                return
            }
            let bytes = Array(path.utf8)
            let end = bytes.lastIndex(of: UInt8(ascii: "/")) ?? 0
            self.init(folder: bytes[..<end].split(separator: UInt8(ascii: "/")).map(Array.init))
        }

        /// Whether the bytes before a link's first `:` are a scheme's (letters, digits,
        /// `+`, `-`, `.`; none at all counts, as in `target(of:)`).
        static func isScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
        }

        mutating func target(_ value: UnsafeBufferPointer<UInt8>, basePath: String) -> Result {
            let count = value.count
            guard count > 0, value[0] != UInt8(ascii: "#") else { return .outside }
            if count > 1, value[0] == UInt8(ascii: "/"), value[1] == UInt8(ascii: "/") { return .outside }
            var end = count
            for position in 0..<count {
                let byte = value[position]
                // `https:`, `mailto:` …: another site, as `target(of:)` reads a scheme
                // (every page has its canonical URL and links out; making a string of
                // each for the general code was most of this check's time).
                if byte == UInt8(ascii: ":") { return ByteResolver.isScheme(UnsafeBufferPointer(rebasing: value[..<position])) ? .outside : .slow }
                if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?") { end = position; break }
                if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "&") || byte >= 0x80 { return .slow }
            }
            if value[0] == UInt8(ascii: "/"), basePath.count > 1 { return .slow }
            // The folder's parts (for a relative link), then the value's, in `resolved`.
            resolved.removeAll(keepingCapacity: true)
            if value[0] != UInt8(ascii: "/") { resolved.append(contentsOf: folder) }
            var start = 0
            while start <= end {
                var stop = start
                while stop < end, value[stop] != UInt8(ascii: "/") { stop += 1 }
                let length = stop - start
                if length == 1, value[start] == UInt8(ascii: ".") {
                } else if length == 2, value[start] == UInt8(ascii: "."), value[start + 1] == UInt8(ascii: ".") {
                    guard !resolved.isEmpty else {
                        resolved.append(contentsOf: "../".utf8)
                        return .path
                    }
                    let slash = resolved.lastIndex(of: UInt8(ascii: "/")) ?? 0
                    resolved.removeLast(resolved.count - slash)
                } else if length > 0 {
                    if !resolved.isEmpty { resolved.append(UInt8(ascii: "/")) }
                    resolved.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<stop]))
                }
                start = stop + 1
            }
            // `?q=1` alone names the page's own folder, as `target(of:)` reads it (the
            // random test found this path naming the home page instead).
            if end == 0 {
                if !resolved.isEmpty { resolved.append(UInt8(ascii: "/")) }
                return .path
            }
            if resolved.isEmpty && value[end - 1] == UInt8(ascii: "/") { return .path }
            if value[end - 1] == UInt8(ascii: "/"), !resolved.isEmpty { resolved.append(UInt8(ascii: "/")) }
            return .path
        }
    }

    /// The output path an attribute value names, nil for what is not inside the site
    /// (other sites, fragments of the same page, `mailto:` and other schemes).
    static func target(of value: String, folder: String, basePath: String) -> String? {
        var value = value
        // Entities and percent escapes are rare in links between pages: Foundation is
        // asked only when there are some (this runs for every link of every page).
        if value.utf8.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&amp;", with: "&") }
        guard !value.isEmpty, !value.hasPrefix("#"), !value.hasPrefix("//") else { return nil }
        if let colon = value.firstIndex(of: ":"), value[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) { return nil }
        if let cut = value.firstIndex(where: { $0 == "#" || $0 == "?" }) { value = String(value[..<cut]) }
        if value.utf8.contains(UInt8(ascii: "%")) { value = value.removingPercentEncoding ?? value }
        var joined: String
        if value.hasPrefix("/") {
            joined = basePath.count > 1 && value.hasPrefix(basePath) ? String(value.dropFirst(basePath.count)) : String(value.dropFirst())
        } else {
            joined = folder.isEmpty ? value : folder + "/" + value
        }
        if joined.isEmpty { joined = "./" }
        guard let normal = RelativeURL.normalise(joined) else { return "../" + value }
        return normal
    }

    static func exists(_ target: String, in files: Set<String>) -> Bool {
        if target.isEmpty || target == "/" { return files.contains("index.html") }
        // The build's set also names folders (`glossary/nps/`): one lookup, no string.
        if target.hasSuffix("/") { return files.contains(target) || files.contains(target + "index.html") }
        return files.contains(target) || files.contains(target + "/index.html")
    }
}
