/// Links between pages of the site are relative (`../churn-rate/`), so the output works
/// wherever it is uploaded (a sub-folder too) without knowing `base_url`.
public enum RelativeURL {
    /// The link from the page at folder path `from` (e.g. `glossary/nps/`, "" for home)
    /// to the site path `to` (e.g. `glossary/churn/`, `assets/style.css`).
    public static func link(from: String, to target: String) -> String {
        var fromParts = from.split(separator: "/").map(String.init)
        var targetParts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The last target part is a file name or "" (a folder link).
        let last = targetParts.removeLast()
        while let head = fromParts.first, let targetHead = targetParts.first, head == targetHead {
            fromParts.removeFirst()
            targetParts.removeFirst()
        }
        let up = String(repeating: "../", count: fromParts.count)
        let down = targetParts.map { $0 + "/" }.joined()
        let result = up + down + last
        return result.isEmpty ? "./" : result
    }
}
