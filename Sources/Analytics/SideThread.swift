import Foundation

/// Work run on a thread of its own while the caller's thread does other work: the analytics
/// stage's two halves on a two-core machine, and the build's stages that overlap the one before
/// them (PortraitKit's `BackgroundJob`: the exports written while the pages render).
///
/// A thread of its own rather than a Dispatch worker or a task: the work is synchronous and keeps
/// a core busy; the page renderer's `concurrentPerform` uses one worker per core, which a job
/// holding one of them would leave idle; and the caller may itself be on the cooperative pool
/// (tests), which blocking on a pool job could starve. The work's error, if it throws, is thrown
/// by ``wait()``, so the caller reports it as its own.
package final class SideThread<Value: Sendable, Failure: Error>: @unchecked Sendable {
    // Unchecked: `result` is written once by the thread before `finished` is set under the lock,
    // and read only after `wait()` has seen it set.
    private let done = NSCondition()
    private var finished = false
    private var result: Result<Value, Failure>?

    package init(_ body: @escaping @Sendable () throws(Failure) -> Value) {
        let thread = Thread { [self] in
            let outcome: Result<Value, Failure>
            do throws(Failure) { outcome = .success(try body()) } catch { outcome = .failure(error) }
            done.lock()
            result = outcome
            finished = true
            done.broadcast()
            done.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the work has finished; its value, or its error. May be called again.
    package func wait() throws(Failure) -> Value {
        done.lock()
        while !finished { done.wait() }
        let outcome = result!
        done.unlock()
        return try outcome.get()
    }
}

extension SideThread where Failure == Never {
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
