import LedgerModel

/// Records from an XML file, streamed with libxml2's xmlTextReader (constant memory), with
/// network access, external entities and DTD loading off.
package final class XMLRecordReader: RecordReader {
    package private(set) var headers: [String] = []

    /// `recordPath`: slash-separated element names from the root to the repeated record
    /// element (`dataroot/Customers`); nil detects the shape.
    package init(path: String, file: String, recordPath: String?) throws {
        fatalError("TODO(helper): XMLRecordReader.init")
    }

    package func next() throws -> RawRecord? {
        fatalError("TODO(helper): XMLRecordReader.next")
    }
}
