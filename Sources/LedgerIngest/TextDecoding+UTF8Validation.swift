import CByteMasks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TextDecoding {
    /// The offset of the first NUL byte, or nil.
    ///
    /// `memchr` is vectorised in libc, so this extra pass costs far less than the validation.
    static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            guard let hit = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (Unicode Table 3-7: no overlongs, surrogates or code points above U+10FFFF),
    /// or nil when `bytes[start...]` is valid UTF-8.
    ///
    /// Ledger files are mostly ASCII, so the loop tests 8 bytes at a time with one unaligned
    /// `UInt64` load and a high-bit mask, and only walks multi-byte sequences byte by byte.
    /// - Complexity: O(n), no allocation.
    static func firstInvalidUTF8(in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0, from: start) }
    }

    /// `firstInvalidUTF8(in:from:)` of bytes in memory (a mapped file).
    static func firstInvalidUTF8(in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        do {
            guard let base = buffer.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var index = start
            while index < count {
                if index + 8 <= count {
                    let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                    if high == 0 {
                        index += 8
                        continue
                    }
                    // Straight to the first byte that is not ASCII (the load is little-endian).
                    index += high.littleEndian.trailingZeroBitCount >> 3
                }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // Two CJK characters (three bytes each, leads E1...EF but ED) in one load.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
                    if word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 {
                        let first = word & 0x0F, second = (word >> 24) & 0x0F
                        if first != 0 && first != 0xD && second != 0 && second != 0xD {
                            index += 6
                            continue
                        }
                    }
                }
                // Three bytes with an unrestricted second byte: most of CJK, checked at once.
                if (lead >= 0xE1 && lead <= 0xEC) || lead >= 0xEE && lead <= 0xEF {
                    guard index + 3 <= count, base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 else {
                        return index
                    }
                    index += 3
                    continue
                }
                // Bounds for the second byte, and how many continuation bytes follow.
                let low: UInt8, high: UInt8, length: Int
                switch lead {
                case 0xC2...0xDF: (low, high, length) = (0x80, 0xBF, 2)
                case 0xE0: (low, high, length) = (0xA0, 0xBF, 3)
                case 0xE1...0xEC, 0xEE...0xEF: (low, high, length) = (0x80, 0xBF, 3)
                case 0xED: (low, high, length) = (0x80, 0x9F, 3)
                case 0xF0: (low, high, length) = (0x90, 0xBF, 4)
                case 0xF1...0xF3: (low, high, length) = (0x80, 0xBF, 4)
                case 0xF4: (low, high, length) = (0x80, 0x8F, 4)
                default: return index
                }
                guard index + length <= count else { return index }
                let second = base[index + 1]
                guard second >= low && second <= high else { return index }
                var next = 2
                while next < length {
                    guard base[index + next] & 0xC0 == 0x80 else { return index }
                    next += 1
                }
                index += length
            }
            return nil
        }
    }
}

extension TextDecoding {
    /// The number of lines of `buffer` (as `FileBytes.countLines` counts them) when it holds no
    /// NUL byte and is well-formed UTF-8, else nil; for the check of a mapped file in parts.
    ///
    /// Works through blocks of about 256 KB ending after a line feed, each checked and its
    /// line feeds counted in one pass (`plainUTF8LineFeeds`). On the interactions of a million
    /// customers (1 GB, half of it Chinese) this took 0.55 s of one core with a separate
    /// `memchr` count per block, against 0.95 s for `memchr`, `firstInvalidUTF8` and
    /// `countLines` over the whole; about 0.25 s since.
    /// - Complexity: O(n), no allocation.
    static func plainUTF8Lines(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        let count = buffer.count
        var lines = 0
        var start = 0
        while start < count {
            var end = count
            let nominal = start + plainBlockBytes
            // A block ends after a line feed, which no UTF-8 sequence holds.
            if nominal < count, let hit = memchr(base + nominal, 0x0A, count - nominal) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
            }
            let block = UnsafeBufferPointer(start: base + start, count: end - start)
            guard let feeds = plainUTF8LineFeeds(block) else { return nil }
            lines += feeds
            start = end
        }
        // Every block but the last ends after a line feed: the last may end in a line without.
        return count > 0 && base[count - 1] != 0x0A ? lines + 1 : lines
    }

    private static let plainBlockBytes = 256 << 10

    /// Whether `buffer` holds no NUL byte and is well-formed UTF-8, by a table-driven automaton
    /// (NUL leads to its error state) that takes two bytes a step, run over eight parts of the
    /// buffer at once.
    ///
    /// A step is one load of two bytes and one table load indexed by the state and the two
    /// bytes, without branches: ledger text changes between ASCII and Chinese every few bytes,
    /// where `firstInvalidUTF8`'s fast paths mispredict. Each step waits for the one before, so
    /// eight independent parts keep the core busy. 4.8 GB/s on the interactions file of a
    /// million customers, against 2.3 GB/s for one byte a step (a 64-bit row of next states
    /// shifted by the state) on four parts, and 1.6 GB/s for `firstInvalidUTF8`. A part starts
    /// at a byte that is no continuation byte (up to three bytes earlier): no sequence then
    /// spans two parts, and four continuation bytes in a row are ill-formed wherever they start.
    static func isPlainUTF8Block(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        plainUTF8LineFeeds(buffer) != nil
    }

    /// The number of line feeds in `buffer` when it holds no NUL byte and is well-formed UTF-8
    /// (`isPlainUTF8Block`), else nil.
    ///
    /// With AVX2, by vectors of 32 bytes (`portrait_utf8_line_feeds`, the lookup algorithm of
    /// Keiser and Lemire in C: Swift has no byte shuffle). Reading a million customers (1.6 GB)
    /// it took 0.35 s of CPU against 0.51 s for the automaton (perf samples in `validate`): the
    /// check is the bytes' first trip from memory, which bounds both. Without AVX2,
    /// `automatonLineFeeds`.
    static func plainUTF8LineFeeds(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        switch portrait_utf8_line_feeds(base, buffer.count) {
        case -2: return automatonLineFeeds(buffer)
        case let feeds: return feeds >= 0 ? Int(feeds) : nil
        }
    }

    /// `plainUTF8LineFeeds` by the automaton: its table also holds how many of the two bytes of
    /// a step are line feeds, which spares a `memchr` call per line.
    static func automatonLineFeeds(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        let count = buffer.count
        func startOfSequence(_ position: Int) -> Int {
            var position = position
            var back = 0
            while back < 3 && position > 0 && position < count && base[position] & 0xC0 == 0x80 {
                position -= 1
                back += 1
            }
            return position
        }
        var bounds = (0, 0, 0, 0, 0, 0, 0, 0, count)
        return withUnsafeMutableBytes(of: &bounds) { raw -> Int? in
            let bounds = raw.bindMemory(to: Int.self)
            for part in 1..<8 { bounds[part] = max(bounds[part - 1], startOfSequence(count * part / 8)) }
            var length = count
            for part in 0..<8 { length = min(length, bounds[part + 1] - bounds[part]) }
            length &= ~1
            return pairAutomaton.withUnsafeBufferPointer { pairs -> Int? in
                byteAutomaton.withUnsafeBufferPointer { bytes -> Int? in
                    let pairs = pairs.baseAddress!, bytes = bytes.baseAddress!
                    let start = UnsafeRawPointer(base)
                    let p0 = start + bounds[0], p1 = start + bounds[1], p2 = start + bounds[2], p3 = start + bounds[3]
                    let p4 = start + bounds[4], p5 = start + bounds[5], p6 = start + bounds[6], p7 = start + bounds[7]
                    // A state is a row of `pairAutomaton`: the index of the state times 65,536.
                    var s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0
                    var feeds = 0
                    @inline(__always) func step(_ state: inout Int, _ part: UnsafeRawPointer, _ index: Int) -> Int {
                        let entry = Int(pairs[state | Int(part.loadUnaligned(fromByteOffset: index, as: UInt16.self).littleEndian)])
                        state = (entry & 0xF) << 16
                        return entry >> 4
                    }
                    var index = 0
                    while index < length {
                        let low = step(&s0, p0, index) &+ step(&s1, p1, index) &+ step(&s2, p2, index) &+ step(&s3, p3, index)
                        let high = step(&s4, p4, index) &+ step(&s5, p5, index) &+ step(&s6, p6, index) &+ step(&s7, p7, index)
                        feeds &+= low &+ high
                        index += 2
                    }
                    // The rest of each part a byte at a time (`byteAutomaton`'s rows are of 256).
                    var failed = 0
                    for (part, state) in [s0, s1, s2, s3, s4, s5, s6, s7].enumerated() {
                        var state = state >> 8
                        var position = bounds[part] + length
                        while position < bounds[part + 1] {
                            state = Int(bytes[state | Int(base[position])])
                            if base[position] == 0x0A { feeds += 1 }
                            position += 1
                        }
                        failed |= state
                    }
                    return failed == 0 ? feeds : nil
                }
            }
        }
    }

    /// The next state of the UTF-8 and NUL automaton. States: 0 between sequences, 1 error
    /// (kept), 2–4 awaiting one to three continuation bytes, 5–8 awaiting the restricted second
    /// byte after E0, ED, F0 and F4 (Unicode Table 3-7).
    private static func nextState(_ state: Int, _ byte: Int) -> Int {
        let continuation = (0x80...0xBF).contains(byte)
        switch state {
        case 0:
            switch byte {
            case 0x01...0x7F: return 0
            case 0xC2...0xDF: return 2
            case 0xE0: return 5
            case 0xE1...0xEC, 0xEE...0xEF: return 3
            case 0xED: return 6
            case 0xF0: return 7
            case 0xF1...0xF3: return 4
            case 0xF4: return 8
            default: return 1 // NUL, continuation bytes, C0, C1, F5...FF
            }
        case 2: return continuation ? 0 : 1
        case 3: return continuation ? 2 : 1
        case 4: return continuation ? 3 : 1
        case 5: return (0xA0...0xBF).contains(byte) ? 2 : 1
        case 6: return (0x80...0x9F).contains(byte) ? 2 : 1
        case 7: return (0x90...0xBF).contains(byte) ? 3 : 1
        case 8: return (0x80...0x8F).contains(byte) ? 3 : 1
        default: return 1
        }
    }

    /// The automaton two bytes a step: at `state << 16 | first | second << 8`, the state after
    /// both bytes, plus 16 times the number of line feeds among them (576 KB, made once; text
    /// touches a small part of it).
    private static let pairAutomaton: [UInt8] = {
        let single = (0..<9).map { state in (0..<256).map { byte in nextState(state, byte) } }
        var table = [UInt8](repeating: 1, count: 9 << 16)
        for state in 0..<9 {
            for first in 0..<256 {
                let middle = single[state][first]
                for second in 0..<256 {
                    let feeds = (first == 0x0A ? 1 : 0) + (second == 0x0A ? 1 : 0)
                    table[state << 16 | second << 8 | first] = UInt8(single[middle][second] | feeds << 4)
                }
            }
        }
        return table
    }()

    /// The automaton a byte a step, for the ends of parts: at `state << 8 | byte`, the next
    /// state times 256.
    private static let byteAutomaton: [UInt16] = (0..<(9 << 8)).map { UInt16(nextState($0 >> 8, $0 & 0xFF) << 8) }
}
