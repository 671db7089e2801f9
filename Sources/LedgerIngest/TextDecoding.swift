import LedgerModel

/// The encoding a file was found to be in.
package enum SourceEncoding: String, Sendable {
    case utf8, utf8BOM = "utf8-bom", gb18030
}

/// Turns a file's bytes into UTF-8: UTF-8 with or without BOM, else GB18030/GBK.
package enum TextDecoding {
    /// Returns UTF-8 bytes without a BOM. Throws `IngestError` naming `file` for a binary file
    /// (NUL bytes, ZIP/XLSX, PNG, PDF, …) or bytes that are neither UTF-8 nor GB18030.
    package static func decode(_ bytes: [UInt8], file: String) throws -> (utf8: [UInt8], encoding: SourceEncoding) {
        fatalError("TODO(helper): TextDecoding.decode")
    }
}
