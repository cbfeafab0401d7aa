import LoysiteSupport

/// Small text helpers for what templates show.
enum TextFormatting {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `2026-03-07` → `7 March 2026`.
    static func displayDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    static let excerptEdges = TrimmingSet(.punctuationCharacters.union(.whitespaces))

    /// Shortens `text` to about `limit` characters at a word boundary, adding `…`.
    static func excerpt(_ text: String, limit: Int = 220) -> String {
        // A text has no more characters than UTF-8 bytes: most need no counting.
        guard text.utf8.count > limit else { return text }
        if text.utf8.isASCII, !text.utf8.containsByte(0x0D) {
            // ASCII without CR: one byte, one character.
            let cut = text[..<text.utf8.index(text.utf8.startIndex, offsetBy: limit)]
            let end = cut.utf8.lastIndex(of: 0x20) ?? cut.endIndex
            return cut[..<end].trimming(excerptEdges) + "…"
        }
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimming(excerptEdges) + "…"
    }
}

import Foundation
