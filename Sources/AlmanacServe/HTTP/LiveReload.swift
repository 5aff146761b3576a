import Foundation

/// The script that reloads a served page after each good build and lays the
/// errors of a bad one over it. It is added to HTML responses as they are
/// sent: no file on disk ever holds it.
enum LiveReload {
    static let statusPath = "/__almanac/status"

    /// Where the script (and, when `rooted`, a `<base href="/">`) go into an
    /// HTML file as it is sent: before its last `</body>` (or at its end), and
    /// after its first `<head>`. `rooted` is for the 404 page, which is served
    /// at any depth and whose relative links assume the root.
    static func insertions(into page: ServedFile, lastGood: Int, rooted: Bool = false) -> [ServedFile.Insertion] {
        var insertions = [ServedFile.Insertion(offset: page.offset(of: "</body>", last: true) ?? page.size,
                                               bytes: Array(script(lastGood: lastGood).utf8))]
        if rooted, let head = page.offset(of: "<head>", last: false) {
            insertions.append(ServedFile.Insertion(offset: head + "<head>".utf8.count, bytes: Array("\n<base href=\"/\">".utf8)))
        }
        return insertions
    }

    /// A page for when no build has worked yet (the first may still be running):
    /// only the error overlay, which turns into the site once a build works.
    static func noSitePage() -> [UInt8] {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>almanac serve: the site has errors</title></head>
        <body>
        <p>almanac serve: no build of the site has worked yet. If the first is still running, wait; if it failed, fix the problems listed in the terminal. This page reloads by itself.</p>
        </body>
        </html>

        """
        let tag = script(lastGood: -1)
        return Array(html.replacingOccurrences(of: "</body>", with: tag + "</body>").utf8)
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
