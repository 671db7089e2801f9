import Foundation

/// `Int32` values keyed by the exact UTF-8 bytes of a string: an open-addressing table with a
/// multiply-xorshift hash, in front of the ledger's `[String: Int32]` indexes.
///
/// A `String` key is hashed with SipHash (and non-ASCII keys through Unicode normalization):
/// two lookups per order and interaction row made that a tenth of reading them. Equal bytes
/// imply equal strings, so a hit here is the answer the `String` table would give; a miss
/// (an orphan id, or an id spelled with other code points that `String` deems equal) falls
/// back to it, and every result is unchanged.
struct IDTable {
    /// Per bucket: 1 + index into `entries`, or 0 when empty. The count is a power of two.
    private var buckets: [Int32]
    private var keyStarts: [Int] = []
    private var keyLengths: [Int32] = []
    private var values: [Int32] = []
    private var keyBytes: [UInt8] = []

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = [Int32](repeating: 0, count: size)
        keyStarts.reserveCapacity(capacity)
        keyLengths.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { values.count }

    subscript(key: String) -> Int32? {
        var key = key
        return key.withUTF8 { self[bytes: $0] }
    }

    subscript(bytes bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let found = find(bytes)
        return found.entry >= 0 ? values[found.entry] : nil
    }

    /// Adds `key` unless it is there; the first value for a key stays.
    mutating func insert(_ key: String, _ value: Int32) {
        var key = key
        key.withUTF8 { insert(bytes: $0, value) }
    }

    /// Adds the key `bytes` unless it is there; the first value for a key stays.
    mutating func insert(bytes: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (count + 1) * 2 > buckets.count { grow() }
        let found = find(bytes)
        guard found.entry < 0 else { return }
        keyStarts.append(keyBytes.count)
        keyLengths.append(Int32(bytes.count))
        keyBytes.append(contentsOf: bytes)
        values.append(value)
        buckets[found.bucket] = Int32(values.count)
    }

    /// Every key as a string, with its value, in the order they were added.
    func forEach(_ body: (String, Int32) -> Void) {
        keyBytes.withUnsafeBufferPointer { stored in
            for entry in values.indices {
                let start = keyStarts[entry]
                let key = UnsafeBufferPointer(rebasing: stored[start..<start + Int(keyLengths[entry])])
                body(String(decoding: key, as: UTF8.self), values[entry])
            }
        }
    }

    /// The entry holding `bytes` (or -1) and the bucket where it is or would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (entry: Int, bucket: Int) {
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let slot = Int(buckets[bucket])
                if slot == 0 { return (-1, bucket) }
                let entry = slot - 1
                if Int(keyLengths[entry]) == bytes.count
                    && (bytes.isEmpty || memcmp(stored.baseAddress! + keyStarts[entry], bytes.baseAddress!, bytes.count) == 0) {
                    return (entry, bucket)
                }
                bucket = (bucket + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let size = buckets.count * 2
        let mask = size - 1
        var grown = [Int32](repeating: 0, count: size)
        keyBytes.withUnsafeBufferPointer { stored in
            for entry in values.indices {
                let key = UnsafeBufferPointer(rebasing: stored[keyStarts[entry]..<keyStarts[entry] + Int(keyLengths[entry])])
                var bucket = Int(truncatingIfNeeded: Self.hash(key)) & mask
                while grown[bucket] != 0 { bucket = (bucket + 1) & mask }
                grown[bucket] = Int32(entry + 1)
            }
        }
        buckets = grown
    }

    /// Per-process random seed, so crafted ids cannot be chosen to collide.
    private static let seed = UInt64.random(in: .min ... .max)

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            h = mix(h ^ tail)
        }
        return h
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
