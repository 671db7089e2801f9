import Foundation

/// Work run on a thread of its own while the caller's thread does other work: the analytics
/// stage's two halves on a two-core machine.
///
/// A thread of its own rather than a Dispatch worker or a task, like `BackgroundJob` in
/// PortraitKit: the work is synchronous and keeps a core busy, and the caller may itself be on
/// the cooperative pool (tests), which blocking on a pool job could starve.
final class SideThread<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `result` is written once by the thread before `done` is signalled, and read
    // only after `wait()` has seen the signal.
    private let done = NSCondition()
    private var finished = false
    private var result: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = body()
            done.lock()
            result = value
            finished = true
            done.signal()
            done.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the work has finished; its value.
    func wait() -> Value {
        done.lock()
        while !finished { done.wait() }
        let value = result!
        done.unlock()
        return value
    }

    /// Runs `side` on a thread of its own while `here` runs on the caller's thread; both in
    /// turn when `concurrent` is false. Either way the results are the same: the two share
    /// only values.
    static func run<Here>(concurrent: Bool, side: @escaping @Sendable () -> Value,
                          here: () -> Here) -> (Here, Value) {
        guard concurrent else {
            let value = side()
            return (here(), value)
        }
        let job = SideThread(side)
        let mine = here()
        return (mine, job.wait())
    }

    /// Whether this process may run two threads at once.
    static var hasSecondCore: Bool { ProcessInfo.processInfo.activeProcessorCount > 1 }
}
