/// Hashing of bytes a word at a time, by multiplying and xor-shifting: the hash of the readers'
/// id tables, of the duplicate search and of the pages' digest, which hash ids and labels
/// millions of times (SipHash, `Hasher`'s, costs several times more). Each table brings its own
/// random seed, so that keys cannot be chosen to collide.
///
/// `public` and `@inlinable` so that the tables of other modules hash inline (Swift 6.3 does not
/// inline `@inlinable package` members across modules; see `UTF8Key`).
public enum ByteHash {
    /// The hash of `bytes` under `seed`: the length, then one mix per 8 bytes; bytes beyond a
    /// multiple of 8 are hashed as the last 8 read where the bytes end (overlapping the word
    /// before), not assembled from a ragged tail.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard bytes.count > 8 else { return mix(h ^ packed(bytes)) }
        let raw = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped)
        var index = 0
        while index + 8 < bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        return mix(h ^ raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
    }

    /// At most 8 bytes as one zero-padded little-endian word (0 for none).
    @inlinable @inline(__always)
    public static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        if count == 8 { return raw.loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0
        var index = 0
        if count & 4 != 0 {
            word = UInt64(raw.loadUnaligned(as: UInt32.self))
            index = 4
        }
        if count & 2 != 0 {
            word |= UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)) << UInt64(index * 8)
            index += 2
        }
        if count & 1 != 0 {
            word |= UInt64(base[index]) << UInt64(index * 8)
        }
        return word
    }

    /// A 64-bit mixer (multiply, xor-shift): every input bit moves every output bit.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
