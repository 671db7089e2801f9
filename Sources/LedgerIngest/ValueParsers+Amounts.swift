import LedgerModel

extension ValueParsers {
    /// An exact amount in the grammar of precise-rules.md "Numbers", or nil (`bad_number`).
    ///
    /// Grammar, after NFKC and trimming: `[-] [¥ | $ | RMB | CNY [one space]] [-] digits
    /// [.digits] [万 | 亿] [元]` with at most one `-`, the second `-` only after a currency, and
    /// digits either ungrouped or grouped by commas in threes; or `( … )` around all of that
    /// without any `-` (negative). Codes match case-insensitively. Also used for `quantity` and
    /// `quota`.
    ///
    /// Exact: the digits are scaled by 万/亿 before rounding; only a value with more than six
    /// decimals after that is rounded, half away from zero, to micros. A value beyond `Int64`
    /// micros (±9.2 × 10^12) is nil, as overflow is a bad number. `-0` is zero.
    /// - Complexity: one pass over the bytes, `Int128` arithmetic, no allocation for ASCII cells.
    package static func amount(_ cell: String) -> Money? {
        withFoldedBytes(cell) { bytes in
            var scanner = AmountScanner(bytes: bytes)
            return scanner.scan()
        }
    }

    /// A satisfaction score: `4`, `4.0`, `４` are scores; `4.5` and text are bad; other integers
    /// (0, 6, -1) are out of range.
    ///
    /// The grammar is `[-] digits [.digits]` after NFKC and trimming, an integral value when
    /// every fraction digit is zero; currency signs, grouping and 万 make no sense for a score and
    /// are bad. An integer too large for `Int` is bad.
    package static func satisfaction(_ cell: String) -> SatisfactionValue {
        withFoldedBytes(cell) { satisfaction(foldedBytes: $0) }
    }

    /// `satisfaction(_:)` of bytes already trimmed and folded (an ASCII cell as it is).
    static func satisfaction(foldedBytes bytes: UnsafeBufferPointer<UInt8>) -> SatisfactionValue {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value = 0
        var digits = 0
        while i < bytes.count, isDigit(bytes[i]) {
            guard digits < 18 else { return .bad }
            value = value * 10 + Int(bytes[i] &- 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0 else { return .bad }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count else { return .bad }
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "0") else { return .bad }
                i += 1
            }
        }
        guard i == bytes.count else { return .bad }
        if negative { value = -value }
        return (1...5).contains(value) ? .score(value) : .outOfRange(value)
    }
}

extension ValueParsers {
    /// `amount(_:)` of bytes already trimmed and folded (an ASCII cell as it is).
    /// - Parameter plainForms: read `[-]digits[.digits]` in `Int64` (tests compare the two ways).
    static func amount(foldedBytes bytes: UnsafeBufferPointer<UInt8>, plainForms: Bool = true) -> Money? {
        if plainForms, let plain = plainAmount(bytes) { return plain }
        var scanner = AmountScanner(bytes: bytes)
        return scanner.scan()
    }

    /// `[-]digits[.digits]` with at most 12 integer and 6 fraction digits, what exports write
    /// most, in `Int64` arithmetic; nil for any other form, left to `AmountScanner` (whose
    /// `Int128` steps cost five times more). The same value: such an amount is exact in micros.
    @inline(__always)
    private static func plainAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
        let count = bytes.count
        var i = 0
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var integer: Int64 = 0
        let integerStart = i
        while i < count, isDigit(bytes[i]) {
            guard i - integerStart < 12 else { return nil }
            integer = integer * 10 + Int64(bytes[i] &- 0x30)
            i += 1
        }
        guard i > integerStart else { return nil }
        var micros = integer * 1_000_000
        if i < count {
            guard bytes[i] == UInt8(ascii: "."), count - i - 1 >= 1, count - i - 1 <= 6 else { return nil }
            i += 1
            var scale: Int64 = 100_000
            while i < count {
                guard isDigit(bytes[i]) else { return nil }
                micros += Int64(bytes[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        return Money(micros: negative ? -micros : micros)
    }
}

/// The byte-level state of one `ValueParsers.amount` call.
private struct AmountScanner: ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// 10^20 units already exceed `Int64` micros; stopping there keeps `Int128` from overflowing.
    private static let integerLimit: Int128 = 100_000_000_000_000_000_000

    mutating func scan() -> Money? {
        let parenthesized = consume(UInt8(ascii: "("))
        var negative = consume(UInt8(ascii: "-"))
        if scanCurrency() {
            _ = consume(UInt8(ascii: " "))
            if !negative { negative = consume(UInt8(ascii: "-")) }
        }
        if parenthesized {
            guard !negative else { return nil }
            negative = true
        }

        // Integer digits, ungrouped or grouped by commas in threes.
        var integer: Int128 = 0
        let firstRun = digitRun()
        guard firstRun > 0 else { return nil }
        guard accumulate(&integer, count: firstRun) else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
            guard firstRun <= 3 else { return nil }
            while consume(UInt8(ascii: ",")) {
                guard digitRun() == 3, accumulate(&integer, count: 3) else { return nil }
            }
        }

        // Fraction digits: remembered, applied after the 万/亿 scale is known.
        var fractionStart = i
        var fractionCount = 0
        if consume(UInt8(ascii: ".")) {
            fractionStart = i
            fractionCount = digitRun()
            guard fractionCount > 0 else { return nil }
            i += fractionCount
        }

        var exponent = 6
        if consume(0xE4, 0xB8, 0x87) {          // 万
            exponent += 4
        } else if consume(0xE4, 0xBA, 0xBF) {   // 亿
            exponent += 8
        }
        _ = consume(0xE5, 0x85, 0x83)           // 元
        if parenthesized {
            guard consume(UInt8(ascii: ")")) else { return nil }
        }
        guard i == bytes.count else { return nil }

        // micros = integer × 10^exponent + fraction digits, rounded half away from zero.
        var micros = integer
        for k in 0..<exponent {
            micros *= 10
            if k < fractionCount { micros += Int128(bytes[fractionStart + k] &- 0x30) }
        }
        if fractionCount > exponent, bytes[fractionStart + exponent] >= UInt8(ascii: "5") {
            micros += 1
        }
        let limit = Int128(Int64.max) + (negative ? 1 : 0)
        guard micros <= limit else { return nil }
        return Money(micros: Int64(negative ? -micros : micros))
    }

    /// `$`, `¥` (after NFKC, `￥` too), `RMB` or `CNY` in any case.
    private mutating func scanCurrency() -> Bool {
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "$") {
            i += 1
            return true
        }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA5 {
            i += 2
            return true
        }
        guard i + 2 < bytes.count else { return false }
        let a = ValueParsers.lower(bytes[i])
        let b = ValueParsers.lower(bytes[i + 1])
        let c = ValueParsers.lower(bytes[i + 2])
        if (a, b, c) == (UInt8(ascii: "r"), UInt8(ascii: "m"), UInt8(ascii: "b"))
            || (a, b, c) == (UInt8(ascii: "c"), UInt8(ascii: "n"), UInt8(ascii: "y")) {
            i += 3
            return true
        }
        return false
    }

    private func digitRun() -> Int {
        var j = i
        while j < bytes.count, ValueParsers.isDigit(bytes[j]) { j += 1 }
        return j - i
    }

    /// Appends `count` digits to `value`; false once it passes `integerLimit`.
    private mutating func accumulate(_ value: inout Int128, count: Int) -> Bool {
        for _ in 0..<count {
            value = value * 10 + Int128(bytes[i] &- 0x30)
            i += 1
            if value >= Self.integerLimit { return false }
        }
        return true
    }
}
