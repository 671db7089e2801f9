import Charts

/// The masks of ``ContactMask`` written escaped into a page's bytes. An ASCII value (nearly every
/// phone number and e-mail address) is masked byte by byte; anything else goes through the
/// `String` functions, whose character rules are then the ones that matter.
/// `ContactMaskTests` checks both paths agree on random and hostile values.
extension ContactMask {
    static func append(phone raw: String, to out: inout ByteBuffer) {
        var copy = raw
        let done: Bool = copy.withUTF8 { text in
            guard !text.contains(where: { $0 >= 0x80 }) else { return false }
            return appendASCII(phone: text, to: &out)
        }
        if !done { out.append(escaping: phone(raw)) }
    }

    static func append(email raw: String, to out: inout ByteBuffer) {
        var copy = raw
        let done: Bool = copy.withUTF8 { text in
            // "\r\n" at the start is one character: the String path keeps both bytes.
            guard !text.contains(where: { $0 >= 0x80 }), text.first != 0x0D else { return false }
            guard let at = text.firstIndex(of: UInt8(ascii: "@")), at != 0 else {
                if !text.isEmpty { out.append("***") }
                return true
            }
            out.append(escaping: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[0..<1]))
            out.append("***")
            out.append(escaping: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[at...]))
            return true
        }
        if !done { out.append(escaping: email(raw)) }
    }

    /// ``phone(_:)`` of an ASCII value; in ASCII, "whitespace" is space and tab, a number is a digit.
    /// Returns false for more than 32 digits (left to the `String` path).
    private static func appendASCII(phone raw: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) -> Bool {
        var lower = 0, upper = raw.count
        while lower < upper, raw[lower] == 0x20 || raw[lower] == 0x09 { lower += 1 }
        while upper > lower, raw[upper - 1] == 0x20 || raw[upper - 1] == 0x09 { upper -= 1 }
        let text = UnsafeBufferPointer(rebasing: raw[lower..<upper])
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isMobile(_ b: UInt8) -> Bool { b >= 0x33 && b <= 0x39 }
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { digits in
            var count = 0
            for byte in text where isDigit(byte) {
                guard count < 32 else { return false }
                digits[count] = byte
                count += 1
            }
            guard count >= 7 else {
                if !text.isEmpty { out.append("****") }
                return true
            }
            func run(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: digits[range]) }
            let tail = run(count - 4..<count)
            let plus = text.first == UInt8(ascii: "+")
            if count == 13, digits[0] == 0x38, digits[1] == 0x36, digits[2] == 0x31, isMobile(digits[3]) {
                out.append(plus ? "+86 " : "86 ")
                out.append(run(2..<5))
            } else if count == 11, digits[0] == 0x31, isMobile(digits[1]), !plus {
                out.append(run(0..<3))
            } else if digits[0] == 0x30, let dash = text.firstIndex(of: UInt8(ascii: "-")),
                      case let area = text[..<dash].lazy.filter(isDigit).count, area >= 3, area <= 4 {
                out.append(run(0..<area))
                out.append("-****")
                out.append(tail)
                return true
            } else {
                if plus { out.append(UInt8(ascii: "+")) }
                out.append(run(0..<3))
            }
            out.append("****")
            out.append(tail)
            return true
        }
    }
}
