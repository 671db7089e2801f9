/// A value a pool job fills in for the thread that waits for the pool (`WorkPool.drain()`).
final class Shared<Value>: @unchecked Sendable {
    // Unchecked: written by one job, read only after the pool is drained.
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
