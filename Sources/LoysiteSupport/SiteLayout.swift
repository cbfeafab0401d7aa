/// Where a site's files are: the folders and files of a site root that loysite reads, and
/// the paths of the output that it writes itself. The one place these paths are spelled,
/// so loading, building, `new`, `serve` and the output-folder checks cannot disagree (a
/// page at a URL the build also writes, a watcher that misses a folder the loader reads).
///
/// Source paths are relative to the site root, without a trailing slash; output paths are
/// relative to the output folder.
package enum SiteLayout {
    // MARK: - The site root

    /// Everything a writer edits, site.yml included.
    package static let contentFolder = "content"
    package static let siteConfig = "content/site.yml"
    /// The home page's own text, shown above the dashboard.
    package static let homePage = "content/index.md"
    package static let glossaryFolder = "content/glossary"
    package static let reportsFolder = "content/reports"
    package static let pagesFolder = "content/pages"
    /// Datasets (CSV, JSON) and their `.yml` sidecars.
    package static let dataFolder = "content/data"
    /// The theme's overrides: `<name>.mustache` and `assets/…`.
    package static let templatesFolder = "templates"
    /// Where a theme's files (and the built site's copies of them) keep their assets.
    package static let assetsFolder = "assets"
    /// The output folder under the root when `--output` is not given.
    package static let defaultOutputFolder = "site"

    /// The folders whose files make the site: a change under one of them means a rebuild.
    package static let watchedFolders = [contentFolder, templatesFolder]

    /// The folders that hold one page per Markdown file, with a trailing slash, for
    /// matching paths relative to the root.
    package static let pageFolderPrefixes = [glossaryFolder, reportsFolder, pagesFolder].map { $0 + "/" }

    /// The file of the template `name` (`home` → `templates/home.mustache`).
    package static func templateFile(_ name: String) -> String { "\(templatesFolder)/\(name).mustache" }

    /// The `.yml` sidecar of the dataset `name`, where its columns and settings are given.
    package static func datasetSidecar(_ name: String) -> String { "\(dataFolder)/\(name).yml" }

    // MARK: - The output

    /// The output paths that loysite writes itself, whatever the content.
    package enum Output {
        /// Folder of the glossary's pages (`glossary/nps/`) and its A–Z index.
        package static let glossaryFolder = "glossary/"
        /// Folder of the reports' pages and their index.
        package static let reportsFolder = "reports/"
        /// The theme's assets (`assets/style.css`).
        package static let assetsFolder = SiteLayout.assetsFolder + "/"

        package static let home = "index.html"
        package static let glossaryIndex = glossaryFolder + "index.html"
        package static let reportsIndex = reportsFolder + "index.html"
        package static let notFound = "404.html"
        package static let sitemap = "sitemap.xml"
        package static let feed = "feed.xml"
        package static let searchIndex = "search-index.json"
        package static let searchScript = "search-index.js"
        package static let metrics = "metrics.json"

        /// Every file the build writes that does not come from a page, an asset, a copied
        /// file or a redirect, in output order.
        package static let siteFiles = [home, glossaryIndex, reportsIndex, notFound, sitemap, feed, searchIndex, searchScript, metrics]

        /// The page paths (`glossary/`, `metrics.json/`: a page's folder, as `Page.path`
        /// spells it) no page may take, because loysite writes there itself: the home
        /// page's, and the top-level name of every site-wide file (`index.html/` included:
        /// its `index.html` would have to be a folder and the home page at once) and of
        /// the assets folder.
        /// `404/` too: hosts that serve pretty URLs answer `/404` with either `404.html` or
        /// `404/index.html`, so a page there would be confused with the not-found page.
        package static let reservedPagePaths: Set<String> = {
            var paths: Set<String> = ["", "404/", assetsFolder]
            for file in siteFiles {
                paths.insert(String(file.prefix { $0 != "/" }) + "/")
            }
            return paths
        }()
    }
}
