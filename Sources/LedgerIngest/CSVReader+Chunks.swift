import Foundation

extension CSVReader {
    /// Where a file's records may be split for reading on several cores: `start`, then offsets
    /// about `size` bytes apart, each just after a line feed, then the end of `buffer`.
    ///
    /// A split is a guess. A line feed inside a quoted field (a note of several lines) is no
    /// record boundary, and only reading from the start can tell: `TableRead` checks each
    /// chunk against where the chunk before it really ended and reads it again from there when
    /// the guess was wrong. The guess avoids quotes: a line feed is taken only when neither the
    /// line it ends nor the next one holds a `"`, trying up to 16 line feeds, so a split lands
    /// inside a quoted field only when that field has three lines or more without a quote.
    /// - Complexity: O(chunks × line length), a few `memchr` calls per split.
    static func chunkBounds(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> [Int] {
        let end = buffer.count
        var bounds = [start]
        guard let base = buffer.baseAddress, start < end else {
            bounds.append(max(start, end))
            return bounds
        }
        let size = max(1, size)
        func lineFeed(from index: Int) -> Int? {
            guard index < end, let hit = memchr(base + index, 0x0A, end - index) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        func hasQuote(_ from: Int, _ to: Int) -> Bool {
            from < to && memchr(base + from, Int32(quote), to - from) != nil
        }
        var nominal = start + size
        while nominal < end {
            guard var feed = lineFeed(from: max(nominal, bounds.last! + 1) - 1) else { break }
            // The line this feed ends starts after the previous feed (or at the last bound).
            var lineStart = bounds.last!
            if feed > lineStart, let previous = lastLineFeed(base, before: feed, notBefore: lineStart) {
                lineStart = previous + 1
            }
            for _ in 0..<16 {
                let next = lineFeed(from: feed + 1) ?? end
                if !hasQuote(lineStart, feed) && !hasQuote(feed + 1, next) { break }
                guard next < end else { break }
                lineStart = feed + 1
                feed = next
            }
            let bound = feed + 1
            guard bound < end else { break }
            bounds.append(bound)
            nominal = bound + size
        }
        bounds.append(end)
        return bounds
    }

    /// Offsets splitting `buffer` into parts of about `size` bytes, each but the last ending
    /// just after a line feed: 0, the splits, then the end.
    static func lineBounds(_ buffer: UnsafeBufferPointer<UInt8>, size: Int) -> [Int] {
        var bounds = [0]
        let end = buffer.count
        if let base = buffer.baseAddress {
            var nominal = max(1, size)
            while nominal < end, let hit = memchr(base + nominal - 1, 0x0A, end - nominal + 1) {
                let bound = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
                guard bound < end else { break }
                bounds.append(bound)
                nominal = bound + max(1, size)
            }
        }
        bounds.append(end)
        return bounds
    }

    /// The last line feed in `base[notBefore..<before]`.
    private static func lastLineFeed(_ base: UnsafePointer<UInt8>, before: Int, notBefore: Int) -> Int? {
        var index = before - 1
        while index >= notBefore {
            if base[index] == lineFeed { return index }
            index -= 1
        }
        return nil
    }

    /// The reader moved to `position` on `line`, a record start (after blank lines) found by
    /// reading the file in chunks; `next()` and `nextFields` go on from there.
    func resumed(at position: Int, line: Int) -> CSVReader {
        var reader = self
        reader.position = position
        reader.line = line
        return reader
    }
}
