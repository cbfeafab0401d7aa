/// Finds markup a browser would execute in a generated page: the check behind
/// "content never injects script". It tokenises HTML (and inline SVG) the way a
/// browser's tag scanner does, not with regular expressions, so markup that only looks
/// like a tag inside text (`&lt;script&gt;`) is not reported, and a real tag is found
/// however its attributes are quoted or its URLs are entity-encoded.
///
/// Reported: `<script>` elements other than `type="application/ld+json"` ones (the
/// theme's structured data) and the theme's own empty `<script src="…assets/search.js">`
/// (the search box; `themeScripts`), `<iframe>`, `<frame>`, `<object>`, `<embed>`, `<applet>`,
/// `<base>`, SVG `<foreignObject>`, every `on…=` event-handler attribute, and
/// `javascript:`, `vbscript:` or `data:text/html` URLs in attributes that load or
/// navigate. Also used by the fuzz target (fuzz/), so it depends on nothing but the
/// standard library.
public enum ExecutableMarkup {
    public struct Finding: Equatable, CustomStringConvertible {
        /// Byte offset of the tag in the page.
        public var offset: Int
        public var reason: String
        public var description: String { "at byte \(offset): \(reason)" }
    }

    static let forbiddenElements: Set<String> = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "foreignobject"]
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset",
        "values", "to", "from", "by",
    ]

    /// Every executable element or attribute in `html`, in page order.
    public static func findings(in html: String) -> [Finding] {
        scan(html).findings
    }

    /// The bodies of the `<script type="application/ld+json">` elements, for checking
    /// that each is valid JSON (a `</script>` inside a string would cut one short).
    public static func jsonLDBodies(in html: String) -> [String] {
        scan(html).jsonLD
    }

    private static func scan(_ html: String) -> (findings: [Finding], jsonLD: [String]) {
        let bytes = Array(html.utf8)
        var findings: [Finding] = []
        var jsonLD: [String] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            let start = i
            if starts(bytes, at: i, with: "<!--") {
                i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            if bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "?") {
                i = find(bytes, ">", from: i).map { $0 + 1 } ?? bytes.count
                continue
            }
            let closing = bytes[i + 1] == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            guard j < bytes.count, isLetter(bytes[j]) else { i += 1; continue }
            let nameStart = j
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let name = lower(bytes[nameStart..<j])
            var attributes: [(String, String)] = []
            // Attributes, as the HTML tokenizer reads them.
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let attributeStart = j
                j += 1
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: "/") { j += 1 }
                let attributeName = lower(bytes[attributeStart..<j])
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < bytes.count, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[valueStart..<min(j, bytes.count)], as: UTF8.self)
                        j = min(j + 1, bytes.count)
                    } else {
                        let valueStart = j
                        while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    }
                }
                attributes.append((attributeName, decodeEntities(value)))
            }
            i = min(j + 1, bytes.count)
            if closing { continue }

            for (attributeName, value) in attributes {
                if attributeName.hasPrefix("on") {
                    findings.append(Finding(offset: start, reason: "event handler attribute \(attributeName) on <\(name)>"))
                }
                if urlAttributes.contains(attributeName), isDangerousURL(value, isList: listAttributes.contains(attributeName)) {
                    findings.append(Finding(offset: start, reason: "\(attributeName)=\"\(value.prefix(40))\" on <\(name)>"))
                }
            }
            let isJSONLD = name == "script" && attributes.contains { $0.0 == "type" && $0.1.lowercased() == "application/ld+json" }
            let isThemeScript = name == "script" && attributes.contains { $0.0 == "src" && isThemeScriptURL($0.1) }
                && startsClosingScript(bytes, at: i)
            if forbiddenElements.contains(name), !isJSONLD, !isThemeScript {
                findings.append(Finding(offset: start, reason: "<\(name)> element"))
            }
            // Raw-text elements: their content is not markup, up to the closing tag.
            if ["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe"].contains(name) {
                let end = findCaseInsensitive(bytes, "</" + name, from: i) ?? bytes.count
                if isJSONLD { jsonLD.append(String(decoding: bytes[i..<end], as: UTF8.self)) }
                i = end
            }
        }
        return (findings, jsonLD)
    }

    /// Script files of the built-in theme, which every page loads from the site's own
    /// `assets/` folder.
    static let themeScripts: Set<String> = ["search.js"]

    /// `../../assets/search.js` or `/base/assets/search.js`: a theme script of this site,
    /// reached by a relative path or from the site's base path, never another host.
    static func isThemeScriptURL(_ url: String) -> Bool {
        guard let file = url.split(separator: "/", omittingEmptySubsequences: false).last, themeScripts.contains(String(file)) else { return false }
        let folders = url.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        guard folders.last == "assets", !url.hasPrefix("//") else { return false }
        return !url.contains(":") && !url.contains("?") && !url.contains("#") && !url.contains("\\")
    }

    /// Whether the element's body is empty: `</script>` follows its start tag at once.
    static func startsClosingScript(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 9 <= bytes.count else { return false }
        return lower(bytes[index..<index + 9]) == "</script>"
    }

    /// Attributes holding several URLs or values (`srcset`, SVG animation `values`).
    static let listAttributes: Set<String> = ["srcset", "values"]

    /// Whether `value` (or, for a list attribute, one of its items) is a URL with a
    /// scheme that runs script. A URL whose text before `:` is not a scheme
    /// (`u{t;javascript:x`) is a relative path and runs nothing.
    static func isDangerousURL(_ value: String, isList: Bool = false) -> Bool {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        let items = isList ? squeezed.split(whereSeparator: { $0 == ";" || $0 == "," }).map(String.init) : [squeezed]
        return items.contains { $0.hasPrefix("javascript:") || $0.hasPrefix("vbscript:") || $0.hasPrefix("data:text/html") }
    }

    /// Numeric references and the few named ones that can spell a scheme.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            let named: [String: String] = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[body.lowercased()]
            }
            if let decoded {
                out += decoded
                var next = after.index(after.startIndex, offsetBy: body.count)
                if next < after.endIndex, after[next] == ";" { next = after.index(after: next) }
                rest = after[next...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func lower(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        return Array(bytes[index..<index + pattern.count]) == pattern
    }

    private static func find(_ bytes: [UInt8], _ text: String, from index: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count, index <= bytes.count - pattern.count else { return nil }
        for position in index...(bytes.count - pattern.count) where bytes[position] == pattern[0] {
            if Array(bytes[position..<position + pattern.count]) == pattern { return position }
        }
        return nil
    }

    private static func findCaseInsensitive(_ bytes: [UInt8], _ text: String, from index: Int) -> Int? {
        let pattern = Array(text.lowercased().utf8)
        guard bytes.count >= pattern.count, index <= bytes.count - pattern.count else { return nil }
        outer: for position in index...(bytes.count - pattern.count) {
            for (offset, byte) in pattern.enumerated() {
                let candidate = bytes[position + offset]
                if (candidate >= 0x41 && candidate <= 0x5A ? candidate + 0x20 : candidate) != byte { continue outer }
            }
            return position
        }
        return nil
    }
}
