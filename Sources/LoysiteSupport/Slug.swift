import Foundation

/// URL slugs: lower-case `[a-z0-9-]` only, so no slug can name a path outside the
/// output folder (no `/`, no `.`, no `..`).
package enum Slug {
    /// Whether `text` is already a valid slug.
    package static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Transliterates `text` to a slug: accents are folded (`Café` → `cafe`), `&` reads
    /// `and`, every other run of characters outside `[a-z0-9]` becomes one `-`.
    /// Returns nil when nothing usable is left (an emoji-only name, say).
    package static func make(from text: String) -> String? {
        // ASCII text (file names, mostly) has nothing to transliterate or fold: it is
        // lower-cased byte by byte, skipping Foundation and the ICU transform, which were
        // the slowest part of loading a page.
        if text.utf8.isASCII {
            var slug = SlugBuilder()
            for byte in text.utf8 {
                if byte == UInt8(ascii: "&") {
                    for spelled in " and ".utf8 { slug.take(spelled) }
                } else {
                    slug.take(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
            return slug.result
        }
        let folded = text
            .replacingOccurrences(of: "&", with: " and ")
            .applyingTransform(.toLatin, reverse: false)?
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            ?? text.lowercased()
        var slug = SlugBuilder()
        for byte in folded.lowercased().utf8 { slug.take(byte) }
        return slug.result
    }
}

/// Turns lower-cased bytes into a slug: letters and digits kept, every other run of
/// bytes one `-` between them.
private struct SlugBuilder {
    private var bytes: [UInt8] = []
    private var pendingDash = false

    mutating func take(_ byte: UInt8) {
        let isAlnum = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        if isAlnum {
            if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            pendingDash = false
            bytes.append(byte)
        } else if byte == 0x27 {
            // An apostrophe joins: "customer's" reads "customers", not "customer-s".
            return
        } else {
            pendingDash = true
        }
    }

    var result: String? { bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
}
