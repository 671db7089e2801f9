import LedgerIngest

/// Writes `data` to a temp file and reads every record with `XMLRecordReader`.
///
/// Shape detection runs on every input. An input whose first line is
/// `<!-- record_path: a/b -->` is read a second time with that `record_path`, so the path shape
/// is fuzzed too without a config file.
package func fuzzXML(_ data: [UInt8]) {
    let folder = ScratchFolder()
    let path = folder.write("fuzz.xml", data)
    readAllXML(path: path, recordPath: nil)
    if let recordPath = declaredRecordPath(data) {
        readAllXML(path: path, recordPath: recordPath)
    }
}

func readAllXML(path: String, recordPath: String?) {
    guard let reader = try? XMLRecordReader(path: path, file: "fuzz.xml", recordPath: recordPath) else { return }
    var count = 0
    do {
        while let record = try reader.next() {
            count += 1
            precondition(record.line == count, "XML records are numbered 1, 2, 3, …")
            precondition(record.values.count <= reader.headers.count, "every value must have a header")
        }
        let after = try reader.next()
        precondition(after == nil, "a finished reader stays finished")
    } catch {
        // Malformed XML, entities, a Zoho error response: reported errors, not bugs.
    }
}

/// The `record_path` named by a leading `<!-- record_path: … -->` comment, or nil.
func declaredRecordPath(_ data: [UInt8]) -> String? {
    let prefix = Array("<!-- record_path: ".utf8)
    guard data.starts(with: prefix),
          let close = data[prefix.count...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
    return String(decoding: data[prefix.count..<close], as: UTF8.self)
}
