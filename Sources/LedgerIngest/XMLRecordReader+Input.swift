import CLibXML2

/// The bytes an XML reader made by `XMLRecordReader.init(input:file:)` reads: pieces of a mapped
/// file and of the root's end tag, one after another, as one document (see `XMLSplit`).
final class XMLInput {
    /// Keeps the pieces of the file mapped while the reader reads them.
    private let mapping: FileMapping
    private let pieces: [UnsafeBufferPointer<UInt8>]
    /// The file's range of each piece (nil for the tail), and whether pages read of the last
    /// one are handed back as reading moves on.
    private let ranges: [Range<Int>?]
    private let releasing: Bool
    /// The root's end tag, owned here so its bytes stay put.
    private let tail: UnsafeMutableBufferPointer<UInt8>
    private var piece = 0
    private var offset = 0

    /// `ranges` of `mapping`'s bytes, then `tail`. With `releasing` (a read to the end of a
    /// file, which may be most of it), the pages of the last range are handed back behind the
    /// reader, as `FileMapping` does for CSV files read in one pass.
    init(_ mapping: FileMapping, ranges: [Range<Int>], tail: [UInt8], releasing: Bool = false) {
        self.mapping = mapping
        self.tail = .allocate(capacity: tail.count)
        _ = self.tail.initialize(from: tail)
        pieces = ranges.map { UnsafeBufferPointer(rebasing: mapping.buffer[$0]) } + [UnsafeBufferPointer(self.tail)]
        self.ranges = ranges + [nil]
        self.releasing = releasing
    }

    deinit {
        tail.deallocate()
    }

    /// Copies up to `count` bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        var written = 0
        while written < count, piece < pieces.count {
            let source = pieces[piece]
            let length = min(count - written, source.count - offset)
            if length > 0 {
                (buffer + written).copyMemory(from: source.baseAddress! + offset, byteCount: length)
                written += length
                offset += length
                if releasing, piece == pieces.count - 2, let range = ranges[piece] {
                    mapping.release(below: range.lowerBound + offset)
                }
            }
            if offset == source.count {
                piece += 1
                offset = 0
            }
        }
        return written
    }
}

/// libxml2's read callback for an `XMLInput`.
func xmlInputRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return 0 }
    let input = Unmanaged<XMLInput>.fromOpaque(context).takeUnretainedValue()
    return Int32(input.read(into: UnsafeMutableRawPointer(buffer), count: Int(length)))
}
