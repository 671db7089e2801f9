import FlyingFox
import Foundation

/// The HTTP side of `portrait serve`: the site's files on 127.0.0.1, pages with the live-reload
/// script added, and the script and status it polls. Nothing is cached (`no-store`): after a
/// rebuild every file is read again.
package struct LiveServer: HTTPHandler {
    let site: LiveSite

    package init(site: LiveSite) {
        self.site = site
    }

    /// Listens on 127.0.0.1:`port` (0: any free port) and calls `listening` with the port taken.
    package func run(port: UInt16, listening: @escaping @Sendable (UInt16) -> Void) async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: self)
        // The server's error (a port in use) ends the group at once, not after the wait's timeout.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if case let .ip4(_, port: taken) = await server.listeningAddress { listening(taken) }
            }
            try await group.next()
            try await group.next()
        }
    }

    package func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let status = site.status
        switch request.path {
        case LiveReload.scriptPath: return Self.response(.ok, type: "text/javascript; charset=utf-8", Data(LiveReload.script.utf8))
        case LiveReload.statusPath: return Self.response(.ok, type: "text/javascript; charset=utf-8", Data(LiveReload.status(status).utf8))
        default: break
        }
        guard let file = ServedFile.resolve(request.path, in: site.options.outputDirectory) else {
            // Browsers ask every http:// site for an icon by themselves; the site has none, and
            // a 404 would log an error in the console of every page.
            if request.path == "/favicon.ico" { return HTTPResponse(statusCode: .noContent) }
            return Self.response(.notFound, type: "text/html; charset=utf-8",
                                 Data(LiveReload.missingPage(path: request.path, status: status).utf8))
        }
        if file.isPage {
            guard let page = FileManager.default.contents(atPath: file.path) else { return HTTPResponse(statusCode: .notFound) }
            return Self.response(.ok, type: file.contentType, ServedFile.inject(LiveReload.tag(version: status.version), into: page))
        }
        // Exports may be hundreds of megabytes: sent from the file, not read into memory first.
        guard let body = try? HTTPBodySequence(file: URL(fileURLWithPath: file.path)) else { return HTTPResponse(statusCode: .notFound) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: file.contentType, .cacheControl: "no-store"], body: body)
    }

    static func response(_ code: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: code, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
}
