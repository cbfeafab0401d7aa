import Foundation

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
    /// when it has none.
    func splice(_ themed: Data, body: String) -> Data? {
        var ranges: [Range<Data.Index>] = []
        var from = themed.startIndex
        while let found = themed.range(of: standInBytes, in: from..<themed.endIndex) {
            ranges.append(found)
            from = found.upperBound
        }
        guard !ranges.isEmpty else { return nil }
        let bodyBytes = Data(body.utf8)
        var result = Data()
        result.reserveCapacity(themed.count + ranges.count * (bodyBytes.count - standInBytes.count))
        var start = themed.startIndex
        for range in ranges {
            result.append(themed[start..<range.lowerBound])
            result.append(bodyBytes)
            start = range.upperBound
        }
        result.append(themed[start..<themed.endIndex])
        return result
    }
}
