import Foundation

/// The script `loysite serve` adds to every HTML page it sends (never to the built
/// files): it listens to the live-reload events, reloads the page after a rebuild, and
/// shows a failed build's errors in an overlay over the last good page.
package enum LiveReloadScript {
    /// The `<script>` tag added before `</body>`; `data-build` says which build the page
    /// comes from, so a tab that missed a reload (asleep, disconnected) catches up.
    package static func tag(build: Int) -> String {
        "<script src=\"\(LiveReload.scriptPath)\" data-build=\"\(build)\" defer></script>"
    }

    /// `html` with the tag inserted before the last `</body>` (or at the end).
    package static func inject(into html: Data, build: Int) -> Data {
        let tag = Data(tag(build: build).utf8)
        let bytes = [UInt8](html)
        let marker = Array("</body".utf8)
        var index = bytes.count - marker.count
        while index >= 0 {
            if zip(bytes[index..<(index + marker.count)], marker).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                var result = Data(bytes[..<index])
                result.append(tag)
                result.append(contentsOf: bytes[index...])
                return result
            }
            index -= 1
        }
        return html + tag
    }

    /// The script itself, served at `LiveReload.scriptPath`. The overlay is built with
    /// DOM text nodes, so error messages (which quote the content) are never parsed as HTML.
    package static let source = #"""
    // loysite serve: live reload and build-error overlay. Not part of the built site.
    (function () {
      "use strict";
      var script = document.currentScript;
      var pageBuild = script ? script.getAttribute("data-build") : null;
      var overlay = null;

      function showErrors(lines, build) {
        hideErrors();
        overlay = document.createElement("div");
        overlay.id = "loysite-build-errors";
        overlay.setAttribute("role", "alert");
        // Every element styled in full: the site's own CSS (for pre, h2, button) must
        // not make the errors unreadable.
        overlay.style.cssText = "all:initial;position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
          "background:rgba(16,16,20,.97);color:#f3f3f3;padding:2rem;box-sizing:border-box;" +
          "font:14px/1.5 system-ui,sans-serif";
        var title = document.createElement("h2");
        title.style.cssText = "all:initial;display:block;margin:0 0 .5rem;color:#ff7b72;font:600 18px/1.3 system-ui,sans-serif";
        title.textContent = "loysite: the build failed";
        var note = document.createElement("p");
        note.style.cssText = "all:initial;display:block;margin:0 0 1rem;font:14px/1.4 system-ui,sans-serif;color:#c9c9c9";
        note.textContent = (build > 0 ? "Still showing the last good build. " : "Nothing has built yet. ") +
          "Fix the problems below and save: the page reloads by itself.";
        var list = document.createElement("pre");
        list.style.cssText = "all:initial;display:block;white-space:pre-wrap;margin:0 0 1rem;padding:1rem;" +
          "background:#0b0b0e;color:#f3f3f3;border:1px solid #3a3a44;border-radius:6px;" +
          "font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
        list.textContent = lines.join("\n");
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Dismiss";
        close.style.cssText = "all:initial;cursor:pointer;padding:.35rem .9rem;border:1px solid #666;" +
          "border-radius:4px;color:#f3f3f3;background:#2a2a33;font:14px system-ui,sans-serif";
        close.onclick = hideErrors;
        overlay.appendChild(title);
        overlay.appendChild(note);
        overlay.appendChild(list);
        overlay.appendChild(close);
        (document.body || document.documentElement).appendChild(overlay);
      }

      function hideErrors() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      if (!window.EventSource) { return; }
      var events = new EventSource("/__loysite/events");
      events.addEventListener("hello", function (event) {
        var state = JSON.parse(event.data);
        if (pageBuild !== null && String(state.build) !== pageBuild) { location.reload(); return; }
        if (state.errors.length) { showErrors(state.errors, state.build); } else { hideErrors(); }
      });
      events.addEventListener("reload", function () { location.reload(); });
      events.addEventListener("build-error", function (event) {
        var state = JSON.parse(event.data);
        showErrors(state.errors, state.build);
      });
    })();
    """#
}
