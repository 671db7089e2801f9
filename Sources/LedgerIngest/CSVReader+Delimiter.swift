extension CSVReader {
    /// The delimiters tried, in order of preference when counts tie.
    static let candidateDelimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; tab |

    /// How many following records are looked at to break a tie in the header line.
    static let delimiterSampleRecords = 20

    /// The delimiter of the file whose header record starts at `start`.
    ///
    /// The header decides: it holds names, not numbers, so a `;` file with `1,5` amounts or a
    /// `,` file with `a;b` notes is still read right. The candidate that occurs most often
    /// outside quotes wins. When candidates tie, the one whose count on the next records most
    /// often equals its count in the header wins; a remaining tie, or a header with no candidate
    /// at all (a one-column file), gives a comma.
    static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var position = start
        let header = countCandidates(buffer, position: &position)
        let best = header.max() ?? 0
        guard best > 0 else { return comma }
        let tied = candidateDelimiters.indices.filter { header[$0] == best }
        if tied.count == 1 { return candidateDelimiters[tied[0]] }

        var agreements = [Int](repeating: 0, count: candidateDelimiters.count)
        var line = 0
        for _ in 0..<delimiterSampleRecords {
            skipBlankLines(buffer, position: &position, line: &line)
            guard position < buffer.count else { break }
            let counts = countCandidates(buffer, position: &position)
            for candidate in tied where counts[candidate] == header[candidate] {
                agreements[candidate] += 1
            }
        }
        // `tied` is in preference order, so the first maximum favours the comma.
        var winner = tied[0]
        for candidate in tied where agreements[candidate] > agreements[winner] {
            winner = candidate
        }
        return candidateDelimiters[winner]
    }

    /// Counts each candidate delimiter outside quotes in the record at `position`, and moves
    /// `position` past that record.
    ///
    /// Quotes are tracked by toggling, which is exact for well-formed fields (`""` toggles
    /// twice); a record whose quote never closes is counted up to the end of the input.
    static func countCandidates(_ buffer: UnsafeBufferPointer<UInt8>, position: inout Int) -> [Int] {
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var inQuotes = false
        var index = position
        let end = buffer.count
        scan: while index < end {
            let byte = buffer[index]
            index += 1
            if byte == quote {
                inQuotes.toggle()
            } else if inQuotes {
                continue
            } else if byte == lineFeed {
                break scan
            } else if byte == carriageReturn {
                if index < end && buffer[index] == lineFeed { index += 1 }
                break scan
            } else if let slot = candidateDelimiters.firstIndex(of: byte) {
                counts[slot] += 1
            }
        }
        position = index
        return counts
    }
}
