import Foundation

/// A value made by the first thread that asks for it; threads asking meanwhile wait for it.
///
/// The render threads share one ``SiteBuild``; a part of it that only some pages need is made
/// by whichever of those pages comes first instead of before any page can start.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    init(_ value: Value) { made = value }

    /// The value, made now if no thread has made it yet (the lock is held while it is made).
    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make!()
            made = value
            make = nil
            return value
        }
    }
}
