import Foundation
import LoysiteBuild
import LoysiteSupport

/// `loysite serve`: builds the site into a private folder, serves it over HTTP, and
/// rebuilds it when `content/` or `templates/` change, telling open tabs to reload.
///
/// The preview is built into a fresh folder under the system's temporary directory,
/// never into the site's `site/`, so serving cannot clobber a build that is about to
/// be deployed; it is built with base URL `/` so links and canonical URLs work on
/// localhost. A failed rebuild leaves the last good preview in place (the build only
/// swaps its output in on success): tabs keep showing it, with the errors on top.
package final class ServeSession: @unchecked Sendable {
    package struct Options: Sendable {
        package var root: URL
        package var host: String
        package var port: Int
        package var includeDrafts: Bool
        /// Where the preview is built; nil: a new folder in the system's temporary
        /// directory, removed by `stop()`.
        package var workFolder: URL?
        /// How often the watched folders are polled.
        package var pollInterval: TimeInterval

        package init(root: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false, workFolder: URL? = nil, pollInterval: TimeInterval = 0.3) {
            self.root = root.standardizedFileURL
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.workFolder = workFolder
            self.pollInterval = pollInterval
        }
    }

    /// What one build of the session did, for the terminal.
    package struct BuildReport: Sendable {
        package var result: BuildResult
        /// The build's number when it succeeded (1 for the first good build).
        package var number: Int?
        package var seconds: Double
        /// What changed since the previous build, relative to the root; empty for the first.
        package var changedPaths: [String]
        /// Open tabs told to reload or to show the errors.
        package var tabsNotified: Int

        package var succeeded: Bool { number != nil }
    }

    package let options: Options
    package let liveReload = LiveReload()
    /// The folder served: the preview build's output.
    package let output: URL
    private let workFolder: URL
    private let removesWorkFolder: Bool
    private let server: HTTPServer
    private var watcher: Watcher?
    private let onBuild: @Sendable (BuildReport) -> Void
    private let buildQueue = DispatchQueue(label: "loysite.serve.build")
    /// Keeps what each build made, so a rebuild does only what the change affects.
    private let builds: BuildSession
    private var goodBuilds = 0

    /// Binds the port (a taken port fails here, before any build) and prepares the
    /// preview folder. Nothing is built or served until `start()`.
    /// - Parameter onRefusedHost: told once per `Host` name refused (see `HostPolicy`).
    package init(options: Options, onRefusedHost: (@Sendable (String) -> Void)? = nil, onBuild: @escaping @Sendable (BuildReport) -> Void) throws(ServeError) {
        self.options = options
        self.onBuild = onBuild
        if let folder = options.workFolder {
            workFolder = folder.standardizedFileURL
            removesWorkFolder = false
        } else {
            workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("loysite-serve-\(UUID().uuidString)")
            removesWorkFolder = true
        }
        do {
            try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateOutput(path: workFolder.path, reason: error.localizedDescription)
        }
        output = workFolder.appendingPathComponent(SiteLayout.defaultOutputFolder)
        builds = BuildSession(options: BuildOptions(root: options.root, output: output, baseURL: "/", includeDrafts: options.includeDrafts))
        let responder = SiteResponder(files: StaticFiles(root: output), liveReload: liveReload)
        do {
            server = try HTTPServer(host: options.host, port: options.port) { responder.respond(to: $0) }
            server.onRefusedHost = onRefusedHost
        } catch {
            if removesWorkFolder { try? FileManager.default.removeItem(at: workFolder) }
            throw error
        }
    }

    /// `http://127.0.0.1:8000/`.
    package var url: String { server.url }
    package var port: Int { server.port }

    /// The folders whose changes trigger a rebuild (`content/site.yml` is inside `content/`).
    package var watchedFolders: [URL] {
        SiteLayout.watchedFolders.map { options.root.appendingPathComponent($0) }
    }

    /// Builds once, then serves and watches. Returns after the first build (its report
    /// has gone to `onBuild`); serving and rebuilding go on in the background until `stop()`.
    package func start() {
        let watcher = Watcher(folders: watchedFolders, relativeTo: options.root, interval: options.pollInterval) { [weak self] paths in
            self?.rebuild(changed: paths)
        }
        self.watcher = watcher
        watcher.start() // snapshot first, so an edit made during the first build is not missed
        rebuild(changed: [])
        server.start()
    }

    /// Builds now (serialised with the watcher's rebuilds) and tells open tabs.
    @discardableResult
    package func rebuild(changed paths: [String]) -> BuildReport {
        buildQueue.sync {
            let started = Date()
            // Incremental after the first build: the watcher says which files changed.
            let result = builds.build(changed: paths.isEmpty ? nil : paths)
            let seconds = Date().timeIntervalSince(started)
            var report = BuildReport(result: result, number: nil, seconds: seconds, changedPaths: paths, tabsNotified: 0)
            if result.failed(strict: false) || !result.wrote {
                report.tabsNotified = liveReload.buildFailed(errors: result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description))
            } else {
                goodBuilds += 1
                report.number = goodBuilds
                report.tabsNotified = liveReload.siteRebuilt(build: goodBuilds)
            }
            onBuild(report)
            return report
        }
    }

    /// Stops watching and serving (open connections are closed) and removes the
    /// preview folder. Safe to call more than once.
    package func stop() {
        watcher?.stop()
        server.stop()
        buildQueue.sync {
            // FileSystem's removal, not FileManager's: that took over 25 s for a
            // 10,000-page preview, and Ctrl-C waited for it.
            if removesWorkFolder { FileSystem.removeTree(workFolder.path) }
        }
    }
}
