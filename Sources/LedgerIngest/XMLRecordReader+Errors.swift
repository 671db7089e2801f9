import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension XMLRecordReader {
    /// The first serious error libxml2 reported for one reader.
    ///
    /// A class so the C callback can reach it through an unretained pointer; installing the
    /// handler also keeps libxml2 from printing the error on stderr.
    final class ErrorSink {
        var message: String?
        var line: Int?
        var code: Int32 = 0
        var level: xmlErrorLevel = XML_ERR_NONE

        /// Keeps the first error of the highest level seen; warnings are ignored.
        func record(_ error: xmlError) {
            guard error.level.rawValue >= XML_ERR_ERROR.rawValue, error.level.rawValue > level.rawValue else { return }
            level = error.level
            code = error.code
            let text = error.message.map { String(cString: $0) } ?? "unknown XML error"
            message = text.split(whereSeparator: \.isNewline).map(XMLRecordReader.trimmed).joined(separator: " ")
            line = error.line > 0 ? Int(error.line) : nil
        }
    }

    /// `text` without leading or trailing whitespace; Foundation's trimming is out of reach, as
    /// Foundation and CLibXML2 cannot be imported into one file (both bring ICU's headers).
    static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// An `IngestError` for a failed `xmlTextReaderRead`, with libxml2's message and line.
    func parseError() -> IngestError {
        let message = errors.message ?? "the XML is malformed"
        let line = errors.line ?? parserLine
        if message.hasPrefix("Start tag expected") || message.hasPrefix("Document is empty") {
            return IngestError(
                file: file, line: line, problem: "is not XML: no root element (\(message)).",
                hint: "Check that it is the right export; a CSV file should be named .csv.")
        }
        let hint: String
        if message.lowercased().contains("encoding") {
            hint = "Declare the encoding in the first line, e.g. <?xml version=\"1.0\" encoding=\"GB18030\"?>, or save the file as UTF-8."
        } else if errors.code == Int32(XML_ERR_DOCUMENT_END.rawValue) {
            hint = "The file may be cut short or have text after its root element ends; export the table again."
        } else if message.lowercased().contains("entit") {
            hint = "Entities are not allowed in ledger files; export the table again without a DOCTYPE."
        } else {
            hint = "Fix the XML at that line or export the table again."
        }
        return IngestError(file: file, line: line, problem: "malformed XML: \(message).", hint: hint)
    }

    /// The refusal of an `&name;` reference, which could otherwise pull in a local file or explode.
    func entityError(line: Int?) -> IngestError {
        let name = currentName()
        return IngestError(
            file: file, line: line,
            problem: "entity references are not allowed (&\(name);).",
            hint: "Replace the reference with its text or export the table again without a DOCTYPE.")
    }

    /// A Zoho CRM error response (`<response><error><message>`) saved instead of records.
    func zohoError(fields: [(name: String, value: String)]) -> IngestError {
        let message = fields.first { $0.name == "message" }?.value ?? "no message"
        return IngestError(
            file: file, line: nodeLine,
            problem: "is a Zoho CRM error response, not records: \(message).",
            hint: "The API call that produced this file failed; export the records again.")
    }

    /// Refuses a missing, unreadable, empty or ZIP (XLSX) file before libxml2 sees it, with a
    /// message that says which.
    static func checkReadable(path: String, file: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IngestError(file: file, problem: "file not found.", hint: "Check the table's file name in portrait.yml and the data folder.")
        }
        let descriptor = (info.st_mode & S_IFMT) == S_IFDIR ? -1 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError(file: file, problem: "cannot be read.", hint: "Check that it is a file and that you may read it.")
        }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 4)
        let count = read(descriptor, &head, head.count)
        if count <= 0 {
            throw IngestError(file: file, problem: "is empty, not XML.", hint: "Export the table again.")
        }
        if count == 4, head == [0x50, 0x4B, 0x03, 0x04] {
            throw IngestError(
                file: file, line: 1, problem: "is a ZIP archive (an XLSX workbook?), not XML.",
                hint: "Save the sheet as CSV or XML, or name it .xlsx.")
        }
    }
}

/// libxml2's structured error callback: hands the error to the reader's `ErrorSink`.
func xmlRecordReaderErrorHandler(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<XMLRecordReader.ErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}
