import Analytics
import Charts
import LedgerModel

/// A CSV export being built: UTF-8 with BOM, LF line ends, RFC 4180 quoting, header always.
///
/// Cells are written straight into one `ByteBuffer` (no per-cell `String` for numbers and dates,
/// and no copy-on-write check per append as an array makes), because `customers.csv` has a
/// million rows of 27 cells. Non-copyable, as its buffer is.
package struct CSVTable: ~Copyable {
    private var buffer: ByteBuffer
    private var atRowStart = true

    /// Starts a table with its header row (written even when no row follows).
    package init(header: [String], reservingRows rows: Int = 0) {
        self.init(header: header, reservingBytes: 64 + rows * header.count * 8)
    }

    /// Starts a table with its header row, with room for `bytes` bytes.
    package init(header: [String], reservingBytes bytes: Int) {
        buffer = ByteBuffer(capacity: bytes)
        buffer.append(UnsafeRawBufferPointer(start: CSVTable.byteOrderMark.utf8Start, count: 3))
        append(header.map { CSVCell.value($0) })
    }

    /// Rows only, no BOM or header: a part of a table built on another thread, to be
    /// ``append(rowsOf:)``ed to the table in order.
    package init(rowsReserving bytes: Int) {
        buffer = ByteBuffer(capacity: bytes)
    }

    private static let byteOrderMark: StaticString = "\u{FEFF}"

    /// The file's bytes, copied (small exports and tests; ``withBytes(_:)`` copies nothing).
    package var bytes: [UInt8] { buffer.bytes }

    /// The file's bytes, valid only inside `body`.
    package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withBytes(body)
    }

    /// Appends the rows of a part made with ``init(rowsReserving:)``.
    package mutating func append(rowsOf part: borrowing CSVTable) {
        precondition(atRowStart, "append whole rows")
        part.buffer.withBytes { buffer.append($0) }
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
        CSVTable.appendField(s, guarded: true, to: &buffer)
    }

    /// ``text(_:)`` of text given as UTF-8.
    package mutating func text(utf8 bytes: [UInt8]) {
        separate()
        bytes.withUnsafeBufferPointer { CSVTable.appendField($0, guarded: true, to: &buffer) }
    }

    /// A computed value or code, written as is (quoted only if it must be).
    package mutating func value(_ s: String?) {
        guard let s else { return empty() }
        separate()
        CSVTable.appendField(s, guarded: false, to: &buffer)
    }

    package mutating func empty() { separate() }

    package mutating func integer<T: BinaryInteger>(_ v: T?) {
        guard let v else { return empty() }
        separate()
        buffer.append(decimal: Int(Int64(v)))
    }

    /// Money rounded half away from zero to 2 decimals: `-1234.50`.
    package mutating func money(_ m: Money?) {
        guard let m else { return empty() }
        separate()
        ByteFormatter.append(plainMoney: m, to: &buffer)
    }

    /// `YYYY-MM-DD`.
    package mutating func day(_ d: Day?) {
        guard let d else { return empty() }
        separate()
        let c = d.components
        // Padded to four digits; a negative year is written as `String(year)` writes it.
        if c.year < 0 { buffer.append(decimal: c.year) } else { buffer.append(digits: UInt(c.year), width: 4) }
        // `-MM-DD` in one append: `customers.csv` has four dates a row.
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let bytes = (dash, zero + UInt8(c.month / 10), zero + UInt8(c.month % 10), dash, zero + UInt8(c.day / 10), zero + UInt8(c.day % 10))
        withUnsafeBytes(of: bytes) { buffer.append($0) }
    }

    /// An exact ratio rounded half away from zero to `decimals` places, as
    /// `Ratio.formatted(decimals:)` writes it (`-0.50`, `12`), without a `String` when the
    /// rounded value fits 64 bits.
    package mutating func ratio(_ r: Ratio?, decimals: Int) {
        guard let r else { return empty() }
        guard decimals <= 6, let rounded = Int64(exactly: r.scaled(decimals: decimals)), rounded != .min else {
            return value(r.formatted(decimals: decimals))
        }
        var unit: UInt64 = 1
        for _ in 0..<decimals { unit *= 10 }
        separate()
        let magnitude = rounded.magnitude
        if rounded < 0 { buffer.append(UInt8(ascii: "-")) }
        buffer.append(digits: UInt(magnitude / unit))
        guard decimals > 0 else { return }
        buffer.append(UInt8(ascii: "."))
        buffer.append(digits: UInt(magnitude % unit), width: decimals)
    }

    package mutating func endRow() {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(UInt8(ascii: ",")) }
    }

    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") ||
            byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }

    /// A field with the injection guard when `guarded` and its first byte starts a formula.
    private static func appendField(_ text: String, guarded: Bool, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { appendField($0, guarded: guarded, to: &buffer) }
    }

    /// Scans once for the characters that force quoting, then copies in bulk.
    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool,
                                    to buffer: inout ByteBuffer) {
        var needsQuotes = false
        var hasQuote = false
        for byte in bytes where byte <= UInt8(ascii: ",") {
            if byte == UInt8(ascii: "\"") { hasQuote = true; needsQuotes = true }
            if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { needsQuotes = true }
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        if guarded, let first = bytes.first, isFormulaStart(first) { buffer.append(UInt8(ascii: "'")) }
        if hasQuote {
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
                // Each quote doubled: the run up to and with it, then the quote again.
                buffer.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...index]))
                buffer.append(byte)
                start = index + 1
            }
            buffer.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        } else {
            buffer.append(UnsafeRawBufferPointer(bytes))
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
    }
}
