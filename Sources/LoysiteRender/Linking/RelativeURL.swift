/// Links between pages of the site are relative (`../churn-rate/`), so the output works
/// wherever it is uploaded (a sub-folder too) without knowing `base_url`.
public enum RelativeURL {
    /// The link from the page at folder path `from` (e.g. `glossary/nps/`, "" for home)
    /// to the site path `to` (e.g. `glossary/churn/`, `assets/style.css`).
    ///
    /// Called for every link of every page, so it works on slices of the two paths
    /// rather than on arrays of new strings.
    public static func link(from: String, to target: String) -> String {
        let fromParts = from.utf8.split(separator: UInt8(ascii: "/"))
        var targetParts = target.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        // The last target part is a file name or "" (a folder link).
        let last = targetParts.removeLast()
        var common = 0
        while common < fromParts.count, common < targetParts.count, fromParts[common].elementsEqual(targetParts[common]) {
            common += 1
        }
        var result = ""
        for _ in common..<fromParts.count { result += "../" }
        for part in targetParts[common...] {
            result += Substring(part)
            result += "/"
        }
        result += Substring(last)
        return result.isEmpty ? "./" : result
    }
}
