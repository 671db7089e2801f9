/// UTF-8 texts stored back to back, in segments of one buffer each.
///
/// Ten million interaction summaries as `String`s cost a heap object each (about 80 bytes for a
/// short Chinese sentence); here they cost their bytes plus a 16-byte `TextRef`.
///
/// `append(contentsOf:)` takes the other arena's segments as they are: each batch of a table
/// read fills an arena of its own, and copying them into one buffer moved every summary a
/// second time into fresh pages (2 % of reading a million customers, most of it page faults).
/// A `TextRef`'s offset holds its segment in the bits from `segmentShift` up.
package struct TextArena: Sendable {
    /// Never empty; texts are appended to the last.
    private var segments: [[UInt8]] = [[]]

    package init() {}

    package mutating func append(_ text: String) -> TextRef {
        guard !text.isEmpty else { return .empty }
        var text = text
        return text.withUTF8 { append(utf8: $0) }
    }

    /// `append(_:)` of a text given as its UTF-8 bytes.
    package mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) -> TextRef {
        guard !text.isEmpty else { return .empty }
        let last = segments.count - 1
        let offset = Int64(last) << Self.segmentShift | Int64(segments[last].count)
        segments[last].append(contentsOf: text)
        return TextRef(offset: offset, length: Int32(clamping: text.count))
    }

    /// Takes every text of `other` (its segments, not a copy of their bytes); a `TextRef` of
    /// `other` is one here once its offset is moved by the returned amount. Later texts go to a
    /// segment after them.
    package mutating func append(contentsOf other: TextArena) -> Int64 {
        let shift = Int64(segments.count) << Self.segmentShift
        segments += other.segments
        segments.append([])
        return shift
    }

    /// The text, or nil for `TextRef.empty`.
    package subscript(ref: TextRef) -> String? {
        guard ref.length > 0 else { return nil }
        return withUTF8(ref) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with a text's UTF-8 bytes (none for `TextRef.empty`), for writers that copy
    /// a text as it is: no `String` is made. The bytes are valid UTF-8, as `subscript(ref:)`
    /// would return them: every text comes from a `String` or from a cell of an input file that
    /// was checked (or decoded) as UTF-8 when it was read.
    package func withUTF8<R>(_ ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard ref.length > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let segment = Int(ref.offset >> Self.segmentShift)
        let start = Int(ref.offset & Self.localMask), end = start + Int(ref.length)
        return try segments[segment].withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Reserves room for `count` more bytes in the segment texts go to.
    package mutating func reserveCapacity(_ count: Int) {
        segments[segments.count - 1].reserveCapacity(segments[segments.count - 1].count + count)
    }

    /// A segment holds up to 2^40 bytes; the bits above hold the segment.
    private static var segmentShift: Int64 { 40 }
    private static var localMask: Int64 { 1 << segmentShift - 1 }
}

/// A text in a `TextArena`; `.empty` stands for a missing text.
package struct TextRef: Hashable, Sendable {
    package var offset: Int64
    package var length: Int32

    package static let empty = TextRef(offset: 0, length: 0)
    package var isEmpty: Bool { length == 0 }
}
