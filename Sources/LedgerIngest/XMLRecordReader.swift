import CLibXML2
import LedgerModel

/// Records from an XML file, streamed with libxml2's xmlTextReader (constant memory), with
/// network access, external entities and DTD loading off.
///
/// Constant memory: the reader walks the document node by node and libxml2 frees each subtree
/// once the cursor has left it; nothing calls `xmlTextReaderExpand`, `ReadString` or `Preserve`,
/// so memory holds one record's fields plus the header map whatever the file's size (a 55 MB,
/// 300,000-record file leaves peak RSS unchanged). libxml2's own limits (no `XML_PARSE_HUGE`) cap
/// a text node at 10 MB and nesting at 256 levels.
///
/// Security: the options are `XML_PARSE_NONET` (no http/ftp fetch of anything, DTDs included),
/// `XML_PARSE_NOCDATA` and `XML_PARSE_BIG_LINES`; never `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR`,
/// `DTDVALID`, `XINCLUDE` or `HUGE`. So an external DTD is never read (its default attributes and
/// entities never appear), external entities are never loaded and no entity is substituted.
/// A reference to a declared entity (`&name;`, in text or in an attribute value) is an
/// `IngestError` "entity references are not allowed" with the line of its element: an XXE file
/// stops the build rather than yielding a value with a hole in it. A billion-laughs bomb is
/// stopped by libxml2's amplification check while the DTD is parsed ("Detected an entity
/// reference loop", thrown as malformed XML) or else by the same refusal. The five predefined
/// entities (`&amp;` …) and character references (`&#x4E2D;`) are ordinary text. Errors go to a
/// structured handler, never to stderr: the reader's own for the parser's errors, and the
/// calling thread's, set around every call into libxml2, for those raised without a parser
/// (bytes invalid in the declared encoding); see `ErrorSink.capturing`.
///
/// Shapes: each child element of the root is a record (generic, and Access/Excel `dataroot`
/// exports). When the root is `response` and its first child `result`, `nodata` or `error` (Zoho
/// CRM API), each `row` element is a record, and an `<error><message>` is thrown. `recordPath`
/// overrides detection. A record's fields are its attributes (not namespace declarations), then
/// its leaf elements' text in document order, named by the leaf's own name whatever the nesting
/// (`<contact><phone>` gives `phone`); a nested element's attributes come before its text, as the
/// record's do. `<FL val="Name">` (Zoho) is a field named by `val` under any root, and a record
/// holding such fields leaves out its own attributes (`no="1"`). If a name repeats within a
/// record, the first wins. A file may name at most `maximumFieldNames` distinct fields.
package final class XMLRecordReader: RecordReader {
    package private(set) var headers: [String] = []

    /// The file as named in the data folder, for error messages.
    let file: String
    /// Owned xmlTextReader; freed in `deinit`.
    let reader: OpaquePointer
    /// Owns the first parser error; `reader` holds an unretained pointer to it.
    let errors: ErrorSink
    /// The bytes of a reader made by `init(input:file:)`, which `reader` reads through an
    /// unretained pointer.
    private let input: XMLInput?
    /// The value of a field a record lacks before its last known one: "" (`RawRecord`), or NUL
    /// (which XML text cannot hold) for a part whose columns `XMLColumnMerge` moves.
    var absent = ""
    /// `recordPath` split on `/`, or nil to detect the shape.
    let recordPath: [String]?
    var shape: Shape = .generic
    /// Element names from the root down to the cursor, outside records.
    var openElements: [String] = []
    /// `root/first child`, shown when `recordPath` matches nothing.
    var firstChildPath: String?
    var headerIndex: [String: Int] = [:]
    /// What reading records keeps between them (see `RecordState`).
    var recordState = RecordState()
    var recordCount = 0
    var state: State = .reading

    /// Opens the file; parsing starts with the first `next()`.
    ///
    /// `path` is where to read, `file` how messages name it. `recordPath`: slash-separated element
    /// names from the root to the repeated record element (`dataroot/Customers`; the root may be
    /// left out, `Customers`); nil detects the shape.
    package init(path: String, file: String, recordPath: String?) throws {
        self.file = file
        if let recordPath {
            let parts = recordPath.split(separator: "/").map(Self.trimmed)
                .filter { !$0.isEmpty }
            guard !parts.isEmpty else {
                throw IngestError(
                    file: file, problem: "record_path \"\(recordPath)\" names no element.",
                    hint: "Set record_path to element names from the root to the record, like dataroot/Customers.")
            }
            self.recordPath = parts
        } else {
            self.recordPath = nil
        }
        try Self.checkReadable(path: path, file: file)
        _ = Self.initializeLibXML
        let errors = ErrorSink()
        let opened = errors.capturing { xmlReaderForFile(path, nil, Self.parserOptions) }
        guard let reader = opened else {
            throw IngestError(
                file: file, problem: "cannot be opened as XML.",
                hint: "Check that the file exists and is readable.")
        }
        self.reader = reader
        self.errors = errors
        input = nil
        xmlTextReaderSetStructuredErrorHandler(
            reader, xmlRecordReaderErrorHandler, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// Reads `input` (parts of a file, see `XMLSplit`) as a document of records, of the shape a
    /// generic file has: each child element of the root is a record. `file` names it in messages.
    init(input: XMLInput, file: String) {
        self.file = file
        recordPath = nil
        _ = Self.initializeLibXML
        let errors = ErrorSink()
        let context = Unmanaged.passUnretained(input).toOpaque()
        // libxml2 allocates a reader whenever memory can be had; there is no file to fail on.
        reader = errors.capturing { xmlReaderForIO(xmlInputRead, nil, context, nil, nil, Self.parserOptions) }!
        self.errors = errors
        self.input = input
        xmlTextReaderSetStructuredErrorHandler(
            reader, xmlRecordReaderErrorHandler, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        errors.capturing { xmlFreeTextReader(reader) }
    }

    package func next() throws -> RawRecord? {
        switch state {
        case .finished: return nil
        case .failed(let error): throw error
        case .reading: break
        }
        return try errors.capturing(readRecord)
    }

    /// `next()` with libxml2's thread-wide error handlers pointing at `errors`.
    private func readRecord() throws -> RawRecord? {
        do {
            while try advance() {
                switch nodeType {
                case XML_READER_TYPE_ELEMENT:
                    let name = currentName()
                    if openElements.isEmpty {
                        shape = recordPath.map { .path($0) } ?? .generic
                    } else if openElements.count == 1, firstChildPath == nil {
                        firstChildPath = "\(openElements[0])/\(name)"
                        if case .generic = shape, openElements[0] == "response", Self.zohoSections.contains(name) {
                            shape = .zoho
                        }
                    }
                    if case .zoho = shape, openElements.count == 1, name == "error" {
                        throw zohoError(fields: try withState { try readFields(recordName: name, &$0) })
                    }
                    if isRecord(name) {
                        let values = try withState { state in
                            let fields = try readFields(recordName: name, &state)
                            recordCount += 1
                            return try align(fields, &state)
                        }
                        return RawRecord(line: recordCount, values: values)
                    }
                    if xmlTextReaderIsEmptyElement(reader) != 1 { openElements.append(name) }
                case XML_READER_TYPE_END_ELEMENT:
                    openElements.removeLast()
                case XML_READER_TYPE_ENTITY_REFERENCE:
                    throw entityError(line: nodeLine)
                default:
                    continue
                }
            }
            state = .finished
            if let recordPath, recordCount == 0, let firstChildPath {
                throw IngestError(
                    file: file,
                    problem: "record_path \"\(recordPath.joined(separator: "/"))\" matches no element.",
                    hint: "Set record_path to the path from the root to the repeated record element; this file's records may be \(firstChildPath).")
            }
            return nil
        } catch let error as IngestError {
            state = .failed(error)
            throw error
        }
    }

    /// Where `next()` stands; a failure is kept so later calls rethrow it instead of reading on.
    enum State {
        case reading
        case finished
        case failed(IngestError)
    }

    /// How record elements are recognised, fixed when the root element is read.
    enum Shape {
        /// Each child element of the root.
        case generic
        /// Zoho CRM API: each `row` element below the root, decided at the root's first child.
        case zoho
        /// Elements whose path from the root (root optional) equals these names.
        case path([String])
    }

    /// Whether an element named `name` at the cursor (its ancestors in `openElements`) is a record.
    func isRecord(_ name: String) -> Bool {
        switch shape {
        case .generic:
            return openElements.count == 1
        case .zoho:
            return name == "row" && !openElements.isEmpty
        case .path(let names):
            guard names.last == name, let root = openElements.first else { return false }
            if names.first == root, names.count == openElements.count + 1 {
                return names.dropLast().elementsEqual(openElements)
            }
            return names.count == openElements.count && names.dropLast().elementsEqual(openElements.dropFirst())
        }
    }

    /// Values aligned with `headers`, which grows by the names this record introduces, up to
    /// `maximumFieldNames`.
    ///
    /// - Complexity: O(fields) with one dictionary lookup each; absent fields before the record's
    ///   last known column are "". The ledger's work per record grows with `headers.count`
    ///   (every header is mapped again when it grows, every customer keeps a slot per unknown
    ///   column), so the cap is what keeps a file whose records each bring new names linear.
    func align(_ fields: [Field], _ state: inout RecordState) throws -> [String] {
        var values: [String] = []
        values.reserveCapacity(headers.count)
        let stamp = recordCount
        let absent = absent
        for field in fields {
            // By the name's slot: hashing a Chinese name's `String` normalizes it first.
            var index = field.slot >= 0 ? state.names.names[field.slot].header ?? -1 : -1
            if index < 0 {
                if let known = headerIndex[field.name] {
                    index = known
                } else {
                    guard headers.count < Self.maximumFieldNames else { throw tooManyFieldNames(adding: field.name) }
                    index = headers.count
                    headers.append(field.name)
                    headerIndex[field.name] = index
                    state.lastSeen.append(0)
                }
                if field.slot >= 0 { state.names.names[field.slot].header = index }
            }
            // The first of a repeated name wins.
            guard state.lastSeen[index] != stamp else { continue }
            state.lastSeen[index] = stamp
            while values.count <= index { values.append(absent) }
            values[index] = field.value
        }
        return values
    }

    /// Distinct field names one file may have: beyond any real export (Access allows 255 fields
    /// a table; wide CRM exports have a few hundred columns), low enough that a file whose every
    /// record brings new names fails in well under a second instead of running quadratically.
    package static let maximumFieldNames = 1_000

    /// The children of a Zoho CRM API `<response>`: records, "no data" or an error.
    static let zohoSections: Set<String> = ["result", "nodata", "error"]

    /// Parser options: see the type's comment for what is left out and why.
    static let parserOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Runs `xmlInitParser` once per process; libxml2 wants it called before concurrent use.
    static let initializeLibXML: Void = xmlInitParser()
}
