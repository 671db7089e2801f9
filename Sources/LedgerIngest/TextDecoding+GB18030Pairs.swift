#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TextDecoding {
    /// GB18030 to UTF-8 by hand, asking `iconv` only for what its table of pairs does not hold.
    ///
    /// glibc's `iconv` converts GB18030 at about 220 MB/s (1.64 s for a million customers'
    /// 363 MB of orders): a GB18030 ledger of a million customers spent 6.4 s of CPU there,
    /// more than reading its rows. Ledgers are mostly ASCII, and their Chinese text is
    /// two-byte characters, so this copies ASCII eight bytes at a time and looks two-byte
    /// characters up in `gb18030Pairs`; four-byte characters, bytes that are not GB18030 and a
    /// character cut off at the end go to `iconv` one character at a time, so every byte
    /// converts, and every error is found, exactly as one bulk `iconv` call would
    /// (benchmark `decode: GB18030 interactions.csv`, and the tests against `iconv`).
    /// - Parameter output: room for the worst case (`utf8Capacity(input.count)`). Were it
    ///   smaller, the conversion stops where the room runs out with `E2BIG`, as `iconv` does,
    ///   and never writes past it.
    static func convertGB18030(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> GB18030Part {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return GB18030Part() }
        let pairs = gb18030Pairs
        guard !pairs.isEmpty else { return GB18030Part(unavailable: true) }
        var converter: iconv_t?
        defer { if let converter { iconv_close(converter) } }
        let count = input.count
        var index = 0
        var written = 0
        return pairs.withUnsafeBufferPointer { pairs in
            while index < count {
                let room = output.count - written
                if index + 8 <= count, room >= 8 {
                    let word = UnsafeRawPointer(inBase + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(outBase + written).storeBytes(of: word, as: UInt64.self)
                        index += 8
                        written += 8
                        continue
                    }
                }
                let byte = inBase[index]
                if byte < 0x80, room >= 1 {
                    outBase[written] = byte
                    index += 1
                    written += 1
                    continue
                }
                if byte >= 0x81, byte <= 0xFE, index + 1 < count, inBase[index + 1] >= 0x40, room >= 4 {
                    let pair = pairs[Int(byte &- 0x81) &* 192 &+ Int(inBase[index + 1] &- 0x40)]
                    if pair != 0 {
                        // The fourth byte stored is not counted (`room >= 4` above).
                        UnsafeMutableRawPointer(outBase + written).storeBytes(of: pair, as: UInt32.self)
                        index += 2
                        written += Int(pair >> 24)
                        continue
                    }
                }
                // One character by `iconv`: GB18030 characters are at most four bytes.
                if converter == nil {
                    let opened = iconv_open("UTF-8", "GB18030")
                    guard Int(bitPattern: opened) != -1 else { return GB18030Part(unavailable: true) }
                    converter = opened
                }
                let window = min(4, count - index)
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase + index)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = window
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = room
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let code = errno
                // Bytes after the first character of the window are looked at again next time.
                guard inLeft == window else {
                    index += window - inLeft
                    written = output.count - outLeft
                    continue
                }
                return GB18030Part(written: written, failure: (index, result == -1 ? code : EILSEQ))
            }
            return GB18030Part(written: written)
        }
    }

    /// Every two-byte GB18030 character as `iconv` converts it, by lead byte (0x81–0xFE) and
    /// trail byte (0x40–0xFF), 192 trails a lead: its UTF-8 bytes, first byte lowest, with their
    /// count in the top byte; 0 where the pair is no character or `iconv` does not make one to
    /// three bytes of it. Empty when this system's `iconv` has no GB18030.
    ///
    /// Made from `iconv` itself (23,940 calls, once, when the first GB18030 file is read), so
    /// the fast path cannot disagree with it.
    static let gb18030Pairs: [UInt32] = {
        let converter = iconv_open("UTF-8", "GB18030")
        guard Int(bitPattern: converter) != -1 else { return [] }
        defer { iconv_close(converter) }
        var pairs = [UInt32](repeating: 0, count: 126 * 192)
        var input: [UInt8] = [0, 0]
        var output = [UInt8](repeating: 0, count: 8)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                input[0] = UInt8(lead)
                input[1] = UInt8(trail)
                let made: Int? = input.withUnsafeMutableBufferPointer { input in
                    output.withUnsafeMutableBufferPointer { output in
                        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input.baseAddress!)
                            .assumingMemoryBound(to: CChar.self)
                        var inLeft = 2
                        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!)
                            .assumingMemoryBound(to: CChar.self)
                        var outLeft = output.count
                        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                            iconv(converter, nil, nil, nil, nil)
                            return nil
                        }
                        return output.count - outLeft
                    }
                }
                guard let made, (1...3).contains(made) else { continue }
                var pair = UInt32(made) << 24
                for position in 0..<made { pair |= UInt32(output[position]) << (8 * position) }
                pairs[(lead - 0x81) * 192 + (trail - 0x40)] = pair
            }
        }
        return pairs
    }()
}
