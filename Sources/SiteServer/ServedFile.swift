import Foundation
import LedgerModel

/// Which file of the site a request path names, and how it is sent.
///
/// Only files inside the site are served: a path with a `..` step, a hidden name (the site's
/// manifest and marker) or a link leading outside the folder is not found. A folder's path
/// serves its `index.html`.
package struct ServedFile: Sendable, Equatable {
    /// The file's path on disk.
    package var path: String
    /// The `Content-Type` header.
    package var contentType: String
    /// Whether it is a page: the live-reload script is added to it.
    package var isPage: Bool

    /// The file `requestPath` (decoded, as the HTTP server hands it over) names inside `root`,
    /// or nil when there is none to serve.
    package static func resolve(_ requestPath: String, in root: String) -> ServedFile? {
        let components = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.contains(where: { $0.hasPrefix(".") || $0.contains("\0") }) else { return nil }
        guard let base = ResolvedPath.of(root) else { return nil }
        var candidate = base + (components.isEmpty ? "" : "/" + components.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { candidate += "/index.html" }
        guard let resolved = ResolvedPath.of(candidate), ResolvedPath.lies(resolved, below: base),
              FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        let type = contentType(forExtension: (resolved as NSString).pathExtension.lowercased())
        return ServedFile(path: resolved, contentType: type, isPage: type.hasPrefix("text/html"))
    }

    /// The types of the files a site holds (with the images and fonts a user's templates may
    /// add under `assets/`); anything else is sent as bytes.
    static func contentType(forExtension pathExtension: String) -> String {
        switch pathExtension {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "otf": "font/otf"
        case "ico": "image/x-icon"
        case "txt", "md": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        default: "application/octet-stream"
        }
    }

    /// `page` with `tag` added before its last `</body>` (or `</BODY>`), or at its end when it has none.
    package static func inject(_ tag: String, into page: Data) -> Data {
        let found = [page.range(of: Data("</body>".utf8), options: .backwards),
                     page.range(of: Data("</BODY>".utf8), options: .backwards)].compactMap { $0 }.max { $0.lowerBound < $1.lowerBound }
        var result = page
        if let found { result.insert(contentsOf: Data(tag.utf8), at: found.lowerBound) } else { result.append(Data(tag.utf8)) }
        return result
    }
}
