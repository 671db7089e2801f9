import Dispatch
import Foundation
import SiteRenderer
import Synchronization

/// Ctrl-C during a build: the writers stop, the staging folder is removed and the process
/// exits 130, the previous site untouched (it is only replaced by the final rename).
///
/// A build that is writing notices at its next write, abandons its staging folder on the way
/// out and the command exits 130 (`exitIfInterrupted`). A build still reading writes nothing
/// yet; the handler ends it after a grace period, removing the staging folder itself.
package enum Interruption {
    nonisolated(unsafe) private static var source: (any DispatchSourceSignal)?
    private static let requested = Atomic<Bool>(false)

    /// Installs the handler for a build writing into `output`.
    package static func cleanUpOnInterrupt(output: String) {
        let staging = SiteWriter.stagingPath(for: output)
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            requested.store(true, ordering: .sequentiallyConsistent)
            SiteWriter.stopAll()
            sleep(2)
            SiteWriter.whileNotPublishing { try? FileManager.default.removeItem(atPath: staging) }
            exitInterrupted()
        }
        source.resume()
        Self.source = source
    }

    /// When Ctrl-C stopped the build, reports it and exits 130; otherwise returns.
    package static func exitIfInterrupted() {
        if requested.load(ordering: .sequentiallyConsistent) { exitInterrupted() }
    }

    private static func exitInterrupted() -> Never {
        FileHandle.standardError.write(Data("portrait: interrupted; the previous site is untouched.\n".utf8))
        exit(130)
    }
}
