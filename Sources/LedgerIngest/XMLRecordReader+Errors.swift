import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension XMLRecordReader {
    /// The first serious error libxml2 reported for one reader.
    ///
    /// A class so the C callback can reach it through an unretained pointer. It receives the
    /// parser's errors through the reader's own handler, and, while `capturing` runs, the
    /// errors libxml2 raises without a parser (a failed input conversion), which would
    /// otherwise be printed on stderr.
    final class ErrorSink {
        var message: String?
        var line: Int?
        var code: Int32 = 0
        var domain: Int32 = 0
        var level: xmlErrorLevel = XML_ERR_NONE

        /// Keeps the first error of the highest level seen; warnings are ignored.
        func record(_ error: xmlError) {
            guard error.level.rawValue >= XML_ERR_ERROR.rawValue, error.level.rawValue > level.rawValue else { return }
            level = error.level
            code = error.code
            domain = error.domain
            let text = error.message.map { String(cString: $0) } ?? "unknown XML error"
            message = text.split(whereSeparator: \.isNewline).map(XMLRecordReader.trimmed).joined(separator: " ")
            line = error.line > 0 ? Int(error.line) : nil
        }

        /// Runs `body` (calls into libxml2) with the calling thread's libxml2 error handlers
        /// pointing here and its generic channel silenced, then puts the previous ones back.
        ///
        /// libxml2 keeps these handlers per thread, and tables are read on several threads at
        /// once, so they are set around each call on the thread making it rather than once per
        /// process: an error always reaches the sink of the reader that caused it. Costs four
        /// thread-local stores per record.
        func capturing<Result>(_ body: () throws -> Result) rethrows -> Result {
            let saved = portrait_xml_capture_errors(Unmanaged.passUnretained(self).toOpaque(), xmlRecordReaderErrorHandler)
            defer { portrait_xml_restore_errors(saved) }
            return try body()
        }

        /// Whether the error is an input conversion failure: bytes invalid in the declared
        /// encoding (libxml2 reports it without a line).
        var isConversionFailure: Bool {
            domain == Int32(XML_FROM_I18N.rawValue) || code == Int32(XML_IO_ENCODER.rawValue)
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
        if errors.isConversionFailure {
            let declared = xmlTextReaderConstEncoding(reader).map { String(cString: $0) } ?? "declared"
            let bytes = message.range(of: "bytes ").map { " (" + message[$0.lowerBound...] + ")" } ?? ""
            return IngestError(
                file: file, line: line, problem: "is not valid \(declared) text, the encoding its first line declares\(bytes).",
                hint: "Declare the encoding the file is really saved in (GB18030 also covers GB2312 and GBK), e.g. <?xml version=\"1.0\" encoding=\"GB18030\"?>, or save the file as UTF-8.")
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

    /// The refusal of a field name beyond `maximumFieldNames`, raised at the record adding it.
    func tooManyFieldNames(adding name: String) -> IngestError {
        let shown = name.count > 60 ? String(name.prefix(60)) + "…" : name
        return IngestError(
            file: file, line: nodeLine,
            problem: "has more than \(Self.maximumFieldNames) distinct field names (record \(recordCount) adds \"\(shown)\"); a table has at most a few hundred columns.",
            hint: "Check that record_path in portrait.yml names the repeated record element, or export the table with fewer columns.")
    }

    /// A Zoho CRM error response (`<response><error><message>`) saved instead of records.
    func zohoError(fields: [Field]) -> IngestError {
        let message = fields.first { $0.name == "message" }?.value ?? "no message"
        return IngestError(
            file: file, line: nodeLine,
            problem: "is a Zoho CRM error response, not records: \(message).",
            hint: "The API call that produced this file failed; export the records again.")
    }

    /// Refuses a missing, unreadable, empty, not regular (a folder, a pipe) or ZIP (XLSX) file
    /// before libxml2 sees it, with a message that says which.
    static func checkReadable(path: String, file: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IngestError(file: file, problem: "file not found.", hint: "Check the table's file name in portrait.yml and the data folder.")
        }
        // A folder, pipe or device: opening a pipe would wait for a writer for ever.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(file: file, problem: "is not a regular file.", hint: "Point the table at an XML file.")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
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
