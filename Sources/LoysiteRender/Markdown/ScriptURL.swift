/// URLs that a browser would run as script, or that reach outside the web: the ones
/// CommonMark renderers drop in safe mode (cmark's rule): `javascript:`, `vbscript:`,
/// `file:`, and `data:` except images (`data:image/png|gif|jpeg|webp`).
enum ScriptURL {
    static func isScript(_ url: String, image: Bool = false) -> Bool {
        // Browsers skip leading spaces and controls and ignore tabs and line breaks inside a scheme.
        // Only the start matters (the longest prefix below has 15 characters, and
        // lowercasing never shortens text), so only 16 characters are squeezed, not the URL.
        var start = String.UnicodeScalarView()
        var taken = 0
        for scalar in url.unicodeScalars where scalar.value > 0x20 {
            start.append(scalar)
            taken += 1
            if taken == 16 { break }
        }
        let squeezed = String(start).lowercased()
        if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("file:") { return true }
        if squeezed.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { squeezed.hasPrefix($0) }
        }
        return false
    }
}
