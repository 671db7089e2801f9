import LedgerIngest
import SiteRenderer

/// The one error a user sees: which stage failed and a message naming the file (and line)
/// and what to do. Every such failure exits with status 2.
package struct PortraitError: Error, Sendable, CustomStringConvertible {
    package var stage: BuildStage
    package var message: String

    package init(stage: BuildStage, message: String) {
        self.stage = stage
        self.message = message
    }

    /// Wraps a per-module error at the stage boundary; unknown errors keep their text.
    package init(stage: BuildStage, wrapping error: any Error) {
        self.stage = stage
        switch error {
        case let error as PortraitError: self = error
        case let error as IngestError: message = error.description
        case let error as ConfigurationError: message = error.description
        case let error as SiteWriterError: message = error.description
        default: message = String(describing: error)
        }
    }

    package var description: String { "\(stage.failure): \(message)" }
}
