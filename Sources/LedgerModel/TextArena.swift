/// UTF-8 texts stored back to back in one buffer.
///
/// Ten million interaction summaries as `String`s cost a heap object each (about 80 bytes for a
/// short Chinese sentence); here they cost their bytes plus a 16-byte `TextRef`.
package struct TextArena: Sendable {
    private var bytes: [UInt8] = []

    package init() {}

    package mutating func append(_ text: String) -> TextRef {
        guard !text.isEmpty else { return .empty }
        let offset = Int64(bytes.count)
        bytes.append(contentsOf: text.utf8)
        return TextRef(offset: offset, length: Int32(clamping: bytes.count - Int(offset)))
    }

    /// `append(_:)` of a text given as its UTF-8 bytes.
    package mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) -> TextRef {
        guard !text.isEmpty else { return .empty }
        let offset = Int64(bytes.count)
        bytes.append(contentsOf: text)
        return TextRef(offset: offset, length: Int32(clamping: text.count))
    }

    /// Appends every text of `other`; a `TextRef` of `other` is one here once its offset is
    /// moved by the returned amount.
    package mutating func append(contentsOf other: TextArena) -> Int64 {
        let offset = Int64(bytes.count)
        bytes.append(contentsOf: other.bytes)
        return offset
    }

    package var byteCount: Int { bytes.count }

    /// The text, or nil for `TextRef.empty`.
    package subscript(ref: TextRef) -> String? {
        guard ref.length > 0 else { return nil }
        let start = Int(ref.offset)
        return String(decoding: bytes[start..<start + Int(ref.length)], as: UTF8.self)
    }

    /// Calls `body` with a text's UTF-8 bytes (none for `TextRef.empty`), for writers that copy
    /// a text as it is: no `String` is made. The bytes are valid UTF-8, as `subscript(ref:)`
    /// would return them: every text comes from a `String` or from a cell of an input file that
    /// was checked (or decoded) as UTF-8 when it was read.
    package func withUTF8<R>(_ ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(ref.offset), end = start + Int(ref.length)
        return try bytes.withUnsafeBufferPointer { all in
            try body(ref.length > 0 ? UnsafeBufferPointer(rebasing: all[start..<end]) : UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    package mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }
}

/// A text in a `TextArena`; `.empty` stands for a missing text.
package struct TextRef: Hashable, Sendable {
    package var offset: Int64
    package var length: Int32

    package static let empty = TextRef(offset: 0, length: 0)
    package var isEmpty: Bool { length == 0 }
}
