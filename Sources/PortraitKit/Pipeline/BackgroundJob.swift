import Dispatch
import Foundation

/// Work started on a thread of its own and collected later with ``wait()``: a stage that
/// overlaps the one before it (the exports are written while the pages render).
///
/// A thread of its own rather than a Dispatch worker: the page renderer's `concurrentPerform`
/// uses one worker per core, and a job holding one of them would leave a core to the job alone
/// once the pages are done. The job's errors are thrown by ``wait()``, so the runner tags them
/// with the stage that collects them, as if the work had run there.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the job's thread before `done` is signalled; read only after.
    private var result: Result<Value, Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the job has finished; its value, or rethrows its error. May be called again.
    func wait() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
