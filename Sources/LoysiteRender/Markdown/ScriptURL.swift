/// URLs that a browser would run as script, or that reach outside the web: the ones
/// CommonMark renderers drop in safe mode (cmark's rule): `javascript:`, `vbscript:`,
/// `file:`, and `data:` except images (`data:image/png|gif|jpeg|webp`).
enum ScriptURL {
    /// Read on bytes while the URL's first sixteen characters after blanks are ASCII:
    /// the scalar-wise reading (`reference`), a lowercased string made for every link
    /// of every page, was most of safe mode's pass.
    static func isScript(_ url: String, image: Bool = false) -> Bool {
        var url = url
        let answer: Bool? = url.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { start in
                var taken = 0
                for byte in bytes where byte > 0x20 {
                    guard byte < 0x80 else { return nil }
                    start[taken] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    taken += 1
                    if taken == 16 { break }
                }
                let squeezed = UnsafeBufferPointer(rebasing: start[..<taken])
                func starts(_ prefix: StaticString) -> Bool {
                    let length = prefix.utf8CodeUnitCount
                    return length <= squeezed.count && squeezed.prefix(length).elementsEqual(UnsafeBufferPointer(start: prefix.utf8Start, count: length))
                }
                if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
                if starts("data:") { return !(starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") || starts("data:image/webp")) }
                return false
            }
        }
        return answer ?? reference(url)
    }

    /// The same on scalars with Unicode lowercasing: the reference of the tests.
    static func reference(_ url: String) -> Bool {
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
