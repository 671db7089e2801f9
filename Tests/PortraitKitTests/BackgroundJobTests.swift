import Foundation
@testable import PortraitKit
import Testing

/// A stage started ahead on its own thread gives its value, or its error, to whoever waits.
@Suite struct BackgroundJobTests {
    struct Failure: Error, Equatable { let code: Int }

    @Test func aJobGivesItsValueToEveryWait() throws {
        let job = BackgroundJob { (0..<100_000).reduce(0, +) }
        #expect(try job.wait() == 4_999_950_000)
        #expect(try job.wait() == 4_999_950_000)
    }

    @Test func aJobsErrorIsThrownByWait() {
        let job = BackgroundJob { () throws -> Int in throw Failure(code: 7) }
        #expect(throws: Failure(code: 7)) { try job.wait() }
        #expect(throws: Failure(code: 7)) { try job.wait() }
    }

    @Test func aJobRunsBesideTheThreadThatStartedIt() throws {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let job = BackgroundJob { () -> String in
            started.signal()
            release.wait()
            return "done"
        }
        // The job has started while this thread has not waited for it yet.
        #expect(started.wait(timeout: .now() + 10) == .success)
        release.signal()
        #expect(try job.wait() == "done")
    }
}
