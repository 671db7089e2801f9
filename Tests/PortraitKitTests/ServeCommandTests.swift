import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PortraitTestSupport
import Synchronization
import Testing

/// `portrait serve` through the real binary and HTTP: the first build, rebuilds after changes,
/// a failed build, what is served and what is not, and stopping.
@Suite("portrait serve", .serialized)
struct ServeCommandTests {
    /// A running `portrait serve` and what it has printed.
    final class Server: @unchecked Sendable {
        let process = Process()
        let printed = Mutex("")
        let folder: TemporaryFolder

        init(_ arguments: [String], in folder: TemporaryFolder) throws {
            self.folder = folder
            process.executableURL = portraitExecutable
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1795000000"]) { $1 }
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.printed.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        deinit { if process.isRunning { process.terminate() } }

        var stderr: String { printed.withLock { $0 } }

        /// Waits up to `seconds` for `condition`; false when it never held.
        func wait(_ seconds: Double = 20, until condition: () async -> Bool) async -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if await condition() { return true }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return false
        }

        /// The port from the "Serving … at http://127.0.0.1:PORT/" line.
        var port: Int? {
            guard let range = stderr.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else { return nil }
            return Int(stderr[range].dropFirst("http://127.0.0.1:".count).dropLast())
        }

        func get(_ path: String, method: String = "GET") async throws -> (status: Int, type: String, body: String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port!)\(path)")!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
        }

        func status() async throws -> String { try await get("/__portrait/status.js").body }
    }

    static let customers = "customer_id,name,phone\nC1,Alpha Trading,13800138000\nC2,Beta Works,13900139000\n"
    static let orders = "order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,100\nO2,C2,2026-10-02,50\n"

    static func project() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("data/customers.csv", customers)
        folder.write("data/orders.csv", orders)
        return folder
    }

    @Test("builds, serves the site with the live script, rebuilds after a change and after a failed build", .timeLimit(.minutes(2)))
    func servesAndRebuilds() async throws {
        let server = try Server(["--port", "0", "--locale", "en"], in: Self.project())
        #expect(await server.wait { server.stderr.contains("Built site from data") }, "\(server.stderr)")
        #expect(server.stderr.contains("Serving site at http://127.0.0.1:"), "\(server.stderr)")

        let home = try await server.get("/")
        #expect(home.status == 200 && home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__portrait/live.js\" data-version=\"1\"></script></body>"))
        let onDisk = try #require(server.folder.read("site/index.html"))
        #expect(!onDisk.contains("__portrait"), "the files on disk are the site as build writes it")
        #expect(home.body.replacingOccurrences(of: "<script src=\"/__portrait/live.js\" data-version=\"1\"></script>", with: "") == onDisk)
        #expect(try await server.status() == "window.__portraitLive && window.__portraitLive(1, null, false);\n")
        let script = try await server.get("/__portrait/live.js")
        #expect(script.status == 200 && script.type.hasPrefix("text/javascript") && script.body.contains("location.reload()"))
        let export = try await server.get("/exports/customers.csv")
        #expect(export.status == 200 && export.type == "text/csv; charset=utf-8")
        #expect(export.body == server.folder.read("site/exports/customers.csv"))

        // A data change is built and served.
        server.folder.write("data/customers.csv", Self.customers.replacingOccurrences(of: "Beta Works", with: "Gamma Served"))
        #expect(await server.wait { (try? await server.status())?.contains("(2, null") == true }, "\(server.stderr)")
        #expect(try await server.get("/customers/").body.contains("Gamma Served"))
        #expect(server.stderr.contains("Inputs changed; building again."))

        // A broken configuration: the error is reported, the previous site still served.
        server.folder.write("portrait.yml", "thresholds:\n  stale_day: 3\n")
        #expect(await server.wait { (try? await server.status())?.contains("Unknown key \\u0027stale_day\\u0027") == true }, "\(server.stderr)")
        let status = try await server.status()
        #expect(status.hasPrefix("window.__portraitLive && window.__portraitLive(2, \"Cannot use the configuration: "), "\(status)")
        #expect(try await server.get("/customers/").body.contains("Gamma Served"))
        #expect(server.stderr.contains("The previous site is still served"))

        // Fixed, and a title set: built again, the error gone.
        server.folder.write("portrait.yml", "title: Served Title\n")
        #expect(await server.wait { (try? await server.status())?.contains("(3, null") == true }, "\(server.stderr)")
        #expect(try await server.get("/").body.contains("Served Title"))

        // New templates beside the data folder are watched too.
        server.folder.write("templates/assets/site.css", "body { color: #123456; }\n")
        #expect(await server.wait { (try? await server.status())?.contains("(4, null") == true }, "\(server.stderr)")
        #expect(try await server.get("/assets/site.css").body.contains("#123456"))

        // Ctrl-C stops it.
        kill(server.process.processIdentifier, SIGINT)
        #expect(await server.wait(10) { !server.process.isRunning })
        #expect(server.process.terminationStatus == 0)
        #expect(server.stderr.contains("stopped serving"))
    }

    @Test("what is not served: paths outside the site, hidden files, missing pages, other methods", .timeLimit(.minutes(1)))
    func refusesTheRest() async throws {
        let folder = Self.project()
        folder.write("secret.txt", "the ledger's neighbour")
        let server = try Server(["--port", "0"], in: folder)
        #expect(await server.wait { server.stderr.contains("Built site") }, "\(server.stderr)")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/.portrait-manifest", "/assets/../../secret.txt"] {
            let response = try await server.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("neighbour"), "\(path)")
        }
        let missing = try await server.get("/no-such-page.html")
        #expect(missing.status == 404 && missing.body.contains("There is no page at /no-such-page.html"))
        #expect(missing.body.contains("/__portrait/live.js"))
        #expect(try await server.get("/favicon.ico").status == 204, "the site has no icon; the browser's request logs no error")
        #expect(try await server.get("/", method: "POST").status == 405)
        #expect(try await server.get("/", method: "HEAD").status == 200)
    }

    @Test("a first build that fails keeps serving and builds once the input is fixed", .timeLimit(.minutes(1)))
    func firstBuildFails() async throws {
        let folder = Self.project()
        folder.write("data/orders.csv", "order_id,customer_id,order_date\nO1,C1,2026-10-01\n")
        let server = try Server(["--port", "0"], in: folder)
        #expect(await server.wait { server.stderr.contains("The orders table has no amount column") }, "\(server.stderr)")
        let waiting = try await server.get("/")
        #expect(waiting.status == 404 && waiting.body.contains("/__portrait/live.js"))
        #expect(try await server.status().contains("(0, \"Cannot read the ledger: "))
        folder.write("data/orders.csv", Self.orders)
        #expect(await server.wait { (try? await server.status())?.contains("(1, null") == true }, "\(server.stderr)")
        #expect(try await server.get("/").status == 200)
    }

    @Test("a port already taken stops it with exit 2 and a hint", .timeLimit(.minutes(1)))
    func portTaken() async throws {
        let first = try Server(["--port", "0"], in: Self.project())
        #expect(await first.wait { first.port != nil }, "\(first.stderr)")
        let second = Self.project()
        let run = try runPortrait(["serve", "--port", String(first.port!)], in: second.path)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1:\(first.port!): The server cannot listen there"), "\(run.stderr)")
        #expect(run.stderr.contains("--port"))
        #expect(!second.exists("site") && !second.exists(".site.staging"), "nothing is built before the port is taken")
    }
}
