import Foundation

/// The script that reloads a served page after each good build and lays the
/// errors of a bad one over it. It is added to HTML responses as they are
/// sent: no file on disk ever holds it.
enum LiveReload {
    static let statusPath = "/__almanac/status"

    /// `html` with the script before its last `</body>` (or at its end), and
    /// `<base href="/">` after `<head>` when `rooted` (for the 404 page, which
    /// is served at any depth and whose relative links assume the root).
    static func inject(into html: Data, lastGood: Int, rooted: Bool = false) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        if rooted, let head = text.range(of: "<head>", options: .caseInsensitive) {
            text.insert(contentsOf: "\n<base href=\"/\">", at: head.upperBound)
        }
        let tag = script(lastGood: lastGood)
        if let body = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            text.insert(contentsOf: tag, at: body.lowerBound)
        } else {
            text += tag
        }
        return Data(text.utf8)
    }

    /// A page for when no build has worked yet: only the error overlay, which
    /// turns into the site as soon as the content is fixed.
    static func noSitePage() -> Data {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>almanac serve: the site has errors</title></head>
        <body>
        <p>almanac serve: the site could not be built yet. Fix the problems listed in the terminal; this page reloads by itself.</p>
        </body>
        </html>

        """
        return inject(into: Data(html.utf8), lastGood: -1)
    }

    static func script(lastGood: Int) -> String {
        """
        <script id="almanac-serve">/* added by almanac serve, not part of the site */
        (function () {
          var page = \(lastGood), seen = -1, box = null;
          function show(state) {
            if (state.ok) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement('div');
              box.id = 'almanac-serve-errors';
              box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;' +
                'background:rgba(24,24,24,.94);color:#f4f4f4;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
              document.body.appendChild(box);
            }
            box.textContent = 'almanac serve: the build failed. ' +
              (page < 0 ? 'No build has worked yet.' : 'Underneath is the last good version of this page.') +
              '\\n\\n' + state.diagnostics.join('\\n') + '\\n\\nSave a fix and the page reloads.';
          }
          function poll() {
            fetch('\(statusPath)?since=' + seen, {cache: 'no-store'})
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (state.ok && state.lastGood !== page) { location.reload(); return; }
                seen = state.generation; show(state); poll();
              }, function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>

        """
    }
}
