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
