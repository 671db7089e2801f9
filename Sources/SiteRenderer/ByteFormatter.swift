import Analytics
import Charts
import LedgerModel

/// The formats of ``LocaleFormatting`` written straight into a page's bytes, for the portrait
/// pages: the same text, without a `String` per figure. `ByteFormatterTests` checks each against
/// its `String` twin on random values.
///
/// Holds no references (the currency symbol is a chunk of the build's ``ByteArena``), so the
/// render threads share it without reference counting.
struct ByteFormatter: @unchecked Sendable {
    let locale: SiteLocale
    let moneyDecimals: Int
    /// The currency symbol, escaped.
    let symbolBytes: ByteChunk

    init(_ format: LocaleFormatting, arena: ByteArena) {
        locale = format.locale
        moneyDecimals = format.moneyDecimals
        symbolBytes = arena.chunk(HTML.escape(format.symbol))
    }

    /// ``integer(_:)``: `12,345`.
    func append(integer value: Int, to out: inout ByteBuffer) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        ByteFormatter.appendGrouped(UInt(value.magnitude), to: &out)
    }

    /// ``money(_:)-(Money)``: `¥1,234.50`.
    func append(money amount: Money, to out: inout ByteBuffer) {
        let divisor: UInt = moneyDecimals == 2 ? 10_000 : 1_000_000
        let rounded = (UInt(amount.micros.magnitude) + divisor / 2) / divisor
        if amount.micros < 0 && rounded != 0 { out.append(UInt8(ascii: "-")) }
        out.append(symbolBytes)
        if moneyDecimals == 2 {
            ByteFormatter.appendGrouped(rounded / 100, to: &out)
            out.append(UInt8(ascii: "."))
            out.append(digits: rounded % 100, width: 2)
        } else {
            ByteFormatter.appendGrouped(rounded, to: &out)
        }
    }

    /// ``money(_:)-(Ratio?)``: an exact amount given as a ratio of units (AOV).
    func append(money ratio: Ratio?, to out: inout ByteBuffer) {
        guard let ratio else { return out.append("–") }
        let scaled = ratio.scaled(decimals: moneyDecimals)
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        out.append(symbolBytes)
        ByteFormatter.appendScaled(scaled.magnitude, decimals: moneyDecimals, to: &out)
    }

    /// ``percent(_:decimals:)-(Ratio?,_)``: `45.2%`.
    func append(percent ratio: Ratio?, decimals: Int = 1, to out: inout ByteBuffer) {
        guard let ratio, let hundredfold = Ratio(ratio.numerator * 100, ratio.denominator) else { return out.append("–") }
        append(decimal: hundredfold, decimals: decimals, to: &out)
        out.append(UInt8(ascii: "%"))
    }

    /// ``decimal(_:decimals:)``: `3.10`.
    func append(decimal ratio: Ratio?, decimals: Int = 2, to out: inout ByteBuffer) {
        guard let ratio else { return out.append("–") }
        let scaled = ratio.scaled(decimals: decimals)
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        ByteFormatter.appendScaled(scaled.magnitude, decimals: decimals, to: &out)
    }

    /// ``moneyCompact(_:)-(Double)``: `¥12.3万`, `¥0`.
    func append(moneyCompact units: Double, to out: inout ByteBuffer) {
        guard units.isFinite else { return out.append("–") }
        // compact() writes its own sign first; moneyCompact puts the symbol after it.
        if units < 0 { out.append(UInt8(ascii: "-")) }
        out.append(symbolBytes)
        appendCompactMagnitude(abs(units), to: &out)
    }

    /// ``compact(_:)`` of a value ≥ 0.
    private func appendCompactMagnitude(_ magnitude: Double, to out: inout ByteBuffer) {
        func step(_ size: Double, _ suffix: StaticString) -> Bool {
            guard magnitude >= size * 0.99995 else { return false }
            let scaled = magnitude / size
            appendNumber(scaled, decimals: scaled >= 100 ? 0 : 1, to: &out)
            out.append(suffix)
            return true
        }
        if locale == .zhCN {
            if step(1e12, "万亿") || step(1e8, "亿") || step(1e4, "万") { return }
        } else {
            if step(1e12, "T") || step(1e9, "B") || step(1e6, "M") || step(1e3, "K") { return }
        }
        appendNumber(magnitude, decimals: magnitude < 100 && magnitude != magnitude.rounded() ? 1 : 0, to: &out)
    }

    /// ``number(_:decimals:)``: rounded, grouped, trailing zeros dropped.
    func appendNumber(_ value: Double, decimals: Int, to out: inout ByteBuffer) {
        guard value.isFinite else { return out.append("–") }
        var unit = 1.0
        for _ in 0..<decimals { unit *= 10 }
        let scaled = (abs(value) * unit).rounded()
        guard scaled < 9e15 else { return out.append(raw: String(value)) }
        if value < 0 && scaled > 0 { out.append(UInt8(ascii: "-")) }
        var power: UInt = 1
        for _ in 0..<decimals { power *= 10 }
        let units = UInt(scaled)
        ByteFormatter.appendGrouped(units / power, to: &out)
        var fraction = units % power, width = decimals
        guard fraction > 0 else { return }
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        out.append(UInt8(ascii: "."))
        out.append(digits: fraction, width: width)
    }

    // MARK: Dates

    /// ``date(_:)``: `2026年10月31日` / `Oct 31, 2026`; nil → `–`.
    func append(date day: Day?, to out: inout ByteBuffer) {
        guard let day else { return out.append("–") }
        let c = civilDate(daysSinceEpoch: Int(day.raw))
        if locale == .zhCN {
            out.append(decimal: c.year)
            out.append("年")
            out.append(decimal: c.month)
            out.append("月")
            out.append(decimal: c.day)
            out.append("日")
        } else {
            out.append(ByteFormatter.englishMonth(c.month))
            out.append(UInt8(ascii: " "))
            out.append(decimal: c.day)
            out.append(", ")
            out.append(decimal: c.year)
        }
    }

    private static func englishMonth(_ month: Int) -> StaticString {
        switch month {
        case 1: "Jan"
        case 2: "Feb"
        case 3: "Mar"
        case 4: "Apr"
        case 5: "May"
        case 6: "Jun"
        case 7: "Jul"
        case 8: "Aug"
        case 9: "Sep"
        case 10: "Oct"
        case 11: "Nov"
        default: "Dec"
        }
    }

    /// ``dateTime(_:)``: `2026年10月31日 14:05`.
    func append(dateTime value: LocalDateTime, to out: inout ByteBuffer) {
        append(date: value.day, to: &out)
        guard value.hasTime else { return }
        let minutes = Int(value.secondOfDay) / 60
        let hh = minutes / 60, mm = minutes % 60
        out.append(UInt8(ascii: " "))
        if hh < 10 { out.append(UInt8(ascii: "0")) }
        out.append(decimal: hh)
        out.append(UInt8(ascii: ":"))
        if mm < 10 { out.append(UInt8(ascii: "0")) }
        out.append(decimal: mm)
    }

    /// `Day.description`: `2026-10-31`, the sort key of date cells.
    static func append(iso day: Day, to out: inout ByteBuffer) {
        let c = civilDate(daysSinceEpoch: Int(day.raw))
        guard c.year >= 0 else { return out.append(raw: day.description) }
        out.append(digits: UInt(c.year), width: 4)
        out.append(UInt8(ascii: "-"))
        out.append(digits: UInt(c.month), width: 2)
        out.append(UInt8(ascii: "-"))
        out.append(digits: UInt(c.day), width: 2)
    }

    /// `Money.formatted(decimals: 2)`: `-1234.50`, the sort key of money cells.
    static func append(plainMoney amount: Money, to out: inout ByteBuffer) {
        let rounded = (UInt(amount.micros.magnitude) + 5_000) / 10_000
        if amount.micros < 0 && rounded != 0 { out.append(UInt8(ascii: "-")) }
        out.append(digits: rounded / 100)
        out.append(UInt8(ascii: "."))
        out.append(digits: rounded % 100, width: 2)
    }

    // MARK: Grouping

    /// `1234567` → `1,234,567`.
    static func appendGrouped(_ value: UInt, to out: inout ByteBuffer) {
        guard value >= 1000 else { return out.append(digits: value) }
        appendGrouped(value / 1000, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(digits: value % 1000, width: 3)
    }

    /// A non-negative count of 10^-decimals as `Money.formatScaled` writes it, grouped.
    static func appendScaled(_ magnitude: UInt128, decimals: Int, to out: inout ByteBuffer) {
        var unit: UInt128 = 1
        for _ in 0..<decimals { unit *= 10 }
        let whole = magnitude / unit
        if whole <= UInt128(UInt.max) {
            appendGrouped(UInt(whole), to: &out)
        } else {
            out.append(raw: LocaleFormatting.groupDecimal(String(whole)))
        }
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            out.append(digits: UInt(magnitude % unit), width: decimals)
        }
    }
}
