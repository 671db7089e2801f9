import Dispatch
import Foundation

/// Runs stages: prints `[2/8] Reading ledger` when stderr is a terminal, times each stage
/// and tags any thrown error with the stage (the stages themselves know nothing of this).
///
/// A stage that counts its work (`counting:`) shows it live on that line, `[5/7] Rendering
/// pages… 41,230 files, 20,400/s`, redrawn five times a second and finished with the total.
package final class StageRunner {
    package private(set) var timings: [(stage: BuildStage, seconds: Double)] = []
    private let total: Int
    private let interactive: Bool

    package init(total: Int, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.interactive = interactive
    }

    /// - Parameter count: the work done so far (files written), read from a timer thread.
    package func run<Value>(_ stage: BuildStage, counting count: (@Sendable () -> Int)? = nil,
                            _ body: () throws -> Value) throws -> Value {
        let head = "[\(stage.rawValue)/\(total)] \(stage.title)…"
        let start = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var ticker: DispatchSourceTimer?
        let stopped = DispatchSemaphore(value: 0)
        if interactive, let count {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.setCancelHandler { stopped.signal() }
            timer.schedule(deadline: .now() + 0.2, repeating: 0.2)
            timer.setEventHandler {
                let done = count(), elapsed = seconds()
                StageRunner.show("\r\(head) \(StageRunner.grouped(done)) files, \(StageRunner.grouped(Int(Double(done) / max(elapsed, 0.001))))/s\u{1B}[K")
            }
            timer.resume()
            ticker = timer
            StageRunner.show(head)
        } else if interactive {
            StageRunner.show(head + "\n")
        }
        defer {
            let elapsed = seconds()
            if let ticker, let count {
                ticker.cancel()
                stopped.wait() // the last redraw has finished
                let done = count()
                StageRunner.show("\r\(head) \(StageRunner.grouped(done)) files in \(String(format: "%.1f", elapsed)) s, "
                    + "\(StageRunner.grouped(Int(Double(done) / max(elapsed, 0.001))))/s\u{1B}[K\n")
            }
            timings.append((stage, elapsed))
        }
        do {
            return try body()
        } catch {
            throw PortraitError(stage: stage, wrapping: error)
        }
    }

    package var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }

    private static func show(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `12345` → `12,345`.
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }
}
