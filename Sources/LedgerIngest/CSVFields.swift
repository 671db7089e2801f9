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
/// A class over raw memory: as a struct of two arrays every field appended paid two uniqueness
/// checks, and emptying it for the next record two more calls.
final class CSVFields: CSVFieldSink {
    /// Per field, its start and end in the input; a rebuilt field starts at `-1 - i` for
    /// `strings[i]`.
    // Unchecked exclusivity: a cursor's fields are only touched by the thread reading its
    // chunk, and the checks cost more than filling a field.
    @exclusivity(unchecked) private var bounds: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var capacity = 16
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var strings: [String] = []

    init() {
        bounds = .allocate(capacity: 2 * capacity)
    }

    deinit { bounds.deallocate() }

    /// Where field `index` starts in the input, or `-1 - i` for `strings[i]`.
    @inline(__always)
    func start(_ index: Int) -> Int { bounds[2 * index] }

    @inline(__always)
    func end(_ index: Int) -> Int { bounds[2 * index + 1] }

    /// Whether every field is empty or spaces and tabs only: a row of delimiters, as Excel
    /// writes for formatted rows below the data, read as a blank line.
    ///
    /// A million such rows at the end of an orders file made four findings each (every
    /// required cell empty): 4 million findings, 9 s and 2.1 GB for a 100k ledger.
    func isBlank(in input: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<count {
            let start = bounds[2 * index]
            if start < 0 {
                guard CSVReader.isBlankCell(strings[-1 - start]) else { return false }
                continue
            }
            for position in start..<bounds[2 * index + 1] where input[position] != CSVReader.space && input[position] != CSVReader.tab {
                return false
            }
        }
        return true
    }

    func removeAll() {
        count = 0
        if !strings.isEmpty { strings.removeAll(keepingCapacity: true) }
    }

    @inline(__always)
    func appendField(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if count == capacity { grow() }
        bounds[2 * count] = start
        bounds[2 * count + 1] = end
        count += 1
    }

    func appendField(_ value: String) {
        appendField(UnsafeBufferPointer(start: nil, count: 0), -1 - strings.count, 0)
        strings.append(value)
    }

    private func grow() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: 4 * capacity)
        grown.moveInitialize(from: bounds, count: 2 * count)
        bounds.deallocate()
        bounds = grown
        capacity *= 2
    }
}
