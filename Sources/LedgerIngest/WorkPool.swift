import Foundation

/// A few threads running jobs from one queue, the caller's thread among them while it waits.
///
/// Plain threads rather than tasks: ingest is synchronous code that keeps a core busy for
/// seconds, which would starve the cooperative pool. Jobs may submit further jobs (a file's
/// chunks once the file is checked); `drain()` returns when none is queued or running. With
/// `workers` threads in all, `workers - 1` are started: the caller's is the last.
final class WorkPool: @unchecked Sendable {
    // Unchecked: every mutable property is read and written under `condition` only.
    private let condition = NSCondition()
    private var queue: [(() -> Void)?] = []
    private var head = 0
    private var running = 0
    private var stopping = false
    let workers: Int

    /// The processors this process may use, at least one.
    static var processors: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    init(workers: Int = WorkPool.processors) {
        self.workers = max(1, workers)
        for _ in 1..<self.workers {
            // Each thread keeps the pool alive until it stops; the pool keeps no thread, or the
            // two would keep each other forever (a leak per read, found by the ledger fuzzer).
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Stops the threads once the queue is empty; call when the pool is no longer needed.
    func shutDown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    func submit(_ job: @escaping () -> Void) {
        condition.lock()
        queue.append(job)
        condition.broadcast()
        condition.unlock()
    }

    /// Runs jobs on this thread until no job is queued or running.
    func drain() {
        condition.lock()
        while true {
            if let job = take() {
                run(job)
            } else if running == 0 {
                break
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            if let job = take() {
                run(job)
            } else if stopping {
                break
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    /// The next job, with the lock held.
    private func take() -> (() -> Void)? {
        guard head < queue.count else { return nil }
        let job = queue[head]
        queue[head] = nil
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }

    /// Runs `job` without the lock, which is held before and after.
    private func run(_ job: () -> Void) {
        running += 1
        condition.unlock()
        job()
        condition.lock()
        running -= 1
        if running == 0 && head == queue.count { condition.broadcast() }
    }
}
