#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable run of UTF-8 bytes that pages and charts are written into, then handed to
/// `write(2)` as they are.
///
/// A hundred thousand portrait pages cannot afford a `String` per fragment: every `+` of two
/// strings is a capacity check, a possible reallocation and a retain/release pair. This buffer
/// is one allocation per render thread, reused page after page (``removeAll()`` keeps the
/// capacity); appending is a bounds check and a `memcpy`. It is `~Copyable` so it is never
/// copied by accident and needs no copy-on-write check on each append.
///
/// The type and its small appends are `public` and `@inlinable`, not `package`: Swift 6.3 does
/// not make the bodies of `@inlinable package` members available to other modules (checked
/// with `-emit-sil`: they stay `package_external` calls), so every `append` from
/// `SiteRenderer` was a call; a third of the portrait writer's instructions were such calls.
/// - Complexity: amortised O(n) per append of n bytes.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0
    @usableFromInline var capacity: Int

    /// Bytes written so far.
    @inlinable public var count: Int { used }

    package init(capacity: Int = 16_384) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the bytes and keeps the memory for the next page.
    @inlinable
    public mutating func removeAll() { used = 0 }

    /// Drops the bytes after the first `length`: takes back a part that turned out empty.
    @inlinable
    public mutating func truncate(to length: Int) {
        precondition(length >= 0 && length <= used, "truncate beyond the end")
        used = length
    }

    /// Makes room for `extra` more bytes, so a run of small appends checks capacity once.
    @inlinable
    public mutating func reserve(_ extra: Int) {
        if used + extra > capacity { grow(to: used + extra) }
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: used)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    /// The bytes written so far, valid only inside `body`.
    package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: used))
    }

    /// The bytes as an array (tests, and the few callers that keep a page).
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: used)) }

    /// The bytes as a string (tests and previews).
    package var string: String { String(decoding: UnsafeBufferPointer(start: base, count: used), as: UTF8.self) }

    // MARK: Appending

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if used == capacity { grow(to: used + 1) }
        base[used] = byte
        used += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        if used + n > capacity { grow(to: used + n) }
        (base + used).initialize(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        used += n
    }

    /// Appends the eight bytes of `value`, little-endian (fingerprints, not text).
    @inlinable @inline(__always)
    public mutating func append(littleEndian value: UInt64) {
        reserve(8)
        UnsafeMutableRawPointer(base + used).storeBytes(of: value.littleEndian, as: UInt64.self)
        used += 8
    }

    /// Appends markup written in the source (`"<div class=\"kpi\">"`): no escaping.
    ///
    /// Always inlined: the length is then a constant at each of the pages' hundreds of call
    /// sites, and the copy a few moves instead of a call and a `memcpy`.
    @inlinable @inline(__always)
    public mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends bytes prepared earlier (markup, or text already escaped).
    @inlinable
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends a string's UTF-8 as it is: for markup, never for text from the data.
    package mutating func append(raw text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) { return done }
        var copy = text
        copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends text with `& < > " '` replaced by entities: safe in element content and in quoted
    /// attributes, byte for byte what `HTML.escape` and `XML.escape` return.
    ///
    /// The five characters are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so
    /// escaping bytes is escaping characters. Text without them (nearly all) is one `memcpy`.
    package mutating func append(escaping text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append(escaping: UnsafeRawBufferPointer($0)) }) { return done }
        var copy = text
        copy.withUTF8 { append(escaping: UnsafeRawBufferPointer($0)) }
    }

    package mutating func append(escaping bytes: UnsafeRawBufferPointer) {
        var start = 0
        var index = 0
        let n = bytes.count
        while index < n {
            let byte = bytes[index]
            // `"` 0x22, `&` 0x26, `'` 0x27, `<` 0x3C, `>` 0x3E: all below 0x40, so one compare
            // passes letters and every byte of a multi-byte character, and a bit mask the rest.
            if byte < 0x40 && (UInt64(1) << UInt64(byte)) & ByteBuffer.escapeMask != 0 {
                if index > start { append(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
                switch byte {
                case 0x26: append("&amp;")
                case 0x3C: append("&lt;")
                case 0x3E: append("&gt;")
                case 0x22: append("&quot;")
                default: append("&#39;")
                }
                start = index + 1
            }
            index += 1
        }
        if n > start { append(UnsafeRawBufferPointer(rebasing: bytes[start..<n])) }
    }

    private static let escapeMask: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    // MARK: Numbers

    /// Appends the decimal digits of `value`, with `-` when negative.
    @inlinable
    public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        append(digits: value.magnitude)
    }

    /// Appends the decimal digits of `value`, at least `width` of them (zero-padded).
    @inlinable @inline(__always)
    public mutating func append(digits value: UInt, width: Int = 1) {
        // Days, months, hours, scores and counts are mostly one or two digits: written without
        // the general loop's divisions (a portrait page has a few hundred of them).
        if value < 100 && width <= 2 {
            reserve(2)
            if value >= 10 || width == 2 {
                base[used] = UInt8(truncatingIfNeeded: value / 10) &+ 0x30
                used += 1
            }
            base[used] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
            used += 1
            return
        }
        var length = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            length += 1
        }
        let total = Swift.max(length, width)
        reserve(total)
        var at = used + total
        var rest = value
        repeat {
            at -= 1
            base[at] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
        } while rest > 0
        while at > used {
            at -= 1
            base[at] = 0x30
        }
        used += total
    }
}
