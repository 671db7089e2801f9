import Analytics
import LedgerIngest
import LedgerModel
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

    /// A table whose amounts add up beyond what exact sums hold (``MoneyBounds``).
    init(stage: BuildStage, _ excess: MoneyBounds.Excess, in ledger: Ledger) {
        let files = ledger.source(excess.table).files
        let place = files.count == 1 ? "\(files[0]):\(excess.line)" : "\(excess.table.rawValue) (line \(excess.line))"
        self.init(stage: stage, message: "\(place): the \(excess.table.rawValue) \(excess.column) values add up to more than "
            + "9223372036854.775807, the largest total Portrait keeps exact; the largest is "
            + "\(excess.largest.formatted()), on this line. Check it for extra digits or a misplaced decimal point.")
    }

    package var description: String { "\(stage.failure): \(message)" }
}
