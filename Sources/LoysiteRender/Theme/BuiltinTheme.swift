import LoysiteSupport

/// The default theme, compiled into the binary (see scripts/embed-theme.py): Mustache
/// templates by name and assets by path.
package enum BuiltinTheme {
    /// Template names (file names without `.mustache`) to their text.
    package static var templates: [String: String] {
        var result: [String: String] = [:]
        for (path, text) in files where path.hasSuffix(".mustache") && !path.contains("/") {
            result[String(path.dropLast(".mustache".count))] = text
        }
        return result
    }

    /// Asset paths relative to `assets/` to their text.
    package static var assets: [String: String] {
        var result: [String: String] = [:]
        for (path, text) in files where path.hasPrefix(SiteLayout.Output.assetsFolder) {
            result[String(path.dropFirst(SiteLayout.Output.assetsFolder.count))] = text
        }
        return result
    }
}
