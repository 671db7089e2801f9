import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String` hashes non-ASCII text through Unicode normalization (canonical equivalence), which
/// made interning a Chinese product name per order line a visible part of reading orders, and
/// counting customers per industry a visible part of the site's digest. Equal bytes imply equal
/// strings, so a table keyed by this can sit in front of a `String`-keyed one without changing
/// any result; it only misses on a differently-encoded equivalent.
package struct UTF8Key: Hashable {
    package let text: String

    package init(text: String) {
        self.text = text
    }

    package static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        var a = lhs.text, b = rhs.text
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
