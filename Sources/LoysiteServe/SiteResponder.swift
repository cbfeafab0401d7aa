import Foundation
import LoysiteSupport

/// Answers the preview server's requests: files of the last good build (HTML with the
/// live-reload script added), the site's own 404 page for anything missing, and the
/// live-reload endpoints under `/__loysite/`.
package struct SiteResponder: Sendable {
    package let files: StaticFiles
    package let liveReload: LiveReload

    package init(files: StaticFiles, liveReload: LiveReload) {
        self.files = files
        self.liveReload = liveReload
    }

    /// Headers on every response: nothing is cached (the next reload must see the
    /// rebuilt file), and browsers trust the Content-Type.
    static let commonHeaders: [(name: String, value: String)] = [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ]

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.text(.methodNotAllowed, "405 Method Not Allowed: this preview server only answers GET and HEAD")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        let path = request.path
        switch path {
        case LiveReload.eventsPath:
            return HTTPResponse(
                status: .ok,
                headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")],
                body: .eventStream(open: { [liveReload] stream in liveReload.open(stream) }))
        case LiveReload.scriptPath:
            return response(.ok, mediaType: "text/javascript; charset=utf-8", body: Data(LiveReloadScript.source.utf8))
        default:
            break
        }
        let build = liveReload.currentBuild
        guard build > 0 else { return notBuiltYet() }
        switch files.resolve(path) {
        case .file(let url, let mediaType):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(build: build) }
            return response(.ok, mediaType: mediaType, body: MediaTypes.isHTML(mediaType) ? LiveReloadScript.inject(into: data, build: build) : data)
        case .redirect(let location):
            var response = HTTPResponse.text(.movedPermanently, "Moved to \(location)")
            response.headers.append(("Location", location + request.query))
            return response
        case .notFound:
            return notFound(build: build)
        case .forbidden:
            return HTTPResponse.text(.forbidden, "403 Forbidden: that path leads outside the site")
        case .badRequest:
            return HTTPResponse.text(.badRequest, "400 Bad Request: not a valid path")
        }
    }

    func response(_ status: HTTPStatus, mediaType: String, body: Data) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", mediaType)] + SiteResponder.commonHeaders, body: .bytes(body))
    }

    /// The site's own 404.html with status 404, as static hosts serve it.
    func notFound(build: Int) -> HTTPResponse {
        let page = files.root.appendingPathComponent(SiteLayout.Output.notFound)
        guard let data = FileManager.default.contents(atPath: page.path) else {
            return HTTPResponse.text(.notFound, "404 Not Found")
        }
        return response(.notFound, mediaType: "text/html; charset=utf-8", body: LiveReloadScript.inject(into: data, build: build))
    }

    /// Before the first good build there is no site: a page that shows the errors and
    /// reloads once a build succeeds.
    func notBuiltYet() -> HTTPResponse {
        let errors = liveReload.currentErrors
        let list = errors.isEmpty ? "<p>Building…</p>" : "<pre>\(Escape.html(errors.joined(separator: "\n")))</pre>"
        let html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>loysite: no site yet</title></head>
        <body>
        <h1>The site has not built yet</h1>
        \(list)
        <p>Fix the problems and save: this page reloads by itself.</p>
        \(LiveReloadScript.tag(build: 0))
        </body>
        </html>

        """
        return response(.serviceUnavailable, mediaType: "text/html; charset=utf-8", body: Data(html.utf8))
    }
}
