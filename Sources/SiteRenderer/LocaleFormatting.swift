import Analytics
import LedgerModel

/// Numbers, money, shares and dates as a reader of one locale expects them.
///
/// zh-CN: `¥1,234.50`, `12.3万`, `1.2亿`, `2026年10月31日`; en: `CN¥1,234.50` (or `$`…),
/// `12.3K`, `1.2M`, `Oct 31, 2026`. Exact amounts (`Money`, `Ratio`) are rounded half away
/// from zero on their exact value, so a page never disagrees with the exports by a cent.
package struct LocaleFormatting: Sendable {
    package let locale: SiteLocale
    /// The symbol written before amounts, e.g. `¥`, `CN¥`, `$`, or `EUR ` for codes without one.
    package let symbol: String
    /// Decimal places of the currency's minor unit (0 for JPY and KRW).
    package let moneyDecimals: Int

    package init(locale: SiteLocale, currency: String) {
        self.locale = locale
        let code = currency.uppercased()
        let zh = locale == .zhCN
        switch code {
        case "CNY", "RMB": symbol = zh ? "¥" : "CN¥"
        case "USD": symbol = zh ? "US$" : "$"
        case "EUR": symbol = "€"
        case "GBP": symbol = "£"
        case "JPY": symbol = zh ? "JP¥" : "¥"
        case "HKD": symbol = "HK$"
        case "TWD": symbol = zh ? "NT$" : "NT$"
        case "KRW": symbol = "₩"
        case "": symbol = ""
        default:
            let clean = String(code.unicodeScalars.filter { ("A"..."Z").contains($0) }.prefix(3).map(Character.init))
            symbol = clean.isEmpty ? "" : clean + " "
        }
        moneyDecimals = code == "JPY" || code == "KRW" ? 0 : 2
    }

    // MARK: Numbers

    /// An integer with thousands separators: `12,345`.
    package func integer(_ value: Int) -> String {
        LocaleFormatting.group(String(value.magnitude), negative: value < 0)
    }

    /// A decimal with up to `decimals` places, trailing zeros kept: `3.10`.
    package func decimal(_ ratio: Ratio?, decimals: Int = 2) -> String {
        guard let ratio else { return "–" }
        return LocaleFormatting.groupDecimal(ratio.formatted(decimals: decimals))
    }

    /// A share 0…1 as a percentage with one decimal: `45.2%`; nil → `–`.
    package func percent(_ ratio: Ratio?, decimals: Int = 1) -> String {
        guard let ratio, let scaled = Ratio(ratio.numerator * 100, ratio.denominator) else { return "–" }
        return LocaleFormatting.groupDecimal(scaled.formatted(decimals: decimals)) + "%"
    }

    /// A change as a signed percentage: `+12.3%`, `−4.0%`.
    package func change(_ ratio: Ratio?) -> String {
        guard let ratio else { return "–" }
        let text = percent(ratio)
        if text.hasPrefix("-") { return "−" + text.dropFirst() }
        return text == "0.0%" ? text : "+" + text
    }

    /// A share from a double (charts only).
    package func percent(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        return number(value * 100, decimals: decimals) + "%"
    }

    /// A double rounded to `decimals` places and grouped, trailing zeros dropped (charts).
    package func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        var unit = 1.0
        for _ in 0..<decimals { unit *= 10 }
        let scaled = (abs(value) * unit).rounded()
        guard scaled < 9e15 else { return String(value) }
        var text = Money.formatScaled(Int128(Int64(scaled)), decimals: decimals)
        if decimals > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return LocaleFormatting.groupDecimal((value < 0 && scaled > 0 ? "-" : "") + text)
    }

    /// A large count or amount in few characters: zh-CN `12.3万`, `1.2亿`; en `12.3K`, `1.2M`, `1.2B`.
    /// Below 10,000 (zh-CN) or 1,000 (en) the number is written whole.
    package func compact(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        let steps: [(Double, String)] = locale == .zhCN
            ? [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]
            : [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in steps where magnitude >= size * 0.99995 {
            let scaled = magnitude / size
            let decimals = scaled >= 100 ? 0 : 1
            return sign + number(scaled, decimals: decimals) + suffix
        }
        return sign + number(magnitude, decimals: magnitude < 100 && magnitude != magnitude.rounded() ? 1 : 0)
    }

    // MARK: Money

    /// An exact amount with the currency symbol and the minor unit: `¥1,234.50`, `-¥3.00`.
    package func money(_ amount: Money) -> String {
        let plain = amount.formatted(decimals: moneyDecimals)
        let negative = plain.hasPrefix("-")
        let body = LocaleFormatting.groupDecimal(negative ? String(plain.dropFirst()) : plain)
        return (negative ? "-" : "") + symbol + body
    }

    /// An exact amount given as a ratio of units (AOV): `¥1,234.50`.
    package func money(_ ratio: Ratio?) -> String {
        guard let ratio else { return "–" }
        let plain = ratio.formatted(decimals: moneyDecimals)
        let negative = plain.hasPrefix("-")
        return (negative ? "-" : "") + symbol + LocaleFormatting.groupDecimal(negative ? String(plain.dropFirst()) : plain)
    }

    /// An amount for KPI cards and chart labels: `¥12.3万` / `CN¥12.3K`; small amounts whole.
    package func moneyCompact(_ amount: Money) -> String {
        moneyCompact(Double(amount.micros) / Double(Money.scale))
    }

    package func moneyCompact(_ units: Double) -> String {
        guard units.isFinite else { return "–" }
        let text = compact(units)
        return text.hasPrefix("-") ? "-" + symbol + text.dropFirst() : symbol + text
    }

    // MARK: Dates

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `2026年10月31日` / `Oct 31, 2026`.
    package func date(_ day: Day?) -> String {
        guard let day else { return "–" }
        let c = day.components
        return locale == .zhCN ? "\(c.year)年\(c.month)月\(c.day)日"
            : "\(LocaleFormatting.englishMonths[c.month - 1]) \(c.day), \(c.year)"
    }

    /// A month index (`year × 12 + month − 1`) in full: `2026年10月` / `Oct 2026`.
    package func month(_ index: Int) -> String {
        let year = index / 12, month = index % 12 + 1
        return locale == .zhCN ? "\(year)年\(month)月" : "\(LocaleFormatting.englishMonths[month - 1]) \(year)"
    }

    /// A month index for a chart axis: `25年11月` / `Nov '25` (an ASCII apostrophe: CJK fonts draw ’ full width).
    package func shortMonth(_ index: Int) -> String {
        let year = index / 12 % 100, month = index % 12 + 1
        let yy = year < 10 ? "0\(year)" : "\(year)"
        return locale == .zhCN ? "\(yy)年\(month)月" : "\(LocaleFormatting.englishMonths[month - 1]) '\(yy)"
    }

    /// A date and time as written in the ledger: `2026年10月31日 14:05` / `Oct 31, 2026 14:05`.
    package func dateTime(_ value: LocalDateTime) -> String {
        guard value.hasTime else { return date(value.day) }
        let minutes = Int(value.secondOfDay) / 60
        let hh = minutes / 60, mm = minutes % 60
        return date(value.day) + " " + (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
    }

    // MARK: Grouping

    /// Inserts thousands separators into the integer part of a plain decimal (`-1234.5`).
    /// Works on UTF-8 bytes: it runs for every figure of every page.
    static func groupDecimal(_ plain: String) -> String {
        let u = Array(plain.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count + u.count / 3 + 1)
        var start = 0
        if u.first == UInt8(ascii: "-") {
            out.append(UInt8(ascii: "-"))
            start = 1
        }
        var dot = u.count
        for i in start..<u.count where u[i] == UInt8(ascii: ".") {
            dot = i
            break
        }
        for i in start..<dot {
            if i > start, (dot - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(u[i])
        }
        out.append(contentsOf: u[dot...])
        return String(decoding: out, as: UTF8.self)
    }

    static func group(_ digits: String, negative: Bool) -> String {
        groupDecimal(negative ? "-" + digits : digits)
    }
}
