import LedgerModel

extension TextDecoding {
    /// The error for a file recognised by its first bytes as something other than text, or nil.
    ///
    /// Users drop the workbook itself (`.xlsx`, `.xls`), a screenshot or a zipped export into the
    /// data folder; naming the format tells them what to do, where "invalid UTF-8" would not.
    static func binaryFileError(_ bytes: [UInt8], file: String) -> IngestError? {
        func starts(with magic: [UInt8]) -> Bool {
            bytes.count >= magic.count && bytes[0..<magic.count].elementsEqual(magic)
        }
        let exportHint = "Export the sheet as CSV (UTF-8) or XML and put that file in the data folder."
        let (problem, hint): (String, String)
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            (problem, hint) = ("the file looks like a ZIP or XLSX file, not CSV or XML text.", exportHint)
        } else if starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            (problem, hint) = ("the file looks like an old Excel (.xls) or other Office binary file, not CSV or XML text.", exportHint)
        } else if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            (problem, hint) = ("the file is a PNG image, not CSV or XML text.", "Replace it with the CSV or XML export of the table.")
        } else if starts(with: Array("%PDF-".utf8)) {
            (problem, hint) = ("the file is a PDF document, not CSV or XML text.", "Replace it with the CSV or XML export of the table.")
        } else if starts(with: [0x1F, 0x8B]) {
            (problem, hint) = ("the file is GZIP-compressed, not CSV or XML text.", "Decompress it (gunzip) and put the file inside in the data folder.")
        } else if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) {
            (problem, hint) = ("the file is UTF-16 text (it starts with a UTF-16 byte order mark); UTF-16 is not supported.", "Re-save it as UTF-8 (in Excel: Save As > CSV UTF-8).")
        } else {
            return nil
        }
        return IngestError(file: file, line: nil, problem: problem, hint: hint)
    }
}
