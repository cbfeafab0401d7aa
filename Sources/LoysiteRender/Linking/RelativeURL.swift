#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LoysiteSupport

/// Links between pages of the site are relative (`../churn-rate/`), so the output works
/// wherever it is uploaded (a sub-folder too) without knowing `base_url`.
package enum RelativeURL {
    /// A folder path inside the site with `.` and `..` worked out: `a/b/../c/` → `a/c/`;
    /// nil when it climbs out of the site.
    package static func normalise(_ path: String) -> String? {
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

    /// The link from the page at folder path `from` (e.g. `glossary/nps/`, "" for home)
    /// to the site path `to` (e.g. `glossary/churn/`, `assets/style.css`): up out of the
    /// folders of `from` that `to` does not share, then down the rest of `to`.
    ///
    /// Called for every link of every page, so it walks the two paths' bytes in place
    /// instead of splitting them into arrays of strings.
    package static func link(from: String, to target: String) -> String {
        // Paths of pages are slugs, ASCII; other paths are split into Characters and
        // compared as strings (equivalent accented names are equal).
        guard from.utf8.isASCII, target.utf8.isASCII else {
            return characterLink(from: from, to: target)
        }
        var from = from
        var target = target
        return from.withUTF8 { fromBytes in
            target.withUTF8 { targetBytes in
                asciiLink(from: fromBytes, to: targetBytes)
            }
        }
    }

    private static func asciiLink(from: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        // `from`'s folders (empty ones skipped) against `to`'s leading folders (empty
        // ones kept; the part after the last slash is a file name or "").
        var fromIndex = 0
        func nextFromFolder() -> Range<Int>? {
            while fromIndex < from.count, from[fromIndex] == slash { fromIndex += 1 }
            guard fromIndex < from.count else { return nil }
            let start = fromIndex
            while fromIndex < from.count, from[fromIndex] != slash { fromIndex += 1 }
            return start..<fromIndex
        }
        var targetIndex = 0
        var pendingFrom = nextFromFolder()
        while let folder = pendingFrom {
            var slashIndex = targetIndex
            while slashIndex < target.count, target[slashIndex] != slash { slashIndex += 1 }
            guard slashIndex < target.count, slashIndex - targetIndex == folder.count,
                  memcmp(from.baseAddress! + folder.lowerBound, target.baseAddress! + targetIndex, folder.count) == 0 else { break }
            targetIndex = slashIndex + 1
            pendingFrom = nextFromFolder()
        }
        var ups = 0
        while pendingFrom != nil {
            ups += 1
            pendingFrom = nextFromFolder()
        }
        let rest = target.count - targetIndex
        guard ups > 0 || rest > 0 else { return "./" }
        // One string of the final size: appending piece by piece grew it at each piece.
        return String(unsafeUninitializedCapacity: ups * 3 + rest) { buffer in
            var position = 0
            for _ in 0..<ups {
                buffer[position] = UInt8(ascii: "."); buffer[position + 1] = UInt8(ascii: "."); buffer[position + 2] = slash
                position += 3
            }
            if rest > 0 {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[position...]).initialize(from: UnsafeBufferPointer(rebasing: target[targetIndex...]))
                position += rest
            }
            return position
        }
    }

    private static func characterLink(from: String, to target: String) -> String {
        var fromParts = from.split(separator: "/").map(String.init)[...]
        var targetParts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let last = targetParts.removeLast()
        var remaining = targetParts[...]
        while let head = fromParts.first, let targetHead = remaining.first, head == targetHead {
            fromParts = fromParts.dropFirst()
            remaining = remaining.dropFirst()
        }
        let result = String(repeating: "../", count: fromParts.count) + remaining.map { $0 + "/" }.joined() + last
        return result.isEmpty ? "./" : result
    }
}
