import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String` hashes non-ASCII text through Unicode normalization (canonical equivalence), which
/// made interning a Chinese product name per order line a visible part of reading orders (the
/// orders' loader interns the names of each batch through it). Equal bytes imply equal strings,
/// so a table keyed by this can sit in front of a `String`-keyed one without changing any
/// result; it only misses on a differently-encoded equivalent.
///
/// `public` and `@inlinable` so that the orders' table hashes inline (Swift 6.3 does not inline
/// `@inlinable package` members across modules; see `ByteBuffer`).
public struct UTF8Key: Hashable {
    public let text: String

    @inlinable
    public init(text: String) {
        self.text = text
    }

    @inlinable
    public static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        var a = lhs.text, b = rhs.text
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
