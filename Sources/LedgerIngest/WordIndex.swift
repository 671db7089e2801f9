import LedgerModel

/// The words of an enum column written exactly (`ValueParsers.exactTable`), found by their
/// bytes with four multiplies and one slot compared: comparing a cell with each word in turn
/// cost a `memcmp` per word, and hashing it into an `IDTable` (a mixer per 8 bytes, a probe, a
/// `memcmp`) was still a tenth of reading an interaction's cells.
///
/// Every word has at most 16 bytes, so a cell is two words of 64 bits taken from its ends
/// (`ends(of:)`), which with its length are its bytes; the table is perfect: a multiplier is
/// chosen when it is made so that no two words share a slot, and a lookup compares one slot.
final class WordIndex<Value>: @unchecked Sendable {
    // Unchecked: filled in `init`, only read afterwards.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The word's length; 0 for an empty slot (no word is empty).
        var count = 0
        var value = 0
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let slotCount: Int
    private let multiplier: UInt64
    private let shift: UInt64
    private let values: [Value]

    /// The first value of a word listed twice wins, as in `ValueParsers.exact`.
    init(_ words: [([UInt8], Value)]) {
        var keys: [(low: UInt64, high: UInt64, count: Int)] = []
        var values: [Value] = []
        for (word, value) in words {
            precondition((1...16).contains(word.count), "a listed word has 1 to 16 bytes")
            let key = word.withUnsafeBufferPointer { bytes in
                let (low, high) = Self.ends(of: bytes)
                return (low: low, high: high, count: bytes.count)
            }
            guard !keys.contains(where: { $0 == key }) else { continue }
            keys.append(key)
            values.append(value)
        }
        // Four slots per word at least, so that a multiplier without collisions comes soon
        // (within 14 tries for the spec's tables of 4 to 16 distinct words).
        var bits = 4
        while 1 << bits < keys.count * 4 { bits += 1 }
        var attempt: UInt64 = 0
        var multiplier: UInt64 = 0
        search: while true {
            attempt += 1
            if attempt % 1_000 == 0 { bits += 1 }
            // Two words whose `slot` mixes agree exactly share a slot under every multiplier: a
            // list of words made to do that stops here (the tests make every table).
            precondition(bits <= 16, "no perfect table for these words")
            multiplier = ByteHash.mix(attempt) | 1
            var taken = Set<Int>()
            for key in keys {
                let slot = Self.slot(key.low, key.high, key.count, multiplier, UInt64(64 - bits))
                guard taken.insert(slot).inserted else { continue search }
            }
            break
        }
        self.multiplier = multiplier
        shift = UInt64(64 - bits)
        slotCount = 1 << bits
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(), count: slotCount)
        for (index, key) in keys.enumerated() {
            slots[Self.slot(key.low, key.high, key.count, multiplier, shift)]
                = Slot(low: key.low, high: key.high, count: key.count, value: index)
        }
        self.values = values
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard (1...16).contains(bytes.count) else { return nil }
        let (low, high) = Self.ends(of: bytes)
        let slot = slots[Self.slot(low, high, bytes.count, multiplier, shift)]
        guard slot.count == bytes.count, slot.low == low, slot.high == high else { return nil }
        return values[slot.value]
    }

    @inline(__always)
    private static func slot(_ low: UInt64, _ high: UInt64, _ count: Int, _ multiplier: UInt64,
                             _ shift: UInt64) -> Int {
        // Each part multiplied by its own odd constant: with the length xor-ed in plain, "b"
        // and "ab" were one value, which no multiplier can part.
        let mixed = low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(count) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: (mixed &* multiplier) >> shift)
    }

    /// 1 to 16 bytes as two words read from both ends (overlapping when fewer than 16): with
    /// the length known, they are the bytes. Reads nothing outside `bytes`.
    @inline(__always)
    static func ends(of bytes: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64) {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let count = bytes.count
        if count >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let first = UInt64(raw.loadUnaligned(as: UInt32.self))
            let last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return (first | last << 32, 0)
        }
        return (UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16, 0)
    }
}
