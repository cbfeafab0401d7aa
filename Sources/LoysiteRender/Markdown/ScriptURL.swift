/// URLs that a browser would run as script, or that reach outside the web: the ones
/// CommonMark renderers drop in safe mode (cmark's rule): `javascript:`, `vbscript:`,
/// `file:`, and `data:` except images (`data:image/png|gif|jpeg|webp`).
enum ScriptURL {
    static func isScript(_ url: String, image: Bool = false) -> Bool {
        // Browsers skip leading spaces and controls and ignore tabs and line breaks inside a scheme.
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("file:") { return true }
        if squeezed.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { squeezed.hasPrefix($0) }
        }
        return false
    }
}
