import Foundation
import LedgerModel

/// How to read an ambiguous `NN/NN/YYYY` date.
package enum DateOrder: String, Sendable, CaseIterable {
    case ymd, mdy, dmy
}

/// The outcome of reading a satisfaction cell.
package enum SatisfactionValue: Equatable, Sendable {
    case score(Int)          // 1...5
    case outOfRange(Int)     // another integer: out_of_range, left out of every mean
    case bad                 // not an integer: bad_number
}

/// Parsers for every cell form of input-format.md "Values" and precise-rules.md.
///
/// Each takes the raw cell (untrimmed, unfolded) and returns nil when the value does not parse.
/// Callers check `isMissing` first. Every parser works on the cell's UTF-8 bytes and reaches for
/// Foundation's NFKC only when the cell holds a character outside the handful it folds itself
/// (full-width ASCII, ideographic space, NBSP, `￥`), so a million-row ledger never pays for it.
/// The date, amount, enum and contact parsers live in `ValueParsers+Concern.swift` files.
package enum ValueParsers {
    /// Empty, NULL, N/A, NA, -, 无, #N/A after trimming, case-insensitively.
    ///
    /// Only trimming applies, no width folding (precise-rules.md): `ＮＵＬＬ` is a value, and
    /// then usually a bad one. `none`, `nan` and `—` are text.
    /// - Complexity: O(n) in the cell's bytes, no allocation.
    package static func isMissing(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { buffer in
            isMissingToken(UnsafeBufferPointer(rebasing: buffer[trimmedRange(buffer)]))
        }
    }

    /// The cell trimmed as `CellText.trim` does, or nil when `isMissing`: one scan of the bytes
    /// for both, and no copy when there is nothing to trim. Every text cell goes through here.
    static func trimmedUnlessMissing(_ cell: String) -> String? {
        var copy = cell
        return copy.withUTF8 { buffer -> String? in
            let range = trimmedRange(buffer)
            let bytes = UnsafeBufferPointer(rebasing: buffer[range])
            if isMissingToken(bytes) { return nil }
            if range.count == buffer.count { return cell }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `trimmedUnlessMissing(_:)` of a cell given as valid UTF-8 bytes, making only the result.
    static func trimmedUnlessMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes)])
        if isMissingToken(trimmed) { return nil }
        return trimmed.isEmpty ? "" : String(decoding: trimmed, as: UTF8.self)
    }

    /// Whether already trimmed bytes are a missing-value token.
    static func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            switch bytes.count {
            case 0:
                return true
            case 1:
                return bytes[0] == UInt8(ascii: "-")
            case 2:
                return lower(bytes[0]) == UInt8(ascii: "n") && lower(bytes[1]) == UInt8(ascii: "a")
            case 3:
                // 无 is E6 97 A0.
                if bytes[0] == 0xE6 && bytes[1] == 0x97 && bytes[2] == 0xA0 { return true }
                return lower(bytes[0]) == UInt8(ascii: "n") && bytes[1] == UInt8(ascii: "/")
                    && lower(bytes[2]) == UInt8(ascii: "a")
            case 4:
                if bytes[0] == UInt8(ascii: "#") {
                    return lower(bytes[1]) == UInt8(ascii: "n") && bytes[2] == UInt8(ascii: "/")
                        && lower(bytes[3]) == UInt8(ascii: "a")
                }
                return lower(bytes[0]) == UInt8(ascii: "n") && lower(bytes[1]) == UInt8(ascii: "u")
                    && lower(bytes[2]) == UInt8(ascii: "l") && lower(bytes[3]) == UInt8(ascii: "l")
            default:
                return false
            }
    }

    /// NFKC fold plus trim (ASCII whitespace, U+3000, NBSP, stray BOM).
    ///
    /// Pure-ASCII cells are only trimmed. Other cells are folded by hand when every character is
    /// one whose NFKC form is known (CJK ideographs, Latin-1 letters, full-width ASCII, `￥`,
    /// U+3000, NBSP); anything else goes through Foundation's
    /// `precomposedStringWithCompatibilityMapping` and is trimmed again.
    package static func fold(_ cell: String) -> String {
        var copy = cell
        let trimmedASCII: String? = copy.withUTF8 { buffer in
            let range = trimmedRange(buffer)
            if !isASCII(buffer, range) { return nil }
            if range.count == buffer.count { return cell }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
        return trimmedASCII ?? foldNonASCII(cell)
    }
}

// MARK: - Byte helpers shared by the parsers

extension ValueParsers {
    /// Calls `body` with the folded cell's UTF-8 bytes, without copying an ASCII cell.
    ///
    /// This is the entry of every hot parser: the ASCII path is a trim scan and a view of the
    /// cell's own storage; only non-ASCII cells build a folded copy.
    static func withFoldedBytes<R>(_ cell: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = cell
        let direct: R? = copy.withUTF8 { buffer in
            let trimmed = UnsafeBufferPointer(rebasing: buffer[trimmedRange(buffer)])
            guard foldsToItself(trimmed) else { return nil }
            return body(trimmed)
        }
        if let direct { return direct }
        var folded = foldNonASCII(cell)
        return folded.withUTF8(body)
    }

    /// The range of `bytes` left after trimming ASCII whitespace, U+3000, NBSP and BOMs at both ends.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        // Most cells neither start nor end with a byte a trimmed character can start or end with.
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0..<0 }
        let first = base[0], last = base[bytes.count - 1]
        let mayStart = first <= 0x20 || first == 0xC2 || first == 0xE3 || first == 0xEF
        let mayEnd = last <= 0x20 || last == 0xA0 || last == 0x80 || last == 0xBF
        if !mayStart && !mayEnd { return 0..<bytes.count }
        var start = 0
        var end = bytes.count
        while start < end {
            let width = trimWidth(bytes, at: start)
            if width == 0 { break }
            start += width
        }
        while start < end {
            let width = trimWidthBefore(bytes, end: end)
            if width == 0 { break }
            end -= width
        }
        return start..<end
    }

    /// Byte length of a trimmable character starting at `i`, or 0.
    private static func trimWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Byte length of a trimmable character ending just before `end`, or 0.
    private static func trimWidthBefore(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        let c = b[end - 1]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c == 0xA0, end >= 2, b[end - 2] == 0xC2 { return 2 }
        if end >= 3 {
            let a = b[end - 3], m = b[end - 2]
            if a == 0xE3 && m == 0x80 && c == 0x80 { return 3 }
            if a == 0xEF && m == 0xBB && c == 0xBF { return 3 }
        }
        return 0
    }

    /// Whether trimmed bytes are their own NFKC fold: ASCII, or every character one that
    /// `foldNonASCII` keeps as it is (CJK ideographs, Latin-1 letters, `¥`, a few CJK marks).
    /// `1.2万` and `2025年3月1日` then parse from the input's bytes without a folded copy.
    static func foldsToItself(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        while i < count {
            if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let scalar: UInt32
            if lead & 0xE0 == 0xC0, i + 1 < count {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                i += 2
            } else if lead & 0xF0 == 0xE0, i + 2 < count {
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                i += 3
            } else {
                return false
            }
            switch scalar {
            case 0xA5, 0xC0...0xFF, 0x3001...0x3002, 0x3008...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF: continue
            default: return false
            }
        }
        return true
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where bytes[i] >= 0x80 { return false }
        return true
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Trims a string by `trimmedRange`.
    static func trimmed(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { buffer in
            let range = trimmedRange(buffer)
            if range.count == buffer.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// NFKC and trim for a cell holding non-ASCII bytes.
    ///
    /// Maps by hand the characters whose NFKC form is fixed and common in Chinese ledgers; one
    /// character outside that set sends the whole cell through Foundation (ICU-backed, slower).
    static func foldNonASCII(_ cell: String) -> String {
        let text = trimmed(cell)
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0..<0x80, 0xA5, 0xC0...0xFF, 0x3001...0x3002, 0x3008...0x3011,
                 0x3400...0x4DBF, 0x4E00...0x9FFF:
                scalars.append(scalar)
            case 0xA0, 0x3000:
                scalars.append(" ")
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(UInt8(v - 0xFEE0)))
            case 0xFFE5:
                scalars.append("\u{A5}")
            default:
                return trimmed(text.precomposedStringWithCompatibilityMapping)
            }
        }
        return trimmed(String(scalars))
    }
}
