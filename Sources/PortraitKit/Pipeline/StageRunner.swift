import Foundation

/// Runs stages: prints `[2/8] Reading ledger` when stderr is a terminal, times each stage
/// and tags any thrown error with the stage (the stages themselves know nothing of this).
package final class StageRunner {
    package private(set) var timings: [(stage: BuildStage, seconds: Double)] = []
    private let total: Int
    private let interactive: Bool

    package init(total: Int, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.interactive = interactive
    }

    package func run<Value>(_ stage: BuildStage, _ body: () throws -> Value) throws -> Value {
        if interactive {
            FileHandle.standardError.write(Data("[\(stage.rawValue)/\(total)] \(stage.title)…\n".utf8))
        }
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            timings.append((stage, seconds))
        }
        do {
            return try body()
        } catch {
            throw PortraitError(stage: stage, wrapping: error)
        }
    }

    package var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}
