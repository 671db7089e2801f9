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
/// With `ascendingRun`, keys that arrive in increasing byte order (order and opportunity
/// numbers of an export) are not hashed at all but appended to a sorted run, searched by
/// bisection when a lookup cannot be settled otherwise; only keys that arrive out of order go
/// to the `IDTable`. At a million customers the order ids' table was 256 MB of buckets, each
/// insert a cache miss in the orders' commit (which runs on one thread at a time): 5 % of the
/// CPU time of reading, and a quarter of a second of the kernel zeroing its pages.
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
    /// Whether keys above every key added go to the sorted run rather than to `bytes`.
    private let ascendingRun: Bool
    /// The run's keys back to back, in increasing byte order; `runEnds[i]` is where key `i`
    /// ends (it starts where key `i - 1` ends), `runValues[i]` its value.
    @exclusivity(unchecked) private var runBytes: [UInt8] = []
    @exclusivity(unchecked) private var runEnds: [Int] = []
    @exclusivity(unchecked) private var runValues: [Int32] = []

    init(capacity: Int = 0, ascendingRun: Bool = false) {
        self.ascendingRun = ascendingRun
        bytes = IDTable(capacity: ascendingRun ? 0 : capacity)
        reserveCapacity(capacity)
    }

    var count: Int { bytes.count + runValues.count }

    /// Makes room for `capacity` keys: in the run, whose untouched pages cost nothing, when
    /// keys may go there; else in the hash table.
    func reserveCapacity(_ capacity: Int) {
        guard ascendingRun else {
            bytes.reserveCapacity(capacity)
            return
        }
        runEnds.reserveCapacity(growingTo: capacity)
        runValues.reserveCapacity(growingTo: capacity)
    }

    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let above = isAboveAll(key)
        if above && !hasNonASCIIKey && Self.isASCII(key) { return nil }
        // No key added has the bytes of one above them all.
        if !above {
            if bytes.count > 0, let value = bytes[bytes: key] { return value }
            if !runValues.isEmpty, let value = runLookup(key) { return value }
        }
        if !hasNonASCIIKey && Self.isASCII(key) { return nil }
        return slowLookup(String(decoding: key, as: UTF8.self))
    }

    /// The value of the run's key of exactly these bytes, found by bisection.
    /// - Complexity: O(log n) comparisons.
    private func runLookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        runBytes.withUnsafeBufferPointer { stored in
            var low = 0, high = runEnds.count
            while low < high {
                let middle = (low + high) / 2
                let start = middle == 0 ? 0 : runEnds[middle - 1]
                let order = Self.compare(key, UnsafeBufferPointer(rebasing: stored[start..<runEnds[middle]]))
                if order == 0 { return runValues[middle] }
                if order < 0 { high = middle } else { low = middle + 1 }
            }
            return nil
        }
    }

    /// Byte order of two keys: negative, zero or positive as `a` sorts before, with or after `b`.
    @inline(__always)
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
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
        let above = !hasGreatest || isAboveAll(key)
        if ascendingRun && above {
            // Above every key, so above the run's last: the run stays sorted.
            runBytes.append(contentsOf: key)
            runEnds.append(runBytes.count)
            runValues.append(value)
        } else {
            bytes.insert(bytes: key, value)
        }
        let ascii = Self.isASCII(key)
        if !ascii { hasNonASCIIKey = true }
        if above {
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
        var start = 0
        for (end, value) in zip(runEnds, runValues) {
            let key = String(decoding: runBytes[start..<end], as: UTF8.self)
            if table[key] == nil { table[key] = value }
            start = end
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
