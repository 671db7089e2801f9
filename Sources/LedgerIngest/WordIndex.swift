/// The words of an enum column written exactly (`ValueParsers.exactTable`), found by their
/// bytes with one hash lookup: comparing a cell with each word in turn cost a `memcmp` per
/// word, and each word array a retain, for two cells of every interaction.
final class WordIndex<Value>: @unchecked Sendable {
    // Unchecked: filled in `init`, only read afterwards.
    private let table: IDTable
    private let values: [Value]

    /// The first value of a word listed twice wins, as in `ValueParsers.exact`.
    init(_ words: [([UInt8], Value)]) {
        let table = IDTable()
        var values: [Value] = []
        for (word, value) in words {
            word.withUnsafeBufferPointer { bytes in
                guard table[bytes: bytes] == nil else { return }
                table.insert(bytes: bytes, Int32(values.count))
                values.append(value)
            }
        }
        self.table = table
        self.values = values
    }

    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        table[bytes: bytes].map { values[Int($0)] }
    }
}
