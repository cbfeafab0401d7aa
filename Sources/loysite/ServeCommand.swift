import ArgumentParser
import Foundation
import LoysiteServe
import LoysiteSupport

/// `loysite serve`: the writing loop — build, serve on localhost, rebuild on save,
/// reload the browser. Runs until Ctrl-C.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on localhost, and rebuild and reload on every change.",
        discussion: """
        The preview is built into a temporary folder with base URL /, never into site/, \
        so a deployed build is left alone. content/ and templates/ are watched; after a \
        rebuild open browser tabs reload. A failed rebuild is shown in the terminal and \
        over the page, and the last good site keeps being served. Ctrl-C stops.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on; keep the default loopback address unless other machines must see the preview. Only requests naming localhost, a loopback address or this address (0.0.0.0 or ::: any IP address and this machine's name) are answered.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be from 0 to 65535 (0 picks a free port), found \(port)")
        }
    }

    func run() throws {
        let root = site.rootURL
        let made: Result<ServeSession, ServeError> = Result { () throws(ServeError) in
            try ServeSession(options: .init(root: root, host: host, port: port, includeDrafts: drafts), onRefusedHost: ServeCommand.refused, onBuild: ServeCommand.report)
        }
        let session: ServeSession
        switch made {
        case .success(let value):
            session = value
        case .failure(.invalidHost(let text)):
            throw ValidationError(ServeError.invalidHost(text).description)
        case .failure(let error):
            DiagnosticPrinter.note("error: \(error)")
            throw ExitCode(1)
        }
        // Ctrl-C and `kill` end the loop below instead of the process, so the
        // preview folder is removed and sockets are closed.
        let stopRequested = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            return source
        }
        session.start()
        ServeCommand.say("Serving \(site.display(root)) at \(session.url) — watching \(SiteLayout.watchedFolders.map { $0 + "/" }.joined(separator: " and ")); Ctrl-C to stop")
        if !HTTPServer.isLoopback(host) {
            DiagnosticPrinter.note("warning: listening on \(host): other machines on the network can see this preview")
        }
        stopRequested.wait()
        session.stop()
        for source in signals { source.cancel() }
        ServeCommand.say("Stopped.")
    }

    /// Lines for the terminal, written at once (not held in a buffer when stdout is a pipe).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalText.escapedKeepingLineBreaks(line) + "\n").utf8))
    }

    @Sendable static func refused(_ host: String) {
        DiagnosticPrinter.note("warning: refused requests for Host '\(host)' (421): only localhost, loopback addresses and the --host address are answered, so web pages cannot reach the preview through DNS rebinding")
    }

    @Sendable static func report(_ report: ServeSession.BuildReport) {
        DiagnosticPrinter.print(report.result.diagnostics)
        // File names are content: one that holds a line break must not forge a log line.
        let changed = report.changedPaths.map(TerminalText.escaped)
        let cause: String
        switch changed.count {
        case 0: cause = ""
        case 1: cause = "\(changed[0]) changed: "
        default: cause = "\(changed.count) files changed (\(changed[0]) …): "
        }
        let tabs = report.tabsNotified > 0 ? "; \(BuildSummary.count(report.tabsNotified, "tab")) told" : ""
        if report.succeeded {
            let warnings = report.result.diagnostics.warnings.isEmpty ? "" : " (\(BuildSummary.problems(report.result)))"
            let summary = changed.isEmpty ? BuildSummary.counts(verb: "Built", result: report.result, seconds: report.seconds)
                : BuildSummary.rebuilt(result: report.result, seconds: report.seconds)
            say(cause + summary + warnings + tabs)
        } else {
            DiagnosticPrinter.note(cause + BuildSummary.failure(command: "build", result: report.result, strict: false,
                consequence: "still serving the last good site") + tabs)
        }
    }
}
