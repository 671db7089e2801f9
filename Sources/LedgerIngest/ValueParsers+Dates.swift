import LedgerModel

extension ValueParsers {
    /// A date or date-time in one of the forms of precise-rules.md "Dates", or nil (`bad_date`).
    ///
    /// Forms: `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` (one separator throughout), `YYYY年M月D日`,
    /// compact `YYYYMMDD`, and `N/N/YYYY` (month first unless `order` is `.dmy`; `.ymd` reads it
    /// month first too). Each may be followed by `T` or spaces and `H:MM[:SS[.fff…]]` (hour of one
    /// or two digits, fractions dropped), then optionally spaces and a zone (`Z`, `±HH`, `±HHMM`,
    /// `±HH:MM`) that is ignored: the wall time is kept. Two-digit years, year 0, impossible dates,
    /// `24:00`, minutes or seconds ≥ 60 and bare numbers (Excel serials) are rejected.
    /// - Complexity: one pass over the cell's bytes, no allocation for ASCII cells.
    package static func date(_ cell: String, order: DateOrder) -> LocalDateTime? {
        withFoldedBytes(cell) { bytes in
            var scanner = DateScanner(bytes: bytes)
            return scanner.scan(order: order)
        }
    }
}

extension ValueParsers {
    /// `date(_:order:)` of bytes already trimmed and folded (an ASCII cell as it is).
    /// - Parameter commonForms: read `YYYY-MM-DD[ HH:MM]` at fixed offsets (tests compare the
    ///   two ways).
    static func date(foldedBytes bytes: UnsafeBufferPointer<UInt8>, order: DateOrder,
                     commonForms: Bool = true) -> LocalDateTime? {
        var scanner = DateScanner(bytes: bytes)
        return scanner.scan(order: order, commonForms: commonForms)
    }
}

extension ValueParsers {
    /// `date(foldedBytes:order:)` of a cell in the form `YYYY-MM-DD[ HH:MM]` (`.some`, nil when
    /// it is impossible), or nil for any other form: ASCII, so already folded.
    @inline(__always)
    static func commonDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDateTime?? {
        DateScanner(bytes: bytes).scanCommonForm()
    }
}

/// The byte-level state of one `ValueParsers.date` call.
private struct DateScanner: ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { i == bytes.count }

    mutating func scan(order: DateOrder, commonForms: Bool = true) -> LocalDateTime? {
        if commonForms, let common = scanCommonForm() { return common }
        guard let day = scanDay(order: order) else { return nil }
        if atEnd { return LocalDateTime(day: day) }
        guard let second = scanTime() else { return nil }
        return LocalDateTime(day: day, secondOfDay: Int32(second), hasTime: true)
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, what exports write most, read at fixed offsets: the
    /// result `scanDay` and `scanTime` give those forms (`.some(nil)` for an impossible date or
    /// time), or nil for any other form.
    func scanCommonForm() -> LocalDateTime?? {
        let count = bytes.count
        guard count == 10 || count == 16, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // Bytes 0...7 `YYYY-MM-` and 8...15 `DD HH:MM` (or 8...9 `DD`), little-endian lanes.
        let head = raw.loadUnaligned(as: UInt64.self).littleEndian
        guard head & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000 else { return nil }
        let tail: UInt64
        let tailDigits: UInt64
        if count == 16 {
            tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
            let separator = (tail >> 16) & 0xFF
            guard separator == 0x20 || separator == 0x54, (tail >> 40) & 0xFF == 0x3A else { return nil }
            tailDigits = 0xFFFF_00FF_FF00_FFFF
        } else {
            tail = UInt64(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self).littleEndian)
            tailDigits = 0xFFFF
        }
        let headValues = (head ^ 0x3030_3030_3030_3030) & 0x00FF_FF00_FFFF_FFFF
        let tailValues = (tail ^ 0x3030_3030_3030_3030) & tailDigits
        guard Self.allDigits(headValues), Self.allDigits(tailValues) else { return nil }
        func lane(_ word: UInt64, _ index: UInt64) -> Int { Int(truncatingIfNeeded: (word >> (8 * index)) & 0xFF) }
        let year = ((lane(headValues, 0) * 10 + lane(headValues, 1)) * 10 + lane(headValues, 2)) * 10 + lane(headValues, 3)
        guard let day = Day(year: year, month: lane(headValues, 5) * 10 + lane(headValues, 6),
                            day: lane(tailValues, 0) * 10 + lane(tailValues, 1)) else {
            return .some(nil)
        }
        if count == 10 { return .some(LocalDateTime(day: day)) }
        let hour = lane(tailValues, 3) * 10 + lane(tailValues, 4)
        let minute = lane(tailValues, 6) * 10 + lane(tailValues, 7)
        guard hour < 24, minute < 60 else { return .some(nil) }
        return .some(LocalDateTime(day: day, secondOfDay: Int32(hour * 3600 + minute * 60), hasTime: true))
    }

    /// Whether every lane of `values` (bytes XOR `0`, non-digit lanes zeroed) is at most 9,
    /// i.e. every byte was an ASCII digit.
    @inline(__always)
    private static func allDigits(_ values: UInt64) -> Bool {
        ((values & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676 | values) & 0x8080_8080_8080_8080 == 0
    }

    private mutating func scanDay(order: DateOrder) -> Day? {
        let run = digitRun()
        let year: Int, month: Int, day: Int
        switch run {
        case 4:
            year = number(count: 4)
            if consume(0xE5, 0xB9, 0xB4) {                       // 年
                guard let m = digits(1, 2), consume(0xE6, 0x9C, 0x88),   // 月
                      let d = digits(1, 2), consume(0xE6, 0x97, 0xA5)    // 日
                else { return nil }
                month = m
                day = d
            } else {
                guard i < bytes.count else { return nil }
                let separator = bytes[i]
                guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/")
                        || separator == UInt8(ascii: ".") else { return nil }
                i += 1
                guard let m = digits(1, 2), consume(separator), let d = digits(1, 2) else { return nil }
                month = m
                day = d
            }
        case 8:
            year = number(count: 4)
            month = number(count: 2)
            day = number(count: 2)
        case 1, 2:
            guard let first = digits(1, 2), consume(UInt8(ascii: "/")),
                  let second = digits(1, 2), consume(UInt8(ascii: "/")),
                  digitRun() == 4 else { return nil }
            year = number(count: 4)
            (month, day) = order == .dmy ? (second, first) : (first, second)
        default:
            return nil
        }
        return Day(year: year, month: month, day: day)
    }

    /// `T` or spaces, the time, and an optional ignored zone, up to the end.
    private mutating func scanTime() -> Int? {
        if !consume(UInt8(ascii: "T")) {
            guard consume(UInt8(ascii: " ")) else { return nil }
            while consume(UInt8(ascii: " ")) {}
        }
        guard let hour = digits(1, 2), consume(UInt8(ascii: ":")),
              let minute = digits(2, 2) else { return nil }
        var second = 0
        if consume(UInt8(ascii: ":")) {
            guard let s = digits(2, 2) else { return nil }
            second = s
            if consume(UInt8(ascii: ".")) {
                guard digitRun() > 0 else { return nil }
                i += digitRun()
            }
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        while consume(UInt8(ascii: " ")) {}
        if !atEnd {
            guard scanZone(), atEnd else { return nil }
        }
        return hour * 3600 + minute * 60 + second
    }

    private mutating func scanZone() -> Bool {
        if consume(UInt8(ascii: "Z")) { return true }
        guard consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-")) else { return false }
        // `±HH`, `±HHMM` or `±HH:MM`.
        let run = digitRun()
        guard run == 2 || run == 4 else { return false }
        let hours = number(count: 2)
        guard hours <= 23 else { return false }
        if run == 4 || consume(UInt8(ascii: ":")) {
            guard run == 4 || digitRun() == 2 else { return false }
            guard number(count: 2) < 60 else { return false }
        }
        return true
    }

    // MARK: Byte primitives

    /// How many digits start at `i`.
    private func digitRun() -> Int {
        var j = i
        while j < bytes.count, ValueParsers.isDigit(bytes[j]) { j += 1 }
        return j - i
    }

    /// Reads `count` digits known to be there.
    private mutating func number(count: Int) -> Int {
        var value = 0
        for _ in 0..<count {
            value = value * 10 + Int(bytes[i] &- 0x30)
            i += 1
        }
        return value
    }

    /// Reads `min...max` digits, failing when the run is shorter or longer.
    private mutating func digits(_ min: Int, _ max: Int) -> Int? {
        let run = digitRun()
        guard run >= min, run <= max else { return nil }
        return number(count: run)
    }
}
