/// An XML file read in parts on every core (`XMLSplit`), whose records `TableRead` commits
/// part by part, in order, as one pass over the file would.
final class XMLPartsFile: @unchecked Sendable {
    // Unchecked: immutable but for `skipRest`, which only `TableRead`'s committer touches.
    let name: String
    let path: String
    /// Position of the file among its table's files.
    let index: Int
    let map: ColumnMap
    let mapping: FileMapping
    let split: XMLSplit
    /// Set when the rest of the file was read in one pass.
    var skipRest = false

    init(name: String, path: String, index: Int, map: ColumnMap, mapping: FileMapping, split: XMLSplit) {
        self.name = name
        self.path = path
        self.index = index
        self.map = map
        self.mapping = mapping
        self.split = split
    }

    var partCount: Int { split.partCount }

    /// The records of one part read on its own, with its own columns (`XMLColumnMerge` moves
    /// them to the file's).
    struct Part {
        var records: [RawRecord] = []
        /// The part's field names in first-seen order.
        var headers: [String] = []
        /// The part did not read to its end: malformed there, or its start or end was a wrong
        /// guess. Its records are dropped.
        var failed = false
    }

    /// Reads part `part` alone.
    func read(part: Int) -> Part {
        let range = split.bounds[part]..<split.bounds[part + 1]
        mapping.populate(range)
        defer { mapping.release(range) }
        let reader = reader(from: part, toEnd: part + 1 == partCount)
        var result = Part()
        do {
            while let record = try reader.next() { result.records.append(record) }
            result.headers = reader.headers
        } catch {
            result = Part(failed: true)
        }
        return result
    }

    /// A reader of the file from the start of `part` as one document: to the end of that part
    /// (closed by the root's end tag), or to the end of the file. `releasing`: the read of the
    /// rest of the file by the committer, which hands back pages behind it (`XMLInput`); a part
    /// read on the pool hands back its own range when done, as other parts are read beside it.
    func reader(from part: Int, toEnd: Bool, releasing: Bool = false) -> XMLRecordReader {
        let start = split.bounds[part]
        let end = toEnd ? mapping.buffer.count : split.bounds[part + 1]
        let ranges = part == 0 ? [0..<end] : [split.head, start..<end]
        let input = XMLInput(mapping, ranges: ranges, tail: toEnd ? [] : split.tail, releasing: releasing)
        let reader = XMLRecordReader(input: input, file: name)
        reader.absent = XMLColumnMerge.absent
        return reader
    }
}

/// Moves the records of parts read on their own into the columns one pass over the whole file
/// gives, committed part by part in order.
///
/// One pass numbers field names in the order the file first uses them; a part numbers them in
/// the order the part first uses them. Names a record introduces are the part's highest so far,
/// in the order the record has them, so adding each part's new names as its records are merged
/// gives the whole file's order, and every record its values under the same headers.
struct XMLColumnMerge {
    /// The whole file's field names so far.
    private(set) var headers: [String] = []
    private var index: [String: Int] = [:]

    /// A padding value of a part's record: a field it lacks (no XML text holds a NUL).
    static let absent = "\u{0}"

    /// The columns of the part being merged.
    struct PartColumns {
        /// Each of the part's columns' index in `headers`.
        var columns: [Int] = []
        /// Whether `columns[i] == i` for every column so far.
        var aligned = true
    }

    /// The values of `record`, read with the part's `partHeaders`, under `headers`, which
    /// grows by the names the record introduces; nil when they would be more than
    /// `XMLRecordReader.maximumFieldNames`, where one pass stops with an error.
    mutating func merge(_ record: RawRecord, partHeaders: [String], _ part: inout PartColumns) -> [String]? {
        var values = record.values
        while part.columns.count < values.count {
            let name = partHeaders[part.columns.count]
            let column: Int
            if let known = index[name] {
                column = known
            } else {
                guard headers.count < XMLRecordReader.maximumFieldNames else { return nil }
                column = headers.count
                headers.append(name)
                index[name] = column
            }
            part.aligned = part.aligned && column == part.columns.count
            part.columns.append(column)
        }
        if part.aligned {
            // Absent fields are "" below the record's last field, as one pass pads them.
            for position in values.indices where Self.isAbsent(values[position]) { values[position] = "" }
            return values
        }
        var width = 0
        for (position, value) in values.enumerated() where !Self.isAbsent(value) {
            width = max(width, part.columns[position] + 1)
        }
        var moved = [String](repeating: "", count: width)
        for (position, value) in values.enumerated() where !Self.isAbsent(value) {
            moved[part.columns[position]] = value
        }
        return moved
    }

    private static func isAbsent(_ value: String) -> Bool {
        value.utf8.count == 1 && value.utf8.first == 0
    }
}
