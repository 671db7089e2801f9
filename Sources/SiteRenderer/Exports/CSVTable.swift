/// A CSV export being built: UTF-8 with BOM, LF line ends, RFC 4180 quoting, header always.
package struct CSVTable: Sendable {
    private var buffer: [UInt8]
    package let columns: Int

    /// Starts a table with its header row (written even when no row follows).
    package init(header: [String]) {
        buffer = [0xEF, 0xBB, 0xBF]
        columns = header.count
        append(header.map { CSVCell.value($0) })
    }

    /// Appends one row; cells are quoted when they hold a comma, a quote, CR or LF.
    package mutating func append(_ row: [CSVCell]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            CSVTable.appendField(cell.content, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The file's bytes.
    package var bytes: [UInt8] { buffer }

    private static func appendField(_ text: String, to buffer: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") ||
            $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
