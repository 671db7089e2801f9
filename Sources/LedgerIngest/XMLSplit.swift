#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a large XML file may be cut into parts that are read on their own, on every core
/// (see `TableRead`), found on its bytes.
///
/// Part 0 is the file from its start to the second part's start, followed by the root's end
/// tag. Every later part is read as the file's head (everything up to and including the root's
/// start tag) followed by its own bytes, and by the root's end tag unless it is the last. A part
/// starts where `<` and the first record's element name stand, so each part is a document of its
/// own whose records are the whole file's records of that stretch, in order.
///
/// The starts are guesses: such bytes may also stand inside a comment, a CDATA section or a
/// processing instruction, or open an element nested inside a record. A guess inside any of
/// those leaves the part before it unfinished (an unterminated comment, CDATA section or
/// instruction, or an element closed by the root's end tag), so that part fails to read, and
/// `TableRead` then reads the rest of the file from the start of the failed part as one
/// document. A part that reads to its end therefore ends where a record of the whole file
/// ends, and the next part starts at a record of the whole file.
///
/// Only files this reasoning holds for are split (otherwise `plan` gives nil and the file is
/// read in one pass): no DOCTYPE (its entities and defaults would be the head's, once per part),
/// an encoding in which `<` is never part of another character, a root other than Zoho's
/// `response` (whose records are found by the root's first child) and at least two parts.
struct XMLSplit: Sendable {
    /// The prolog and the root's start tag, read before every part but the first.
    let head: Range<Int>
    /// `</root>`, read after every part but the last.
    let tail: [UInt8]
    /// Part starts, the first 0, then the file's end.
    let bounds: [Int]

    var partCount: Int { bounds.count - 1 }

    /// The parts of `bytes`, about `partSize` bytes each, or nil when the file is read in one
    /// pass. `split` (tests only, see `IngestSettings.chunkBounds`) gives the starts instead,
    /// at any offsets, from the end of the root's start tag: wrong guesses must still read as
    /// one pass does.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, partSize: Int,
          split: (@Sendable (UnsafeBufferPointer<UInt8>, Int) -> [Int])? = nil) {
        guard let root = Self.rootStartTag(bytes) else { return nil }
        let name = Array(bytes[root.name])
        guard name != Array("response".utf8) else { return nil }
        var starts: [Int] = []
        if let split {
            var last = root.end
            for start in split(bytes, root.end) where start > last && start < bytes.count {
                starts.append(start)
                last = start
            }
        } else {
            guard let record = Self.firstChildName(bytes, from: root.end) else { return nil }
            var last = root.end
            var target = root.end + partSize
            while target < bytes.count, let start = Self.elementStart(record, in: bytes, from: max(target, last + 1)) {
                starts.append(start)
                last = start
                target = start + partSize
            }
        }
        guard !starts.isEmpty else { return nil }
        head = 0..<root.end
        tail = Array("</".utf8) + name + [UInt8(ascii: ">")]
        bounds = [0] + starts + [bytes.count]
    }

    // MARK: - Scanning

    /// The root element's name and the offset after its start tag, or nil when the prolog holds
    /// a DOCTYPE, declares an encoding not known to keep `<` apart, the root is empty, or the
    /// bytes are not such a start.
    static func rootStartTag(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: Range<Int>, end: Int)? {
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<") else { return nil }
            let next = bytes[position + 1]
            if next == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), in: bytes, from: position + 2) else { return nil }
                if matches(Array("<?xml".utf8), in: bytes, at: position),
                   !allowsSplitting(declaration: bytes[position..<end]) { return nil }
                position = end + 2
            } else if matches(Array("<!--".utf8), in: bytes, at: position) {
                guard let end = find(Array("-->".utf8), in: bytes, from: position + 4) else { return nil }
                position = end + 3
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "/") {
                return nil
            } else {
                let nameStart = position + 1
                var nameEnd = nameStart
                while nameEnd < bytes.count, !endsName(bytes[nameEnd]) { nameEnd += 1 }
                guard nameEnd > nameStart else { return nil }
                var quote: UInt8 = 0
                var end = nameEnd
                while end < bytes.count {
                    let byte = bytes[end]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    end += 1
                }
                guard end < bytes.count, bytes[end - 1] != UInt8(ascii: "/") else { return nil }
                return (nameStart..<nameEnd, end + 1)
            }
        }
    }

    /// Whether the XML declaration's encoding (none means UTF-8) is one where the byte of `<`
    /// only ever stands for `<`: UTF-8, ASCII, Latin-1 and the GB family (whose second bytes are
    /// 0x30–0x39 or from 0x40 on).
    private static func allowsSplitting(declaration: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let text = String(decoding: declaration, as: UTF8.self).lowercased()
        guard let key = text.firstRange(of: "encoding") else { return true }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
        let value = rest.dropFirst().prefix { $0 != quote }
        return ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "gb18030", "gbk", "gb2312"].contains(String(value))
    }

    /// The name of the root's first child element, skipping comments, CDATA and instructions;
    /// nil when the root ends first.
    static func firstChildName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8]? {
        var position = start
        while let open = find([UInt8(ascii: "<")], in: bytes, from: position), open + 1 < bytes.count {
            if matches(Array("<!--".utf8), in: bytes, at: open) {
                guard let end = find(Array("-->".utf8), in: bytes, from: open + 4) else { return nil }
                position = end + 3
            } else if matches(Array("<![CDATA[".utf8), in: bytes, at: open) {
                guard let end = find(Array("]]>".utf8), in: bytes, from: open + 9) else { return nil }
                position = end + 3
            } else if bytes[open + 1] == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), in: bytes, from: open + 2) else { return nil }
                position = end + 2
            } else if bytes[open + 1] == UInt8(ascii: "/") || bytes[open + 1] == UInt8(ascii: "!") {
                return nil
            } else {
                var end = open + 1
                while end < bytes.count, !endsName(bytes[end]) { end += 1 }
                return end > open + 1 ? Array(bytes[(open + 1)..<end]) : nil
            }
        }
        return nil
    }

    /// The first offset at or after `start` where `<name` stands, followed by a byte that ends
    /// a name.
    static func elementStart(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while let open = find([UInt8(ascii: "<")], in: bytes, from: position) {
            let end = open + 1 + name.count
            if end < bytes.count, endsName(bytes[end]), matches(name, in: bytes, at: open + 1) { return open }
            position = open + 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position >= 0, position + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    /// The first offset at or after `start` where `pattern` stands; its first byte is found by
    /// `memchr`.
    private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = pattern.first else { return nil }
        var position = start
        while position < bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(pattern, in: bytes, at: offset) { return offset }
            position = offset + 1
        }
        return nil
    }
}
