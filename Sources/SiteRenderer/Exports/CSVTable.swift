import Analytics
import LedgerModel

/// A CSV export being built: UTF-8 with BOM, LF line ends, RFC 4180 quoting, header always.
///
/// Cells are written straight into one byte buffer (no per-cell `String` for numbers and dates),
/// because `customers.csv` has a million rows of 27 cells.
package struct CSVTable: Sendable {
    private var buffer: [UInt8]
    private var atRowStart = true

    /// Starts a table with its header row (written even when no row follows).
    package init(header: [String], reservingRows rows: Int = 0) {
        buffer = [0xEF, 0xBB, 0xBF]
        buffer.reserveCapacity(64 + rows * header.count * 8)
        append(header.map { CSVCell.value($0) })
    }

    /// Starts a table with its header row, with room for `bytes` bytes.
    package init(header: [String], reservingBytes bytes: Int) {
        buffer = [0xEF, 0xBB, 0xBF]
        buffer.reserveCapacity(bytes)
        append(header.map { CSVCell.value($0) })
    }

    /// Rows only, no BOM or header: a part of a table built on another thread, to be
    /// ``append(rowsOf:)``ed to the table in order.
    package init(rowsReserving bytes: Int) {
        buffer = []
        buffer.reserveCapacity(bytes)
    }

    /// The file's bytes.
    package var bytes: [UInt8] { buffer }

    /// Appends the rows of a part made with ``init(rowsReserving:)``.
    package mutating func append(rowsOf part: CSVTable) {
        precondition(atRowStart, "append whole rows")
        buffer += part.buffer
    }

    /// Appends one row; cells are quoted when they hold a comma, a quote, CR or LF.
    package mutating func append(_ row: [CSVCell]) {
        for cell in row {
            switch cell {
            case .empty: empty()
            case .value(let s): value(s)
            case .text(let s): text(s)
            }
        }
        endRow()
    }

    /// A cell of text from the data, with the formula-injection guard.
    package mutating func text(_ s: String?) {
        guard let s else { return empty() }
        separate()
        if let first = s.utf8.first, CSVTable.isFormulaStart(first) {
            CSVTable.appendField(s, guardPrefix: true, to: &buffer)
        } else {
            CSVTable.appendField(s, guardPrefix: false, to: &buffer)
        }
    }

    /// ``text(_:)`` of text given as UTF-8.
    package mutating func text(utf8 bytes: [UInt8]) {
        separate()
        bytes.withUnsafeBufferPointer { bytes in
            CSVTable.appendField(bytes, guardPrefix: bytes.first.map(CSVTable.isFormulaStart) ?? false, to: &buffer)
        }
    }

    /// A computed value or code, written as is (quoted only if it must be).
    package mutating func value(_ s: String?) {
        guard let s else { return empty() }
        separate()
        CSVTable.appendField(s, guardPrefix: false, to: &buffer)
    }

    package mutating func empty() { separate() }

    package mutating func integer<T: BinaryInteger>(_ v: T?) {
        guard let v else { return empty() }
        separate()
        appendDigits(Int64(v))
    }

    /// Money rounded half away from zero to 2 decimals: `-1234.50`.
    package mutating func money(_ m: Money?) {
        guard let m else { return empty() }
        separate()
        let magnitude = m.micros.magnitude
        let cents = (magnitude + 5_000) / 10_000
        if m.micros < 0 && cents != 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(Int64(cents / 100))
        buffer.append(UInt8(ascii: "."))
        let fraction = Int(cents % 100)
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// `YYYY-MM-DD`.
    package mutating func day(_ d: Day?) {
        guard let d else { return empty() }
        separate()
        let c = d.components
        appendPadded(c.year, 4)
        // `-MM-DD` in one append: `customers.csv` has four dates a row.
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let bytes = (dash, zero + UInt8(c.month / 10), zero + UInt8(c.month % 10), dash, zero + UInt8(c.day / 10), zero + UInt8(c.day % 10))
        withUnsafeBytes(of: bytes) { buffer.append(contentsOf: $0) }
    }

    /// An exact ratio rounded half away from zero to `decimals` places, as
    /// `Ratio.formatted(decimals:)` writes it (`-0.50`, `12`), without a `String` when the
    /// rounded value fits 64 bits.
    package mutating func ratio(_ r: Ratio?, decimals: Int) {
        guard let r else { return empty() }
        guard decimals <= 6, let rounded = Int64(exactly: r.scaled(decimals: decimals)), rounded != .min else {
            return value(r.formatted(decimals: decimals))
        }
        var unit: Int64 = 1
        for _ in 0..<decimals { unit *= 10 }
        separate()
        let magnitude = rounded.magnitude
        if rounded < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(Int64(magnitude / UInt64(unit)))
        guard decimals > 0 else { return }
        buffer.append(UInt8(ascii: "."))
        appendPadded(Int(magnitude % UInt64(unit)), decimals)
    }

    package mutating func endRow() {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDigits(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var start = 20
        // Written from the end of the scratch space back, then appended in one piece (not a
        // byte at a time: each append of an array checks its uniqueness and capacity).
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }

    /// `value` (not negative) in at least `width` digits, zeros in front.
    private mutating func appendPadded(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        if value >= divisor * 10 || value < 0 { return appendDigits(Int64(value)) }
        var digits: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var rest = value, count = 0
            while divisor > 0 && count < 16 {
                raw[count] = UInt8(ascii: "0") + UInt8(rest / divisor)
                rest %= divisor
                divisor /= 10
                count += 1
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[..<count]))
        }
    }

    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") ||
            byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }

    private static func appendField(_ text: String, guardPrefix: Bool, to buffer: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            appendField(bytes, guardPrefix: guardPrefix, to: &buffer)
        }
        if done == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendField($0, guardPrefix: guardPrefix, to: &buffer) }
        }
    }

    /// Scans once for the characters that force quoting, then copies in bulk.
    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, guardPrefix: Bool,
                                    to buffer: inout [UInt8]) {
        var needsQuotes = false
        var hasQuote = false
        for byte in bytes where byte <= UInt8(ascii: ",") {
            if byte == UInt8(ascii: "\"") { hasQuote = true; needsQuotes = true }
            if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { needsQuotes = true }
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        if guardPrefix { buffer.append(UInt8(ascii: "'")) }
        if hasQuote {
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
        } else {
            buffer.append(contentsOf: bytes)
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
    }
}
