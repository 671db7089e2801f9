import Foundation
import LedgerModel

/// `Int32` values keyed by the exact UTF-8 bytes of a string: an open-addressing table with a
/// multiply-xorshift hash (`ByteHash`), in front of the ledger's `[String: Int32]` indexes.
///
/// A `String` key is hashed with SipHash (and non-ASCII keys through Unicode normalization):
/// two lookups per order and interaction row made that a tenth of reading them. Equal bytes
/// imply equal strings, so a hit here is the answer the `String` table would give; a miss
/// (an orphan id, or an id spelled with other code points that `String` deems equal) is for
/// the caller to settle (`StringKeyTable`).
///
/// Each 16-byte bucket holds a tag (hash bits and the key's length), the value, and the key
/// itself when it has at most 8 bytes (`C000123`, `S023`), else where it is in `keyBytes`: a
/// lookup of a short id touches one cache line, where arrays of entries and key offsets cost
/// three misses per lookup in a table of a million customers.
///
/// A class over raw memory rather than a struct of arrays: a struct kept in a class property
/// was copied (its arrays retained and released) for every lookup, which cost more than the
/// lookup. Lookups may run on several threads at once while nothing inserts.
final class IDTable: @unchecked Sendable {
    // Unchecked: mutated only by `insert`, which callers never run beside lookups.
    private struct Bucket {
        /// 0 when empty; else hash bits 31...4 (bit 4 forced on) and, in bits 3...0, the key's
        /// length when at most 8, or 15 for a longer key.
        var tag: UInt32
        var value: Int32
        /// A short key's bytes, zero-padded; a longer key's offset in `keyBytes`, where its
        /// length (`UInt32`) precedes its bytes.
        var key: UInt64
    }

    // Unchecked exclusivity: see the class comment for who may touch the table when; the
    // checks cost more than a lookup.
    @exclusivity(unchecked) private var buckets: UnsafeMutablePointer<Bucket>
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var keyBytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var keyByteCount = 0
    @exclusivity(unchecked) private var keyByteCapacity: Int
    /// `IDTable.processSeed`, kept here: reading the global costs a `swift_once` per lookup.
    private let seed = IDTable.processSeed

    /// A table for `capacity` keys, whose keys longer than 8 bytes take about `keyBytes` bytes
    /// in all: reserved at once, the key storage is not copied as it fills (pages never
    /// written cost nothing).
    init(capacity: Int = 0, keyBytes: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = Self.allocateBuckets(size)
        mask = size - 1
        keyByteCapacity = max(64, keyBytes)
        self.keyBytes = .allocate(capacity: keyByteCapacity)
    }

    deinit {
        Self.deallocateBuckets(buckets, mask + 1)
        keyBytes.deallocate()
    }

    /// Grows the table once to hold `capacity` keys without growing again.
    func reserveCapacity(_ capacity: Int) {
        while capacity * 2 > mask + 1 { grow() }
    }

    subscript(key: String) -> Int32? {
        var key = key
        return key.withUTF8 { self[bytes: $0] }
    }

    subscript(bytes bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let found = find(bytes)
        return found.hit ? buckets[found.bucket].value : nil
    }

    /// Adds `key` unless it is there; the first value for a key stays.
    func insert(_ key: String, _ value: Int32) {
        var key = key
        key.withUTF8 { insert(bytes: $0, value) }
    }

    /// Adds the key `bytes` unless it is there; the first value for a key stays.
    func insert(bytes: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        _ = insertOrFind(bytes: bytes, value)
    }

    /// The value of the key `bytes` when it is there; else adds it with `value` and returns nil.
    /// One hash and one probe where a lookup and an insert take two of each.
    func insertOrFind(bytes: UnsafeBufferPointer<UInt8>, _ value: Int32) -> Int32? {
        if (count + 1) * 2 > mask + 1 { grow() }
        let found = find(bytes)
        if found.hit { return buckets[found.bucket].value }
        var stored: UInt64
        if bytes.count <= 8 {
            stored = ByteHash.packed(bytes)
        } else {
            let needed = keyByteCount + 4 + bytes.count
            if needed > keyByteCapacity {
                while needed > keyByteCapacity { keyByteCapacity *= 2 }
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: keyByteCapacity)
                grown.moveInitialize(from: keyBytes, count: keyByteCount)
                keyBytes.deallocate()
                keyBytes = grown
            }
            UnsafeMutableRawPointer(keyBytes + keyByteCount).storeBytes(of: UInt32(bytes.count), as: UInt32.self)
            (keyBytes + keyByteCount + 4).initialize(from: bytes.baseAddress!, count: bytes.count)
            stored = UInt64(keyByteCount)
            keyByteCount = needed
        }
        buckets[found.bucket] = Bucket(tag: found.tag, value: value, key: stored)
        count += 1
        return nil
    }

    /// Every key as a string, with its value.
    func forEach(_ body: (String, Int32) -> Void) {
        for index in 0...mask where buckets[index].tag != 0 {
            let bucket = buckets[index]
            if bucket.tag & 0xF != 0xF {
                var packed = bucket.key
                let length = Int(bucket.tag & 0xF)
                let text = withUnsafeBytes(of: &packed) { raw in
                    String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<length]), as: UTF8.self)
                }
                body(text, bucket.value)
            } else {
                let start = keyBytes + Int(bucket.key)
                let length = Int(UnsafeRawPointer(start).loadUnaligned(as: UInt32.self))
                body(String(decoding: UnsafeBufferPointer(start: start + 4, count: length), as: UTF8.self), bucket.value)
            }
        }
    }

    /// Whether `bytes` is in the table, and the bucket where it is or would go, with its tag.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (hit: Bool, bucket: Int, tag: UInt32) {
        let hash = self.hash(bytes)
        let short = bytes.count <= 8
        let tag = (UInt32(truncatingIfNeeded: hash >> 32) & ~0xF) | 0x10 | (short ? UInt32(bytes.count) : 0xF)
        let packed = short ? ByteHash.packed(bytes) : 0
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let bucket = buckets[index]
            if bucket.tag == 0 { return (false, index, tag) }
            if bucket.tag == tag {
                if short {
                    if bucket.key == packed { return (true, index, tag) }
                } else {
                    let start = keyBytes + Int(bucket.key)
                    if Int(UnsafeRawPointer(start).loadUnaligned(as: UInt32.self)) == bytes.count
                        && memcmp(start + 4, bytes.baseAddress!, bytes.count) == 0 {
                        return (true, index, tag)
                    }
                }
            }
            index = (index + 1) & mask
        }
    }

    private func grow() {
        let size = (mask + 1) * 2
        let grown = Self.allocateBuckets(size)
        let newMask = size - 1
        for index in 0...mask where buckets[index].tag != 0 {
            let bucket = buckets[index]
            let hash: UInt64
            if bucket.tag & 0xF != 0xF {
                var packed = bucket.key
                let length = Int(bucket.tag & 0xF)
                hash = withUnsafeBytes(of: &packed) { raw in
                    self.hash(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length))
                }
            } else {
                let start = keyBytes + Int(bucket.key)
                let length = Int(UnsafeRawPointer(start).loadUnaligned(as: UInt32.self))
                hash = self.hash(UnsafeBufferPointer(start: start + 4, count: length))
            }
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while grown[slot].tag != 0 { slot = (slot + 1) & newMask }
            grown[slot] = bucket
        }
        Self.deallocateBuckets(buckets, mask + 1)
        buckets = grown
        mask = newMask
    }

    /// Tables of this many bytes or more get memory of their own, in huge pages: a lookup in a
    /// table of millions of ids lands on a random page, and with 4 KB pages each one also
    /// missed the TLB.
    private static let hugeTableBytes = 4 << 20
    private static let hugePage = 2 << 20

    /// `count` empty buckets.
    private static func allocateBuckets(_ count: Int) -> UnsafeMutablePointer<Bucket> {
        let bytes = count * MemoryLayout<Bucket>.stride
        if bytes >= hugeTableBytes,
           let address = mmap(nil, bytes + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
           address != UnsafeMutableRawPointer(bitPattern: -1) {
            // Aligned to a huge page; the memory is zero, which is an empty bucket.
            let aligned = (Int(bitPattern: address) + hugePage - 1) / hugePage * hugePage
            let start = UnsafeMutableRawPointer(bitPattern: aligned)!
            madvise(start, bytes, MADV_HUGEPAGE)
            mappings.lock()
            mappedStarts[aligned] = address
            mappings.unlock()
            return start.bindMemory(to: Bucket.self, capacity: count)
        }
        let buckets = UnsafeMutablePointer<Bucket>.allocate(capacity: count)
        buckets.initialize(repeating: Bucket(tag: 0, value: 0, key: 0), count: count)
        return buckets
    }

    private static func deallocateBuckets(_ buckets: UnsafeMutablePointer<Bucket>, _ count: Int) {
        let bytes = count * MemoryLayout<Bucket>.stride
        if bytes >= hugeTableBytes {
            mappings.lock()
            let address = mappedStarts.removeValue(forKey: Int(bitPattern: buckets))
            mappings.unlock()
            if let address {
                munmap(address, bytes + hugePage)
                return
            }
        }
        buckets.deallocate()
    }

    /// Where each huge table's mapping starts (before its alignment), by its aligned start.
    nonisolated(unsafe) private static var mappedStarts: [Int: UnsafeMutableRawPointer] = [:]
    private static let mappings = NSLock()

    /// Per-process random seed, so crafted ids cannot be chosen to collide.
    private static let processSeed = UInt64.random(in: .min ... .max)

    @inline(__always)
    private func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.hash(bytes, seed: seed)
    }
}
