import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The link check of a built page skips its body: the page is rendered with a stand-in
/// for the body, the template's own links are checked, and the body is put in where the
/// stand-in is. The body's links were checked where the Markdown writes them (a link that
/// names nothing is a warning at its line and loses its link), and the body was most of
/// what the check read. The stand-in holds `<` and a build's own UUID, so a template that
/// escapes `content` (or never shows it) does not leave it whole: then the page is simply
/// rendered again with its body, and all of it is checked.
struct BodySplice: Sendable {
    let standIn: String
    private let standInBytes: Data

    init() {
        standIn = "<!--loysite-body-\(UUID().uuidString)-->"
        standInBytes = Data(standIn.utf8)
    }

    /// `themed` (rendered with the stand-in) with every stand-in replaced by `body`; nil
    /// when it has none. Found with memchr and memcmp and copied once (Foundation's `range(of:)` was
    /// slower than the link check it saves).
    func splice(_ themed: Data, body: String) -> Data? {
        var body = body
        return themed.withUnsafeBytes { (page: UnsafeRawBufferPointer) -> Data? in
            standInBytes.withUnsafeBytes { (needle: UnsafeRawBufferPointer) -> Data? in
                guard let base = page.baseAddress, let needleBase = needle.baseAddress else { return nil }
                var starts: [Int] = []
                var from = 0
                // Each `<` by memchr, then the rest compared (tags are a few hundred a page).
                while from + needle.count <= page.count, let found = memchr(base + from, Int32(UInt8(ascii: "<")), page.count - from) {
                    let start = base.distance(to: UnsafeRawPointer(found))
                    guard start + needle.count <= page.count else { break }
                    if memcmp(base + start, needleBase, needle.count) == 0 {
                        starts.append(start)
                        from = start + needle.count
                    } else {
                        from = start + 1
                    }
                }
                guard !starts.isEmpty else { return nil }
                return body.withUTF8 { bodyBytes -> Data in
                    var result = Data(capacity: page.count + starts.count * bodyBytes.count)
                    var copied = 0
                    for start in starts {
                        result.append(base.assumingMemoryBound(to: UInt8.self) + copied, count: start - copied)
                        if let bodyBase = bodyBytes.baseAddress { result.append(bodyBase, count: bodyBytes.count) }
                        copied = start + needle.count
                    }
                    result.append(base.assumingMemoryBound(to: UInt8.self) + copied, count: page.count - copied)
                    return result
                }
            }
        }
    }
}
