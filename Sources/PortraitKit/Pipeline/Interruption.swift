import Dispatch
import Foundation
import SiteRenderer

/// Ctrl-C during a build: the staging folder is removed and the process exits 130, the
/// previous site untouched (it is only replaced by the final rename).
package enum Interruption {
    nonisolated(unsafe) private static var source: (any DispatchSourceSignal)?

    /// Installs the handler for a build writing into `output`.
    package static func cleanUpOnInterrupt(output: String) {
        let staging = SiteWriter.stagingPath(for: output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output)
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            try? FileManager.default.removeItem(atPath: staging)
            FileHandle.standardError.write(Data("portrait: interrupted; the previous site is untouched.\n".utf8))
            exit(130)
        }
        source.resume()
        Self.source = source
    }
}
