/// UTF-8 texts stored back to back, in segments of one buffer each.
///
/// Ten million interaction summaries as `String`s cost a heap object each (about 80 bytes for a
/// short Chinese sentence); here they cost their bytes plus a 16-byte `TextRef`.
///
/// `append(contentsOf:)` takes a large arena's segments as they are: each batch of a table read
/// fills an arena of its own, and copying them into one buffer moved every summary a second
/// time into fresh pages (2 % of reading a million customers, most of it page faults). A small
/// arena (a batch of one record, as XML files are read) is copied, so segments stay few and
/// large. A `TextRef`'s offset holds its segment in the bits from `segmentShift` up.
package struct TextArena: Sendable {
    /// Texts are appended to the last; none until the first text or reservation.
    private var segments: [[UInt8]] = []

    package init() {}

    package mutating func append(_ text: String) -> TextRef {
        guard !text.isEmpty else { return .empty }
        var text = text
        return text.withUTF8 { append(utf8: $0) }
    }

    /// `append(_:)` of a text given as its UTF-8 bytes.
    package mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) -> TextRef {
        guard !text.isEmpty else { return .empty }
        let offset = openLast(adding: text.count)
        segments[segments.count - 1].append(contentsOf: text)
        return TextRef(offset: offset, length: Int32(clamping: text.count))
    }

    /// Adds every text of `other`; a `TextRef` of `other` is one here once its offset is moved
    /// by the returned amount. `other`'s segments are taken as they are, or, when it has one of
    /// fewer than `copiedBelow` bytes, its bytes are copied after the last segment's.
    package mutating func append(contentsOf other: TextArena) -> Int64 {
        let bytes = other.segments.reduce(0) { $0 + $1.count }
        guard bytes > 0 else { return 0 }
        if other.segments.count == 1 && bytes < Self.copiedBelow {
            let shift = openLast(adding: bytes)
            segments[segments.count - 1].append(contentsOf: other.segments[0])
            return shift
        }
        let shift = Int64(segments.count) << Self.segmentShift
        segments += other.segments
        precondition(segments.count <= Self.maxSegments, "a text arena holds at most 2^23 segments")
        return shift
    }

    /// The offset the next `count` bytes get in the last segment, made if there is none.
    private mutating func openLast(adding count: Int) -> Int64 {
        if segments.isEmpty { segments.append([]) }
        let last = segments.count - 1, used = segments[last].count
        precondition(Int64(used + count) <= Self.localMask, "a text arena's segment holds at most 2^40 bytes")
        return Int64(last) << Self.segmentShift | Int64(used)
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
        if segments.isEmpty { segments.append([]) }
        segments[segments.count - 1].reserveCapacity(segments[segments.count - 1].count + count)
    }

    /// A segment holds up to 2^40 bytes (`localMask`); the 23 bits above hold the segment.
    private static var segmentShift: Int64 { 40 }
    private static var localMask: Int64 { 1 << segmentShift - 1 }
    private static var maxSegments: Int { 1 << 23 }
    /// Arenas of one segment smaller than this are copied rather than taken.
    private static var copiedBelow: Int { 64 << 10 }
}

/// A text in a `TextArena`; `.empty` stands for a missing text.
package struct TextRef: Hashable, Sendable {
    package var offset: Int64
    package var length: Int32

    package static let empty = TextRef(offset: 0, length: 0)
    package var isEmpty: Bool { length == 0 }
}
