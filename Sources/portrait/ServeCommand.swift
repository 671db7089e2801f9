import ArgumentParser
import Dispatch
import Foundation
import PortraitKit
import SiteRenderer
import SiteServer

/// `portrait serve`: builds the site, serves it on 127.0.0.1, builds again when the data, the
/// configuration or the templates change, and reloads the open pages (site.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload when data, config or templates change.")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port on 127.0.0.1 (0: any free port).")
    var port: UInt16 = 8080

    func run() throws {
        let options = try site.buildOptions(ledger)
        let out = options.outputDirectory
        let live = LiveSite(options: options)
        Self.stopOnInterrupt(live)
        let report: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
        // The server runs as a task and the main thread serves the dispatch queues, so that
        // `main()` and the other commands stay synchronous, as they were.
        Task {
            do {
                try await LiveServer(site: live).run(port: port) { taken in
                    report("Serving \(out) at http://127.0.0.1:\(taken)/ (Ctrl-C to stop). Pages reload after each build.\n")
                    // Builds start once the port is taken (a port in use stops before any build),
                    // on a thread of their own: they are blocking work on every core, and the
                    // server answers while one runs, with the previous site.
                    Thread.detachNewThread { live.run(report: report) }
                }
            } catch {
                report("portrait: \(ListenError(port: port, reason: error))\n")
                Foundation.exit(2)
            }
        }
        dispatchMain()
    }

    /// Ctrl-C stops the server. A build under way stops at its next write and its staging
    /// folder is removed, the previous site kept, as with `portrait build`; between builds the
    /// kept staging folder stays for the next `build` or `serve` to reuse.
    static func stopOnInterrupt(_ site: LiveSite) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if site.status.building {
                SiteWriter.stopAll()
                SiteWriter.whileNotPublishing {
                    try? FileManager.default.removeItem(atPath: SiteWriter.stagingPath(for: site.options.outputDirectory))
                }
            }
            FileHandle.standardError.write(Data("portrait: stopped serving.\n".utf8))
            Foundation.exit(0)
        }
        source.resume()
        interruptSource = source
    }

    nonisolated(unsafe) private static var interruptSource: (any DispatchSourceSignal)?
}

/// The port cannot be listened on (most often another program holds it).
struct ListenError: Error, CustomStringConvertible {
    var port: UInt16
    var reason: any Error

    var description: String {
        "127.0.0.1:\(port): The server cannot listen there (\(reason)). Another program may hold the port; choose another with --port."
    }
}
