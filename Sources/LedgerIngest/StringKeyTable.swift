import Foundation

/// `Int32` values keyed by strings under `String`'s equality (canonical equivalence), looked
/// up by the key's bytes: the answers of a `[String: Int32]` without hashing a `String` per
/// lookup (SipHash, and for non-ASCII keys normalisation, was a tenth of reading orders).
///
/// Every key is in an `IDTable` by its bytes. Equal bytes are equal strings, and each class of
/// equal strings holds one key (a key is added only after its lookup missed), so a byte hit is
/// what the dictionary would answer. A miss is final when the key and every stored key are
/// ASCII, as distinct ASCII strings are never canonically equivalent. With a non-ASCII key on
/// either side (`K`, U+212A KELVIN SIGN, equals `K`), a `[String: Int32]` of every key
/// answers, built on first need; ids and order numbers are ASCII in practice.
///
/// Lookups may run on several threads at once once nothing inserts any more.
final class StringKeyTable: @unchecked Sendable {
    // Unchecked: `bytes` and `hasNonASCIIKey` change only in `insert`, which callers never run
    // beside lookups; `strings` is only touched under `lock`, `hasStrings` written under it.
    private let bytes: IDTable
    @exclusivity(unchecked) private var hasNonASCIIKey = false
    private var strings: [String: Int32]?
    /// Whether `strings` exists; read by `insert` without the lock (no lookup runs then).
    @exclusivity(unchecked) private var hasStrings = false
    /// The greatest key added, by bytes, once one was.
    @exclusivity(unchecked) private var greatest: [UInt8] = []
    @exclusivity(unchecked) private var hasGreatest = false
    private let lock = NSLock()

    init(capacity: Int = 0) {
        bytes = IDTable(capacity: capacity)
    }

    var count: Int { bytes.count }

    func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        if !hasNonASCIIKey && isAboveAll(key) && Self.isASCII(key) { return nil }
        if let value = bytes[bytes: key] { return value }
        if !hasNonASCIIKey && Self.isASCII(key) { return nil }
        return slowLookup(String(decoding: key, as: UTF8.self))
    }

    /// Whether `key` sorts (by bytes) after every key added: then no key equals its bytes,
    /// and when all are ASCII none equals it at all, which spares the probe, a cache miss in
    /// a table of millions. Ids of exports mostly count up (`SO000000001`, `SO000000002`).
    @inline(__always)
    private func isAboveAll(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasGreatest, let base = key.baseAddress else { return false }
        let common = min(key.count, greatest.count)
        let order = memcmp(base, greatest, common)
        return order > 0 || (order == 0 && key.count > greatest.count)
    }

    func lookup(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { lookup($0) }
    }

    /// Adds a key whose `lookup` just returned nil.
    func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        bytes.insert(bytes: key, value)
        let ascii = Self.isASCII(key)
        if !ascii { hasNonASCIIKey = true }
        if !hasGreatest || isAboveAll(key) {
            greatest.removeAll(keepingCapacity: true)
            greatest.append(contentsOf: key)
            hasGreatest = true
        }
        // Once `strings` is needed (a key that is not ASCII, or a lookup of one), every key is
        // kept there too; until then an insert takes no lock.
        guard !ascii || hasStrings else { return }
        lock.lock()
        if strings != nil {
            strings![String(decoding: key, as: UTF8.self)] = value
        } else {
            strings = buildStrings()
            hasStrings = true
        }
        lock.unlock()
    }

    func insert(_ key: String, _ value: Int32) {
        var key = key
        key.withUTF8 { insert($0, value) }
    }

    private func slowLookup(_ key: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if strings == nil {
            strings = buildStrings()
            hasStrings = true
        }
        return strings![key]
    }

    private func buildStrings() -> [String: Int32] {
        var table: [String: Int32] = [:]
        table.reserveCapacity(bytes.count)
        bytes.forEach { key, value in
            if table[key] == nil { table[key] = value }
        }
        return table
    }

    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
