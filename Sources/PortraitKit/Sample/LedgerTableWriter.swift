import Glibc

/// Streams the records of one table to disk as CSV or generic XML through a 1 MB buffer.
///
/// Cells are appended as bytes, so a million-row table never exists as Swift strings; the
/// writer tracks where the next record starts (CSV physical line, embedded newlines counted, or
/// XML record number) because the manifest must name it. Flushes happen only between records,
/// so an iconv chunk never splits a character.
final class LedgerTableWriter {
    /// Line (CSV) or record number (XML) at which the next record starts.
    private(set) var nextLine: Int
    /// Data records written so far.
    private(set) var records = 0

    private let format: SampleFormat
    private let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private let transcoder: IconvTranscoder?
    private let elementNames: [[UInt8]]
    private let recordOpen: [UInt8]
    private let recordClose: [UInt8]
    private let rootClose: [UInt8]
    private var column = 0
    /// Newlines inside quoted cells of the record being written.
    private var embeddedNewlines = 0
    private static let flushThreshold = 1 << 20

    init(path: String, headers: [String], root: String, record: String,
         format: SampleFormat, encoding: SampleEncoding) throws {
        guard let handle = fopen(path, "wb") else {
            throw SampleError.cannotWrite(path: path, errno: errno)
        }
        self.file = handle
        self.path = path
        self.format = format
        self.transcoder = encoding == .gb18030 ? try IconvTranscoder(from: "UTF-8", to: "GB18030") : nil
        self.elementNames = headers.map { Array($0.utf8) }
        self.recordOpen = Array("  <\(record)>\n".utf8)
        self.recordClose = Array("  </\(record)>\n".utf8)
        self.rootClose = Array("</\(root)>\n".utf8)
        buffer.reserveCapacity(LedgerTableWriter.flushThreshold + 65_536)
        switch format {
        case .csv:
            for (index, header) in headers.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: header.utf8)
            }
            buffer.append(UInt8(ascii: "\n"))
            nextLine = 2
        case .xml:
            buffer.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)>\n".utf8)
            nextLine = 1
        }
    }

    deinit { fclose(file) }

    // MARK: Cells

    /// A text cell; CSV quotes it when it holds a comma, quote or newline.
    func cell(_ text: String) {
        var text = text
        text.withUTF8 { cell(bytes: $0) }
    }

    func cell(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { cell(bytes: $0) }
    }

    /// A cell made of several fragments, written as one value.
    func cell(parts: [[UInt8]]) {
        var joined: [UInt8] = []
        for part in parts { joined.append(contentsOf: part) }
        cell(joined)
    }

    func empty() {
        openCell()
        closeCell()
    }

    /// `prefix` followed by `number` zero-padded to `width` digits (ids).
    func cell(prefix: [UInt8], number: Int, width: Int) {
        openCell()
        buffer.append(contentsOf: prefix)
        appendPadded(number, width: width)
        closeCell()
    }

    /// A plain decimal integer.
    func cell(int value: Int) {
        openCell()
        appendInt(value)
        closeCell()
    }

    /// Cents as `1234.50`; negative as `-1234.50`.
    func cell(cents: Int64) {
        openCell()
        var value = cents
        if value < 0 { buffer.append(UInt8(ascii: "-")); value = -value }
        appendInt(Int(value / 100))
        buffer.append(UInt8(ascii: "."))
        appendPadded(Int(value % 100), width: 2)
        closeCell()
    }

    private func cell(bytes: UnsafeBufferPointer<UInt8>) {
        openCell()
        if bytes.isEmpty { closeCell(); return }
        switch format {
        case .csv:
            var needsQuotes = false
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                if byte == 0x0A { embeddedNewlines += 1 }
            }
            if needsQuotes {
                buffer.append(0x22)
                for byte in bytes {
                    buffer.append(byte)
                    if byte == 0x22 { buffer.append(0x22) }
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: bytes)
            }
        case .xml:
            for byte in bytes {
                switch byte {
                case 0x26: buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])            // &amp;
                case 0x3C: buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                  // &lt;
                case 0x3E: buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                  // &gt;
                default: buffer.append(byte)
                }
            }
        }
        closeCell()
    }

    private func openCell() {
        switch format {
        case .csv:
            if column > 0 { buffer.append(UInt8(ascii: ",")) }
        case .xml:
            if column == 0 { buffer.append(contentsOf: recordOpen) }
            buffer.append(contentsOf: [0x20, 0x20, 0x20, 0x20, 0x3C])
            buffer.append(contentsOf: elementNames[column])
            buffer.append(0x3E)
        }
    }

    private func closeCell() {
        if format == .xml {
            buffer.append(contentsOf: [0x3C, 0x2F])                                           // </
            buffer.append(contentsOf: elementNames[column])
            buffer.append(contentsOf: [0x3E, 0x0A])                                           // >\n
        }
        column += 1
    }

    // MARK: Records

    /// Ends the record and returns the line (or record number) where it started.
    @discardableResult
    func endRecord() throws -> Int {
        let start = nextLine
        switch format {
        case .csv:
            buffer.append(UInt8(ascii: "\n"))
            nextLine += 1 + embeddedNewlines
        case .xml:
            buffer.append(contentsOf: recordClose)
            nextLine += 1
        }
        embeddedNewlines = 0
        column = 0
        records += 1
        if buffer.count >= LedgerTableWriter.flushThreshold { try flush() }
        return start
    }

    func finish() throws {
        if format == .xml { buffer.append(contentsOf: rootClose) }
        try flush()
        if fflush(file) != 0 { throw SampleError.cannotWrite(path: path, errno: errno) }
    }

    private func flush() throws {
        if buffer.isEmpty { return }
        let bytes = try transcoder?.convert(buffer) ?? buffer
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { throw SampleError.cannotWrite(path: path, errno: errno) }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Digits

    private func appendInt(_ value: Int) {
        if value < 0 { buffer.append(UInt8(ascii: "-")); appendInt(-value); return }
        if value >= 10 { appendInt(value / 10) }
        buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private func appendPadded(_ value: Int, width: Int) {
        var digits = 1, probe = value
        while probe >= 10 { probe /= 10; digits += 1 }
        for _ in digits..<max(width, digits) { buffer.append(UInt8(ascii: "0")) }
        appendInt(value)
    }
}
