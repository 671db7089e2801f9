/// Strings already made from the same bytes, for columns whose values repeat (industry,
/// region, city, source, grade, tags): a repeated value costs a lookup instead of a validated
/// copy and an allocation, and shares its storage, which at a million customers is also
/// memory. Equal bytes make equal strings, so nothing read changes.
///
/// Holds at most `limit` values: past that, a column of unique values (an address) would only
/// fill it, so new values are made and not kept.
final class TextCache<Value> {
    private let table = IDTable()
    private var values: [Value] = []
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The value kept for `bytes`, else `make()`, kept while there is room.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>, _ make: () -> Value) -> Value {
        if let index = table[bytes: bytes] { return values[Int(index)] }
        let value = make()
        if values.count < limit {
            table.insert(bytes: bytes, Int32(values.count))
            values.append(value)
        }
        return value
    }
}
