/// Links between pages of the site are relative (`../churn-rate/`), so the output works
/// wherever it is uploaded (a sub-folder too) without knowing `base_url`.
public enum RelativeURL {
    /// The link from the page at folder path `from` (e.g. `glossary/nps/`, "" for home)
    /// to the site path `to` (e.g. `glossary/churn/`, `assets/style.css`): up out of the
    /// folders of `from` that `to` does not share, then down the rest of `to`.
    ///
    /// Called for every link of every page, so it walks the two paths' bytes in place
    /// instead of splitting them into arrays of strings.
    public static func link(from: String, to target: String) -> String {
        // Paths of pages are slugs, ASCII; other paths are split into Characters and
        // compared as strings (equivalent accented names are equal).
        guard from.utf8.isASCII, target.utf8.isASCII else {
            return characterLink(from: from, to: target)
        }
        let fromBytes = from.utf8
        let targetBytes = target.utf8
        let slash = UInt8(ascii: "/")
        // `from`'s folders (empty ones skipped) against `to`'s leading folders (empty
        // ones kept; the part after the last slash is a file name or "").
        var fromIndex = fromBytes.startIndex
        var targetIndex = targetBytes.startIndex
        func nextFromFolder() -> Range<String.Index>? {
            while fromIndex < fromBytes.endIndex, fromBytes[fromIndex] == slash { fromIndex = fromBytes.index(after: fromIndex) }
            guard fromIndex < fromBytes.endIndex else { return nil }
            let start = fromIndex
            while fromIndex < fromBytes.endIndex, fromBytes[fromIndex] != slash { fromIndex = fromBytes.index(after: fromIndex) }
            return start..<fromIndex
        }
        var pendingFrom = nextFromFolder()
        while let folder = pendingFrom, let slashIndex = targetBytes[targetIndex...].firstIndex(of: slash),
              fromBytes[folder].elementsEqual(targetBytes[targetIndex..<slashIndex]) {
            targetIndex = targetBytes.index(after: slashIndex)
            pendingFrom = nextFromFolder()
        }
        var result = ""
        while pendingFrom != nil {
            result += "../"
            pendingFrom = nextFromFolder()
        }
        result += target[targetIndex...]
        return result.isEmpty ? "./" : result
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
