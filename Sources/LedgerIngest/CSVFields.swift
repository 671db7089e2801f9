/// Where `CSVReader.readRecord` puts the fields it finds.
protocol CSVFieldSink {
    /// A field whose value is exactly `buffer[start..<end]`.
    mutating func appendField(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    /// A field rebuilt from several pieces (`""` unescaped, text after the closing quote).
    mutating func appendField(_ value: String)
}

extension Array: CSVFieldSink where Element == String {
    mutating func appendField(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        append(CSVReader.string(buffer, start, end))
    }

    mutating func appendField(_ value: String) {
        append(value)
    }
}

/// The fields of one CSV record as byte ranges of the reader's input.
///
/// Reused from record to record, so reading a row allocates nothing; a `String` is made only
/// for a cell a loader keeps as text (`RowCursor`). The few rebuilt fields are kept as strings.
struct CSVFields: CSVFieldSink {
    /// Per field: where it starts in the input, or for a rebuilt field `-1 - i` for `strings[i]`.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var strings: [String] = []

    var count: Int { starts.count }

    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        if !strings.isEmpty { strings.removeAll(keepingCapacity: true) }
    }

    mutating func appendField(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        starts.append(start)
        ends.append(end)
    }

    mutating func appendField(_ value: String) {
        starts.append(-1 - strings.count)
        ends.append(0)
        strings.append(value)
    }
}
