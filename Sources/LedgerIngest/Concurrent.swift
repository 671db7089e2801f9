import Foundation

/// A computation running on its own thread; `wait()` returns its value or rethrows its error.
///
/// A plain thread rather than a task: ingest is synchronous code that keeps a core busy for
/// seconds, which would starve the cooperative pool.
final class Concurrent<Value>: @unchecked Sendable {
    // Unchecked: `body` and `result` are touched by the thread before `done` is signalled and by
    // the caller only after `wait()` has seen the signal.
    private let body: () throws -> Value
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () throws -> Value) {
        self.body = body
        let thread = Thread { [self] in
            result = Result { try self.body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the thread is done. Call it once.
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
