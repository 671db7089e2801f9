import Foundation
import SiteRenderer

/// The script `portrait serve` adds to every page it sends (never to the files on disk).
///
/// The pages' Content-Security-Policy allows scripts from the site itself and nothing else: no
/// inline script, no `fetch` (`connect-src` falls back to `default-src 'none'`). So the page
/// loads `live.js` from the server, and `live.js` asks for the build status by loading
/// `status.js` as a script, once a second; the answer calls back with the site's version and
/// the last build's error. A new version reloads the page; an error is shown in a banner over it.
enum LiveReload {
    static let scriptPath = "/__portrait/live.js"
    static let statusPath = "/__portrait/status.js"

    /// The tag added to a page served at `version`.
    static func tag(version: Int) -> String {
        "<script src=\"\(scriptPath)\" data-version=\"\(version)\"></script>"
    }

    /// The answer to a poll: the current version and error, as a call of the page's callback.
    static func status(_ status: LiveSite.Status) -> String {
        let failure = status.failure.map { "\"" + HTML.javaScriptString($0) + "\"" } ?? "null"
        return "window.__portraitLive && window.__portraitLive(\(status.version), \(failure), \(status.building));\n"
    }

    static let script = """
        // portrait serve: reloads this page when the site is rebuilt, and shows a failed build.
        (function () {
          var me = document.currentScript;
          var loaded = me ? me.getAttribute('data-version') : null;
          var banner = null;
          document.documentElement.setAttribute('data-portrait-live', loaded || '');

          function show(failure) {
            if (!failure) {
              if (banner) { banner.remove(); banner = null; }
              return;
            }
            if (!banner) {
              banner = document.createElement('div');
              banner.id = 'portrait-build-failure';
              banner.setAttribute('role', 'alert');
              var s = banner.style;
              s.position = 'fixed'; s.left = '0'; s.right = '0'; s.top = '0'; s.zIndex = '2147483647';
              s.padding = '12px 16px'; s.background = '#991b1b'; s.color = '#ffffff';
              s.font = '14px/1.5 system-ui, sans-serif'; s.whiteSpace = 'pre-wrap';
              s.boxShadow = '0 2px 8px rgba(0, 0, 0, 0.3)';
              document.body.appendChild(banner);
            }
            banner.textContent = failure;
          }

          window.__portraitLive = function (version, failure, building) {
            if (String(version) !== loaded) { location.reload(); return; }
            show(failure);
          };

          function poll() {
            var probe = document.createElement('script');
            probe.src = '\(statusPath)?t=' + Date.now();
            probe.onload = probe.onerror = function () { probe.remove(); setTimeout(poll, 1000); };
            document.head.appendChild(probe);
          }
          setTimeout(poll, 1000);
        })();

        """

    /// The page sent for a path with no file: says why, and reloads once the site has it. Its
    /// Content-Security-Policy is the site pages' own, which the live script works under.
    static func missingPage(path: String, status: LiveSite.Status) -> String {
        let reason = status.version == 0 && status.failure == nil
            ? "The site is being built; this page reloads when it is ready."
            : "There is no page at \(HTML.escape(path)) in the site."
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'">
            <title>Not found</title></head>
            <body><h1>Not found</h1><p>\(reason)</p><p><a href="/">Dashboard</a></p>
            \(tag(version: status.version))</body></html>

            """
    }
}
