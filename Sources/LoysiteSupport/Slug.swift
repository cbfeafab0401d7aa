import Foundation

/// URL slugs: lower-case `[a-z0-9-]` only, so no slug can name a path outside the
/// output folder (no `/`, no `.`, no `..`).
public enum Slug {
    /// Whether `text` is already a valid slug.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Transliterates `text` to a slug: accents are folded (`Café` → `cafe`), `&` reads
    /// `and`, every other run of characters outside `[a-z0-9]` becomes one `-`.
    /// Returns nil when nothing usable is left (an emoji-only name, say).
    public static func make(from text: String) -> String? {
        // ASCII text (file names, mostly) has nothing to transliterate or fold: skip the
        // ICU transform, the slowest part of loading a page.
        let folded = text.utf8.isASCII ? text.replacingOccurrences(of: "&", with: " and ") : text
            .replacingOccurrences(of: "&", with: " and ")
            .applyingTransform(.toLatin, reverse: false)?
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            ?? text.lowercased()
        var slug = String()
        var pendingDash = false
        for byte in folded.lowercased().utf8 {
            let isAlnum = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isAlnum {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == 0x27 {
                // An apostrophe joins: "customer's" reads "customers", not "customer-s".
                continue
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? nil : slug
    }
}
