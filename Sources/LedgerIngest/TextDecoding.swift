import Foundation
import LedgerModel

/// The encoding a file was found to be in.
package enum SourceEncoding: String, Sendable {
    case utf8, utf8BOM = "utf8-bom", gb18030
}

/// Turns a file's bytes into UTF-8: UTF-8 with or without BOM, else GB18030/GBK.
///
/// Works on the byte array alone and never builds a `String` of the file, so a 1 GB ledger costs
/// one NUL scan (`memchr`), one UTF-8 validation pass with an 8-bytes-at-a-time ASCII fast path,
/// and, only for GB18030 files, one bulk `iconv` call into a new buffer.
package enum TextDecoding {
    /// Returns UTF-8 bytes without a BOM. Throws `IngestError` naming `file` for a binary file
    /// (NUL bytes, ZIP/XLSX, PNG, PDF, …) or bytes that are neither UTF-8 nor GB18030.
    ///
    /// The order of checks matters: magic numbers and UTF-16 BOMs first (their NUL bytes would
    /// otherwise give a less helpful "NUL byte" message), then NUL bytes anywhere, then UTF-8.
    /// A file with a UTF-8 BOM must be valid UTF-8; it is never reinterpreted as GB18030.
    /// - Complexity: O(n); the valid UTF-8 case returns the input storage without copying when
    ///   there is no BOM.
    package static func decode(_ bytes: [UInt8], file: String) throws -> (utf8: [UInt8], encoding: SourceEncoding) {
        if bytes.isEmpty { return ([], .utf8) }
        if let error = binaryFileError(bytes, file: file) { throw error }
        if let nul = firstNUL(in: bytes) { throw bytes.withUnsafeBufferPointer { nulError(at: nul, in: $0, file: file) } }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let start = hasBOM ? 3 : 0
        guard let bad = firstInvalidUTF8(in: bytes, from: start) else {
            return hasBOM ? (Array(bytes[3...]), .utf8BOM) : (bytes, .utf8)
        }
        if hasBOM {
            throw IngestError(
                file: file, line: lineNumber(at: bad, in: bytes),
                problem: "the file starts with a UTF-8 byte order mark but contains bytes that are not valid UTF-8.",
                hint: "Save the file as UTF-8 (or as GB18030 without a byte order mark)."
            )
        }
        return (try convertGB18030(bytes, file: file), .gb18030)
    }

    static func nulError(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> IngestError {
        IngestError(
            file: file, line: lineNumber(at: offset, in: bytes),
            problem: "the file contains a NUL byte, so it is binary data or UTF-16 text, not a CSV or XML export.",
            hint: "Export the table again as CSV or XML saved as UTF-8."
        )
    }

    /// Whether a file's bytes are UTF-8 that `decode` would return unchanged: no BOM, no NUL,
    /// no binary signature, valid UTF-8. Such a file can be read in place (`FileMapping`);
    /// anything else goes through `decode` for its error or its conversion.
    /// - Complexity: O(n), no allocation.
    static func isPlainUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
        if binaryFileError(Array(buffer.prefix(16)), file: "") != nil { return false }
        if memchr(base, 0, buffer.count) != nil { return false }
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return false }
        return firstInvalidUTF8(in: buffer) == nil
    }

    /// The 1-based physical line holding byte `offset`, counting LF, CRLF and a lone CR as line
    /// ends, as `CSVReader` does.
    ///
    /// Only called to word an error, so a plain loop over the prefix is fine.
    /// - Complexity: O(offset).
    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { lineNumber(at: offset, in: $0) }
    }

    static func lineNumber(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                // CRLF is one line end, counted at its LF.
                if index + 1 >= bytes.count || bytes[index + 1] != 0x0A { line += 1 }
            }
            index += 1
        }
        return line
    }
}
