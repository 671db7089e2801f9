import Foundation
import LedgerModel

extension ValueParsers {
    /// The normalised phone for duplicate keys, or nil when it is not a valid phone.
    ///
    /// After NFKC and removing spaces, `-`, `(`, `)` and `.`: a mobile `(+86|86)?1[3-9]\d{9}` is
    /// returned as its 11 digits; a landline `0\d{9,11}` or an international
    /// `\+[1-9]\d{6,14}` as cleaned. Extensions and two numbers in one cell are not phones.
    /// - Complexity: one pass, one small allocation for the result.
    package static func phone(_ cell: String) -> String? {
        withPhoneKey(cell) { key in key.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the bytes of `phone(cell)` (nil when it is not a valid phone), without
    /// making a string: duplicate keys are compared as bytes.
    static func withPhoneKey<R>(_ cell: String, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        withFoldedBytes(cell) { bytes -> R in
            // Longest valid phone: `+` and 15 digits; anything longer is not one, so 16 bytes
            // on the stack hold every candidate.
            var storage: (UInt64, UInt64) = (0, 0)
            return withUnsafeMutableBytes(of: &storage) { raw -> R in
                let out = raw.bindMemory(to: UInt8.self)
                var count = 0
                for byte in bytes {
                    switch byte {
                    case 0x20, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."):
                        continue
                    default:
                        guard count < 16 else { return body(nil) }
                        out[count] = byte
                        count += 1
                    }
                }
                let cleaned = UnsafeBufferPointer(rebasing: out[0..<count])
                guard let range = validPhone(cleaned) else { return body(nil) }
                return body(UnsafeBufferPointer(rebasing: cleaned[range]))
            }
        }
    }

    /// The part of a cleaned phone that is its normalised form, or nil when it is not valid.
    private static func validPhone(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let plus = p.first == UInt8(ascii: "+")
        let digitStart = plus ? 1 : 0
        guard p.count > digitStart else { return nil }
        for i in digitStart..<p.count where !isDigit(p[i]) { return nil }
        let digitCount = p.count - digitStart

        func isMobile(_ start: Int) -> Bool {
            p.count - start == 11 && p[start] == UInt8(ascii: "1")
                && p[start + 1] >= UInt8(ascii: "3") && p[start + 1] <= UInt8(ascii: "9")
        }
        func hasCountryCode86(_ start: Int) -> Bool {
            p[start] == UInt8(ascii: "8") && p[start + 1] == UInt8(ascii: "6")
        }

        if plus {
            if digitCount == 13, hasCountryCode86(1), isMobile(3) { return 3..<p.count }
            if p[1] != UInt8(ascii: "0"), (7...15).contains(digitCount) { return 0..<p.count }
            return nil
        }
        if digitCount == 11, isMobile(0) { return 0..<p.count }
        if digitCount == 13, hasCountryCode86(0), isMobile(2) { return 2..<p.count }
        if p[0] == UInt8(ascii: "0"), (10...12).contains(digitCount) { return 0..<p.count }
        return nil
    }

    /// Whether the cell is an e-mail address by precise-rules.md `bad_email`.
    ///
    /// After NFKC and trimming: exactly one `@`, no whitespace, a non-empty local part, and a
    /// domain of non-empty dot-separated labels whose last (the TLD) is at least two ASCII
    /// letters. Other characters are not checked (internationalised local parts and labels pass).
    package static func isValidEmail(_ cell: String) -> Bool {
        withFoldedBytes(cell) { bytes -> Bool in
            var at = -1
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "@"):
                    guard at < 0 else { return false }
                    at = i
                case 0x20, 0x09...0x0D:
                    return false
                default:
                    break
                }
            }
            guard at > 0, at + 1 < bytes.count else { return false }
            var labels = 0
            var labelStart = at + 1
            for i in (at + 1)...bytes.count {
                guard i == bytes.count || bytes[i] == UInt8(ascii: ".") else { continue }
                guard i > labelStart else { return false }
                labels += 1
                if i == bytes.count {
                    guard labels >= 2, i - labelStart >= 2 else { return false }
                    for j in labelStart..<i {
                        let letter = lower(bytes[j])
                        guard letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") else { return false }
                    }
                }
                labelStart = i + 1
            }
            return true
        }
    }

    /// NFKC, case-fold, no whitespace, legal-form suffixes stripped (precise-rules.md).
    ///
    /// Suffixes are stripped repeatedly from the end, first match in the order of
    /// `legalSuffixes`, never down to nothing and never once what is left is itself a suffix,
    /// so a name that is only a suffix (`有限公司`, `Co., Ltd.`) is kept whole. As the rule removes
    /// whitespace first, the suffix needs no word boundary: `Zinc` becomes `z`, `Acme, Inc.`
    /// becomes `acme,` (the spec's literal reading; both sides of a duplicate key agree).
    package static func normalizedName(_ cell: String) -> String {
        normalizedNameKey(cell).name
    }

    /// `normalizedName(_:)`, and whether the result is known to be in NFC, so that two such
    /// names are equal strings exactly when their bytes are equal.
    ///
    /// A name made only of characters whose folding, case and whitespace are known (ASCII,
    /// Latin-1 letters, CJK ideographs, full-width ASCII, a few CJK punctuation marks and
    /// spaces, `¥`: what Chinese and English company names are made of) is normalised in one
    /// pass over its bytes; for others the general path folds through Foundation and
    /// lower-cases by Unicode rules, five times slower.
    static func normalizedNameKey(_ cell: String) -> (name: String, composed: Bool) {
        var bytes: [UInt8] = []
        if appendSimpleNormalizedName(cell, to: &bytes) { return (String(decoding: bytes, as: UTF8.self), true) }
        return (generalNormalizedName(cell), false)
    }

    /// Appends `normalizedName(cell)` to `out` when `cell` is made only of characters whose
    /// folding, case and whitespace are known (then the result is in NFC), and returns true;
    /// returns false, appending nothing, for any other cell.
    static func appendSimpleNormalizedName(_ cell: String, to out: inout [UInt8]) -> Bool {
        let start = out.count
        guard appendSimpleFold(cell, to: &out) else {
            out.removeSubrange(start...)
            return false
        }
        let end = out.withUnsafeBufferPointer { strippedEnd(UnsafeBufferPointer(rebasing: $0[start...])) }
        out.removeSubrange((start + end)...)
        return true
    }

    /// Appends the folded, lower-cased bytes of `cell` without whitespace, or returns false when
    /// it holds a character outside the set `foldNonASCII` maps by hand (then NFKC could change it).
    private static func appendSimpleFold(_ cell: String, to out: inout [UInt8]) -> Bool {
        var copy = cell
        return copy.withUTF8 { buffer -> Bool in
            let range = trimmedRange(buffer)
            let start = out.count
            // Folding here never lengthens the text, so the cell's length is room enough.
            var written = 0
            var simple = true
            out.append(contentsOf: repeatElement(0, count: range.count))
            out.withUnsafeMutableBufferPointer { all in
                let target = all.baseAddress! + start
                func put(_ byte: UInt8) {
                    target[written] = byte
                    written += 1
                }
                var i = range.lowerBound
                let end = range.upperBound
                while i < end {
                    let lead = buffer[i]
                    if lead < 0x80 {
                        if !(lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)) { put(lower(lead)) }
                        i += 1
                        continue
                    }
                    if lead & 0xF0 == 0xE0, i + 2 < end {
                        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(buffer[i + 1] & 0x3F) << 6 | UInt32(buffer[i + 2] & 0x3F)
                        switch scalar {
                        case 0x3000:
                            break  // a space, removed
                        case 0x3001...0x3002, 0x3008...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF:
                            put(lead)
                            put(buffer[i + 1])
                            put(buffer[i + 2])
                        case 0xFF01...0xFF5E:
                            put(lower(UInt8(scalar - 0xFEE0)))  // full-width ASCII, never a space
                        case 0xFFE5:
                            put(0xC2)  // ￥ folds to ¥
                            put(0xA5)
                        default:
                            simple = false
                            return
                        }
                        i += 3
                    } else if lead & 0xE0 == 0xC0, i + 1 < end {
                        let scalar = UInt32(lead & 0x1F) << 6 | UInt32(buffer[i + 1] & 0x3F)
                        switch scalar {
                        case 0xA0:
                            break  // a space, removed
                        case 0xA5, 0xD7, 0xDF...0xFF:
                            put(lead)
                            put(buffer[i + 1])
                        case 0xC0...0xDE:
                            put(lead)
                            put(buffer[i + 1] + 0x20)  // Latin-1 capitals: C3 80...9E become C3 A0...BE
                        default:
                            simple = false
                            return
                        }
                        i += 2
                    } else {
                        simple = false
                        return
                    }
                }
            }
            out.removeSubrange((start + (simple ? written : 0))...)
            return simple
        }
    }

    static func generalNormalizedName(_ cell: String) -> String {
        var bytes: [UInt8]
        let folded = fold(cell)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            bytes = []
            bytes.reserveCapacity(folded.utf8.count)
            for byte in folded.utf8 where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                bytes.append(lower(byte))
            }
        } else {
            var scalars = String.UnicodeScalarView()
            for scalar in folded.lowercased().unicodeScalars where !scalar.properties.isWhitespace {
                scalars.append(scalar)
            }
            bytes = Array(String(scalars).utf8)
        }
        return strippingLegalSuffixes(bytes)
    }

    /// `bytes` without trailing legal-form suffixes (see `normalizedName(_:)`).
    private static func strippingLegalSuffixes(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[..<strippedEnd(buffer)]), as: UTF8.self)
        }
    }

    /// Where `bytes` end once trailing legal-form suffixes are stripped: repeatedly the first
    /// suffix of `legalSuffixes` that ends them, never down to nothing and never once what is
    /// left is itself a suffix.
    private static func strippedEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var end = bytes.count
        var stripped = true
        while stripped {
            stripped = false
            // What is left is itself a legal form (`Co., Ltd.`): keep it whole.
            if legalSuffixes.contains(where: { $0.count == end && memcmp($0, base, end) == 0 }) { break }
            for suffix in legalSuffixes where suffix.count < end && suffix.last == base[end - 1] {
                if memcmp(suffix, base + (end - suffix.count), suffix.count) == 0 {
                    end -= suffix.count
                    stripped = true
                    break
                }
            }
        }
        return end
    }

    /// precise-rules.md's legal-form suffixes, longest variants first, as UTF-8.
    static let legalSuffixes: [[UInt8]] = [
        "股份有限公司", "有限责任公司", "有限公司", "co.,ltd.", "co.,ltd", "co.ltd.", "co.ltd",
        "co.,limited", "ltd.", "ltd", "limited", "inc.", "inc", "corp.", "corp", "corporation",
        "llc", "co.",
    ].map { Array($0.utf8) }
}
