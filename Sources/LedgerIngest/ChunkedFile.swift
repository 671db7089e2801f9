/// A CSV file opened to be read in chunks (`TableRead`): its header read, its records split.
final class ChunkedFile: @unchecked Sendable {
    // Unchecked: immutable but for `skipRest`, which only `TableRead`'s committer touches.
    let name: String
    /// Position of the file among its table's files.
    let index: Int
    let map: ColumnMap
    /// The header read; its position is at the first record.
    let reader: CSVReader
    let headerCount: Int
    /// Chunk starts, then the end of the input; empty for a file without a header.
    let bounds: [Int]
    /// Lines of the file, for `TableLoader.reserve`.
    let lines: Int
    /// The first record start (after blank lines) and its line.
    let firstRecord: (position: Int, line: Int)
    /// Set when the rest of the file was read one record at a time.
    var skipRest = false
    /// 0 for a file as opened; n for the rest of it after its headers grew n times, read in
    /// chunks of its own with the grown headers (`TableRead`).
    let generation: Int

    /// - Parameters:
    ///   - chunkBytes: bytes per chunk, or 0 for a few chunks per worker of at most 4 MB: uneven
    ///     chunks and commits even out, and little waits for its commit.
    ///   - split: tests only, see `IngestSettings.chunkBounds`.
    ///   - generation: see `generation`; `reader` is then at the record after the one that grew
    ///     the headers.
    init(name: String, index: Int, map: ColumnMap, reader: CSVReader, lines: Int, chunkBytes: Int, workers: Int,
         split: (@Sendable (UnsafeBufferPointer<UInt8>, Int) -> [Int])?, generation: Int = 0) {
        self.name = name
        self.generation = generation
        self.index = index
        self.map = map
        self.reader = reader
        self.lines = lines
        headerCount = reader.headers.count
        var position = reader.position
        var line = reader.line
        var bounds: [Int] = []
        if reader.headerLine != nil {
            reader.withInput { buffer in
                CSVReader.skipBlankLines(buffer, position: &position, line: &line)
                let start = reader.position
                if let split {
                    bounds = split(buffer, start)
                } else {
                    let size = chunkBytes > 0 ? chunkBytes : min(4 << 20, max(256 << 10, (buffer.count - start) / (workers * 8)))
                    bounds = CSVReader.chunkBounds(buffer, from: start, size: size)
                }
            }
        }
        self.bounds = bounds
        firstRecord = (position, line)
    }

    var chunkCount: Int { max(0, bounds.count - 1) }
}
