import LedgerModel

/// The id of each customer by index, as one word when it has at most 8 bytes
/// (`C0000001`): for `LedgerReferences` to check a guessed index without a `Customer`.
///
/// A `Customer` takes 280 bytes, so reading the id of the next one was a cache miss per
/// new customer, as much as the id table's lookup it was to spare; eight of these words share
/// a cache line and are read in order.
struct IDWords {
    private var words: [UInt64] = []
    /// Each id's length in bytes, or 0 for an id too long for its word (never guessed).
    private var lengths: [UInt8] = []

    mutating func reserveCapacity(_ capacity: Int) {
        words.reserveCapacity(growingTo: capacity)
        lengths.reserveCapacity(growingTo: capacity)
    }

    /// Adds the id of the next index.
    mutating func append(_ id: UnsafeBufferPointer<UInt8>) {
        let fits = id.count <= 8
        words.append(fits ? ByteHash.packed(id) : 0)
        lengths.append(fits ? UInt8(id.count) : 0)
    }

    /// Whether the id of `index` has exactly these bytes.
    @inline(__always)
    func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index < lengths.count && bytes.count <= 8 && Int(lengths[index]) == bytes.count
            && words[index] == ByteHash.packed(bytes)
    }
}
