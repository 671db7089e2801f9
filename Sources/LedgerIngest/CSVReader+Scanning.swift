import CByteMasks
import LedgerModel

extension CSVReader {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    /// Moves `position` past lines that are empty or hold only spaces and tabs, counting them.
    ///
    /// Trailing spaces at the very end of the file count as a blank line too, so a file ending
    /// in `"\n  "` has no extra record.
    /// Whether a cell is empty or spaces and tabs only, as a blank line is.
    static func isBlankCell(_ cell: String) -> Bool {
        cell.utf8.allSatisfy { $0 == space || $0 == tab }
    }

    static func skipBlankLines(_ buffer: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int) {
        let end = buffer.count
        while position < end {
            var index = position
            while index < end && (buffer[index] == space || buffer[index] == tab) { index += 1 }
            if index == end {
                position = end
                return
            }
            switch buffer[index] {
            case lineFeed:
                position = index + 1
            case carriageReturn:
                position = index + 1
                if position < end && buffer[position] == lineFeed { position += 1 }
            default:
                return
            }
            line += 1
        }
    }

    /// Reads one record starting at `position` (not on a blank line) into `values`, leaving
    /// `position` after its line end and `line` on the line that follows.
    ///
    /// An unquoted field ends at the next delimiter or line end, found in a mask of the 64
    /// bytes ahead (`portrait_mask3_64`), made once for all the fields it covers: a row of the
    /// interactions table (ten fields in about a hundred bytes) needs two. Comparing 8 bytes at a
    /// time in each field (`fieldEnd`) spent 0.87 s of CPU on the interactions of a million
    /// customers. Quoted fields and the last 64 bytes of the input take the byte-wise path, as
    /// does every field where the mask is no vector code (`PORTRAIT_MASK3_IS_VECTOR`).
    ///
    /// - Throws: `IngestError` for a quoted field that is still open at the end of the file,
    ///   naming the line where the field started.
    /// - Complexity: O(length of the record).
    static func readRecord<Sink: CSVFieldSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int,
        delimiter: UInt8, file: String, into values: inout Sink
    ) throws {
        let end = buffer.count
        var index = position
        // The mask's bit i stands for byte `window + i`; no mask yet.
        var window = -64
        var bits: UInt64 = 0
        while true {
            // Spaces before an opening quote are dropped (`a, "b"`); otherwise they are data.
            var quoteIndex = index
            while quoteIndex < end && buffer[quoteIndex] == space { quoteIndex += 1 }
            if quoteIndex < end && buffer[quoteIndex] == quote {
                try readQuotedField(
                    buffer, from: quoteIndex, index: &index, line: &line, delimiter: delimiter, file: file,
                    into: &values
                )
            } else {
                let start = index
                // Offsets stay within the buffer, so wrapping arithmetic (no overflow checks).
                while index < end {
                    if index &- window >= 64 {
                        guard PORTRAIT_MASK3_IS_VECTOR != 0, index &+ 64 <= end, let base = buffer.baseAddress else {
                            index = fieldEnd(buffer, from: index, delimiter: delimiter)
                            break
                        }
                        window = index
                        bits = portrait_mask3_64(base + index, delimiter, lineFeed, carriageReturn)
                    }
                    let ahead = bits &>> UInt64(index &- window)
                    if ahead != 0 {
                        index &+= ahead.trailingZeroBitCount
                        break
                    }
                    index = window &+ 64
                }
                values.appendField(buffer, start, index)
            }
            if index >= end { break }
            let byte = buffer[index]
            index += 1
            if byte == delimiter { continue }
            if byte == carriageReturn && index < end && buffer[index] == lineFeed { index += 1 }
            line += 1
            break
        }
        position = index
    }

    /// Reads the quoted field whose opening quote is at `from`, plus any text after its closing
    /// quote up to the next delimiter or line end, leaving `index` on that delimiter or line end.
    ///
    /// Line ends inside the quotes are kept in the value and counted in `line`.
    static func readQuotedField<Sink: CSVFieldSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, from opening: Int, index: inout Int, line: inout Int,
        delimiter: UInt8, file: String, into values: inout Sink
    ) throws {
        let end = buffer.count
        let startLine = line
        var cursor = opening + 1
        var segmentStart = cursor
        // Only filled when the field has `""` escapes or trailing text; most fields slice directly.
        var scratch: [UInt8] = []
        var escaped = false
        let base = UnsafeRawPointer(buffer.baseAddress!)
        while true {
            while cursor < end {
                // Eight bytes at a time up to the next quote or line end.
                if cursor + 8 <= end {
                    let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                    let found = Self.matches(word, quote) | Self.matches(word, lineFeed) | Self.matches(word, carriageReturn)
                    if found == 0 {
                        cursor += 8
                        continue
                    }
                    cursor += found.littleEndian.trailingZeroBitCount >> 3
                }
                let byte = buffer[cursor]
                if byte == quote { break }
                if byte == lineFeed {
                    line += 1
                } else if byte == carriageReturn && (cursor + 1 == end || buffer[cursor + 1] != lineFeed) {
                    line += 1
                }
                cursor += 1
            }
            guard cursor < end else {
                throw IngestError(
                    file: file, line: startLine,
                    problem: "unterminated quoted field starting at line \(startLine).",
                    hint: "Close the quote (write a quote inside a field as \"\"), or check the delimiter."
                )
            }
            if cursor + 1 < end && buffer[cursor + 1] == quote {
                // `""` is one literal quote: keep the segment up to and including the first.
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart...cursor]))
                escaped = true
                cursor += 2
                segmentStart = cursor
                continue
            }
            break
        }
        let closing = cursor
        cursor += 1
        var trailingEnd = cursor
        while trailingEnd < end {
            let byte = buffer[trailingEnd]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
            trailingEnd += 1
        }
        index = trailingEnd
        if !escaped && trailingEnd == cursor {
            values.appendField(buffer, segmentStart, closing)
            return
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart..<closing]))
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[cursor..<trailingEnd]))
        values.appendField(String(decoding: scratch, as: UTF8.self))
    }

    /// The end of the unquoted field starting at `index`: the next delimiter or line end, or
    /// the end of the buffer.
    ///
    /// Eight bytes at a time: a 100-byte note costs a dozen steps instead of a hundred.
    @inline(__always)
    static func fieldEnd(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int, delimiter: UInt8) -> Int {
        var index = index
        let end = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let found = matches(word, delimiter) | matches(word, lineFeed) | matches(word, carriageReturn)
                if found != 0 { return index + found.littleEndian.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < end {
            let byte = buffer[index]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
            index += 1
        }
        return index
    }

    /// High bits set in the bytes of `word` equal to `byte`, exact up to the first such byte
    /// (a borrow may mark bytes after it), which is all a scan for the first one needs.
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The text of `buffer[start..<end]`.
    @inline(__always)
    static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        if start == end { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// A header as written, without surrounding whitespace or a stray byte order mark.
    static func trimmedHeader(_ header: String) -> String {
        let unwanted: (Unicode.Scalar) -> Bool = { $0 == "\u{FEFF}" || $0.properties.isWhitespace }
        let scalars = header.unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted($0) }),
              let last = scalars.lastIndex(where: { !unwanted($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
