/// A run of bytes kept in a ``ByteArena``: appended to a ``ByteBuffer`` without touching a
/// reference count.
///
/// The fixed markup of a page is read by every render thread for every page; as `[UInt8]`
/// each use retains and releases the array, and two threads doing that to the same counters
/// fight over one cache line. A chunk is a plain pointer and length, valid while its arena lives.
/// Public, not `package`, for the reason given at ``ByteBuffer``.
public struct ByteChunk: BitwiseCopyable, @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<UInt8>?
    public let count: Int

    @inlinable
    init(base: UnsafePointer<UInt8>?, count: Int) {
        self.base = base
        self.count = count
    }

    package static let empty = ByteChunk(base: nil, count: 0)

    package var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes (tests).
    package var bytes: [UInt8] { base.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [] }
}

extension ByteBuffer {
    @inlinable @inline(__always)
    public mutating func append(_ chunk: ByteChunk) {
        guard let base = chunk.base else { return }
        append(UnsafeRawBufferPointer(start: base, count: chunk.count))
    }
}
