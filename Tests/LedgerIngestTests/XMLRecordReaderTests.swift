#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization
import Testing
import LedgerIngest
import PortraitTestSupport

/// Fixtures live beside the tests, found from this file's path rather than bundle resources.
private let fixtures: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(2)
    return parts.joined(separator: "/") + "/Fixtures/xml"
}()

/// Everything a reader yields for one file: final headers and each record's number and values.
private struct Read {
    var headers: [String]
    var records: [RawRecord]

    /// Records as `header: value` pairs, so a test states only what matters.
    func record(_ index: Int) -> [String: String] {
        var fields: [String: String] = [:]
        for (offset, value) in records[index].values.enumerated() { fields[headers[offset]] = value }
        return fields
    }

    var allText: String { headers.joined(separator: "|") + records.flatMap(\.values).joined(separator: "|") }
}

private func readAll(_ name: String, recordPath: String? = nil, path: String? = nil) throws -> Read {
    let reader = try XMLRecordReader(path: path ?? "\(fixtures)/\(name)", file: name, recordPath: recordPath)
    var records: [RawRecord] = []
    while let record = try reader.next() {
        #expect(record.values.count <= reader.headers.count)
        records.append(record)
    }
    #expect(try reader.next() == nil)
    return Read(headers: reader.headers, records: records)
}

/// The `IngestError` reading `name` throws, or nil (and a failed expectation) if it reads cleanly.
private func readError(_ name: String, recordPath: String? = nil, path: String? = nil) -> IngestError? {
    do {
        _ = try readAll(name, recordPath: recordPath, path: path)
        Issue.record("\(name) was read without error")
        return nil
    } catch let error as IngestError {
        return error
    } catch {
        Issue.record("\(name) threw \(error), not an IngestError")
        return nil
    }
}

@Suite("XMLRecordReader")
struct XMLRecordReaderTests {
    @Test("The generic example gives attributes then child elements, in first-seen order")
    func genericExample() throws {
        let read = try readAll("generic-customers.xml")
        #expect(read.headers == [
            "customer_id", "name", "industry", "region", "phone", "owner_id", "created_at", "type", "联系电话",
        ])
        #expect(read.records.map(\.line) == [1, 2])
        #expect(read.records[0].values == [
            "C0001", "杭州云帆科技有限公司", "软件", "浙江", "138-0013-8000", "S001", "2024/3/1",
        ])
        #expect(read.records[1].values == ["C0002", "王芳", "", "", "", "", "", "个人", "13912345678"])
    }

    @Test("The Access export gives one record per Customers element, without the root's attributes")
    func accessExample() throws {
        let read = try readAll("access-customers.xml")
        #expect(read.headers == ["CustomerID", "CompanyName", "ContactName", "Phone"])
        #expect(read.records.map(\.values) == [
            ["ALFKI", "Alfreds Futterkiste", "Maria Anders", "030-0074321"],
            ["ANATR", "Ana Trujillo Emparedados y helados"],
        ])
    }

    @Test("The Zoho response gives one record per row, fields named by FL val, without no=")
    func zohoExample() throws {
        let read = try readAll("zoho-accounts.xml")
        #expect(read.headers == ["ACCOUNTID", "Account Name", "Phone", "Industry", "Account Owner", "Created Time"])
        #expect(read.records.map(\.values) == [
            ["1522000000123456789", "上海明远贸易有限公司", "021-61234567", "null", "李娜", "2024-11-05 09:30:12"],
            ["1522000000123456790", "Northwind Traders"],
        ])
        #expect(read.records.map(\.line) == [1, 2])
    }

    @Test("Rows of FL val= elements are read as Zoho rows under any root, and a response root of plain records stays generic")
    func zohoDetection() throws {
        let rows = try readAll("zoho-other-root.xml")
        #expect(rows.headers == ["ACCOUNTID", "Account Name"])
        #expect(rows.records.map(\.values) == [["1", "Acme"], ["2", "Beta"]])

        let generic = try readAll("response-generic.xml")
        #expect(generic.headers == ["id", "name"])
        #expect(generic.records.map(\.values) == [["1", "Acme"], ["2", "Beta"]])
    }

    @Test("A record that is a single text element gives one field named after the element")
    func textRecords() throws {
        let read = try readAll("text-records.xml")
        #expect(read.headers == ["email"])
        #expect(read.records.map(\.values) == [["a@example.com"], ["b@example.com"]])
    }

    @Test("The Access export reads the same with record_path given, with or without the root")
    func recordPathOnAccess() throws {
        let full = try readAll("access-customers.xml", recordPath: "dataroot/Customers")
        let relative = try readAll("access-customers.xml", recordPath: "/Customers/")
        #expect(full.records.map(\.values) == relative.records.map(\.values))
        #expect(full.records.count == 2)
    }

    @Test("record_path reaches records below a wrapper that detection would take as one record")
    func recordPathOverride() throws {
        let read = try readAll("nested-path.xml", recordPath: "export/Customers/Customer")
        #expect(read.headers == ["id", "Name"])
        #expect(read.records.map(\.values) == [["A1", "Alpha"], ["B2", "Beta"]])

        let detected = try readAll("nested-path.xml")
        #expect(detected.records.count == 2)
        #expect(detected.headers == ["generated", "id", "Name"])
    }

    @Test("A record_path that matches nothing is an error naming the likely path")
    func recordPathMismatch() throws {
        let error = try #require(readError("access-customers.xml", recordPath: "dataroot/Customer"))
        #expect(error.problem.contains("record_path \"dataroot/Customer\" matches no element"))
        #expect(error.hint.contains("dataroot/Customers"))
    }

    @Test("Values keep whitespace, entities, CDATA and empties as written; the first of a repeated name wins")
    func fieldValues() throws {
        let read = try readAll("fields.xml")
        #expect(read.headers == ["customer_id", "x:flag", "name", "notes", "empty", "blank", "kind", "phone", "email"])
        #expect(read.records[0].values == [
            "C1", "yes", "  Acme & Sons <HQ> 中  ", "before <b>raw</b> & more after", "", "", "mobile", "138",
            "a@example.com",
        ])
        #expect(read.records[1].values == ["C2", "", "", "", "", "", "", "", "b@example.com"])
        #expect(read.records[2].values == ["C3"])
        #expect(read.records.map(\.line) == [1, 2, 3])
    }

    @Test("A GB18030 file declaring its encoding reads as Chinese text")
    func gb18030() throws {
        let read = try readAll("gb18030.xml")
        #expect(read.headers == ["客户编号", "客户名称", "联系电话", "地区"])
        #expect(read.records.map(\.values) == [["C0001", "杭州云帆科技有限公司", "13912345678", "浙江"]])
    }

    @Test("A GB18030 file without an encoding declaration is an error that says to declare it")
    func gb18030Undeclared() throws {
        let error = try #require(readError("gb18030-undeclared.xml"))
        #expect(error.location.line == 2)
        #expect(error.problem.contains("not proper UTF-8"))
        #expect(!error.problem.contains("\n"))
        #expect(error.hint.contains("encoding=\"GB18030\""))
    }

    @Test("Bytes invalid in the declared encoding are one error with the line and the bytes; libxml2 prints nothing")
    func invalidInDeclaredEncoding() throws {
        let (error, stderr) = captureStandardError { readError("gb18030-invalid-bytes.xml") }
        let thrown = try #require(error)
        #expect(thrown.location.line == 3)
        #expect(thrown.problem == "is not valid GB18030 text, the encoding its first line declares (bytes 0xDF 0x20 0x3C 0x3C).")
        #expect(thrown.hint.contains("encoding=\"GB18030\""))
        #expect(stderr == "")
    }

    @Test("A GB2312 file holding GBK characters gives the records before them, then the error, and prints nothing")
    func gb2312WithGBKCharacters() throws {
        let (result, stderr) = captureStandardError { () -> (RawRecord?, IngestError?) in
            let reader = try? XMLRecordReader(path: "\(fixtures)/gb2312-with-gbk-characters.xml",
                                              file: "gb2312-with-gbk-characters.xml", recordPath: nil)
            let first = try? reader?.next()
            do {
                _ = try reader?.next()
                return (first, nil)
            } catch {
                return (first, error as? IngestError)
            }
        }
        #expect(result.0?.values == ["C1", "杭州"])
        let error = try #require(result.1)
        #expect(error.location.line == 4)
        #expect(error.problem.hasPrefix("is not valid GB2312 text"), "\(error)")
        #expect(stderr == "")
    }

    @Test("Readers on several threads at once each get their own encoding error, and nothing is printed")
    func concurrentEncodingErrors() throws {
        let names = ["gb18030-invalid-bytes.xml", "gb2312-with-gbk-characters.xml", "generic-customers.xml"]
        let (outcomes, stderr) = captureStandardError { () -> [String] in
            let results = Mutex([String](repeating: "", count: names.count * 8))
            DispatchQueue.concurrentPerform(iterations: names.count * 8) { index in
                let name = names[index % names.count]
                do {
                    let read = try readAll(name)
                    results.withLock { $0[index] = "\(name): \(read.records.count) records" }
                } catch let error as IngestError {
                    results.withLock { $0[index] = "\(name): line \(error.location.line ?? 0) \(error.problem.split(separator: ",")[0])" }
                } catch {
                    results.withLock { $0[index] = "\(name): \(error)" }
                }
            }
            return results.withLock { $0 }
        }
        let expected = [
            "gb18030-invalid-bytes.xml: line 3 is not valid GB18030 text",
            "gb2312-with-gbk-characters.xml: line 4 is not valid GB2312 text",
            "generic-customers.xml: 2 records",
        ]
        #expect(outcomes == Array(repeating: expected, count: 8).flatMap { $0 })
        #expect(stderr == "")
    }

    @Test("A file may name 1,000 distinct fields; the record adding the 1,001st is an error")
    func fieldNameLimit() throws {
        #expect(XMLRecordReader.maximumFieldNames == 1_000)
        let atLimit = temporaryFile(named: "at-limit.xml", contents: sparseRecords(999))
        let read = try readAll("at-limit.xml", path: atLimit)
        #expect(read.headers.count == 1_000)
        #expect(read.records.count == 999)

        let beyond = temporaryFile(named: "beyond.xml", contents: sparseRecords(1_000))
        let error = try #require(readError("beyond.xml", path: beyond))
        #expect(error.location.line == 1_001)
        #expect(error.problem == "has more than 1000 distinct field names (record 1000 adds \"f999\"); a table has at most a few hundred columns.")
        #expect(error.hint.contains("record_path"))
    }

    @Test("An empty root, self-closed or with only a comment, gives zero records and no error")
    func emptyRoot() throws {
        for name in ["empty-root.xml", "empty-root-open.xml"] {
            let read = try readAll(name)
            #expect(read.headers.isEmpty)
            #expect(read.records.isEmpty)
        }
    }

    @Test("Malformed XML is an error with libxml2's message and line, not printed on stderr")
    func malformed() throws {
        let (error, stderr) = captureStandardError { readError("malformed.xml") }
        let thrown = try #require(error)
        #expect(thrown.location.file == "malformed.xml")
        #expect(thrown.location.line == 8)
        #expect(thrown.problem.hasPrefix("malformed XML: "))
        #expect(thrown.problem.contains("mismatch"))
        #expect(!stderr.contains("parser error"))
        #expect(!stderr.contains("malformed.xml"))
    }

    @Test("A control character is malformed XML with its line")
    func badCharacter() throws {
        let error = try #require(readError("bad-char.xml"))
        #expect(error.location.line == 4)
        #expect(error.problem.contains("invalid Char value 1"), "\(error)")
    }

    @Test("A file cut short is an error, after the records before it")
    func truncated() throws {
        let reader = try XMLRecordReader(path: "\(fixtures)/truncated.xml", file: "truncated.xml", recordPath: nil)
        let error = try #require(throws: IngestError.self) { try reader.next() }
        #expect(error.location.line != nil)
        #expect(error.problem.hasPrefix("malformed XML: "), "\(error)")
        #expect(error.hint.contains("cut short"))
        #expect(throws: IngestError.self) { try reader.next() }
    }

    @Test("A missing file, a directory, an empty file, a CSV and an XLSX named .xml are clear errors")
    func notXML() throws {
        let missing = try #require(readError("nope.xml"))
        #expect(missing.problem == "file not found.")

        let directory = try #require(readError("dir.xml", path: fixtures))
        #expect(directory.problem == "is not a regular file.")

        let emptyPath = temporaryFile(named: "empty.xml", contents: "")
        let empty = try #require(readError("empty.xml", path: emptyPath))
        #expect(empty.problem == "is empty, not XML.")

        let csv = try #require(readError("csv-renamed.xml"))
        #expect(csv.location.line == 1)
        #expect(csv.problem.hasPrefix("is not XML"))
        #expect(csv.hint.contains(".csv"))

        let zip = try #require(readError("xlsx-renamed.xml"))
        #expect(zip.problem.contains("ZIP archive"))
    }

    @Test("A Zoho error response is an error carrying Zoho's message")
    func zohoErrorResponse() throws {
        let error = try #require(readError("zoho-error.xml"))
        #expect(error.problem.contains("Invalid Ticket Id"))
    }

    @Test("An external entity on /etc/passwd is refused and nothing of the file appears")
    func externalEntity() throws {
        for name in ["xxe.xml", "xxe-parameter.xml"] {
            do {
                let read = try readAll(name)
                #expect(!read.allText.contains("root:"), "\(name)")
            } catch let error as IngestError {
                #expect(!error.description.contains("root:"), "\(name)")
                if name == "xxe.xml" {
                    #expect(error.problem.contains("entity references are not allowed"))
                    #expect(error.location.line == 7)
                }
            }
        }
    }

    @Test("An internal entity reference is refused with its line")
    func internalEntity() throws {
        let error = try #require(readError("internal-entity.xml"))
        #expect(error.problem == "entity references are not allowed (&company;).")
        #expect(error.location.line == 7)
    }

    @Test("A billion-laughs bomb, in text or in an attribute, ends quickly with an error")
    func billionLaughs() throws {
        for name in ["billion-laughs.xml", "billion-laughs-attribute.xml"] {
            let clock = ContinuousClock()
            let start = clock.now
            let error = readError(name)
            #expect(error != nil, "\(name)")
            #expect(clock.now - start < .seconds(5), "\(name)")
        }
    }

    @Test("An external DTD on disk is not loaded: no default attributes, no entities from it")
    func externalDTDFile() throws {
        let read = try readAll("external-dtd-file.xml")
        #expect(read.headers == ["customer_id", "name"])
        #expect(read.records.map(\.values) == [["C1", "Acme"]])
        #expect(!read.allText.contains("INJECTED"))
    }

    @Test("An external DTD at an http URL is never fetched")
    func externalDTDNetwork() throws {
        let listener = try #require(LocalListener())
        defer { listener.close() }
        let template = readText("\(fixtures)/external-dtd-http.xml")
        let path = temporaryFile(named: "external-dtd-http.xml", contents: template.replacing("PORT", with: "\(listener.port)"))
        let read = try readAll("external-dtd-http.xml", path: path)
        #expect(read.records.map(\.values) == [["C1", "Acme"]])
        #expect(!listener.hasPendingConnection)
    }

    @Test("Names that change places from record to record, repeat, or come and go each keep their own column")
    func namesInAnyOrder() throws {
        // Records of 1-6 elements drawn from eight names (two Chinese, one prefixed, one
        // repeated now and then), in a different order each record; the expectation is built
        // here, field by field: columns in first-seen order, the first of a repeated name wins.
        let names = ["id", "名称", "电话", "x:flag", "city", "备注", "a", "b"]
        var random = SplitMix64(seed: 5)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rows>\n"
        var headers: [String] = []
        var expected: [[String: String]] = []
        for record in 0..<400 {
            var order = names.shuffled(using: &random).prefix(Int(random.next() % 6) + 1).map { $0 }
            if record % 7 == 0, let first = order.first { order.append(first) }
            xml += record % 2 == 0 ? "  <row xmlns:x=\"urn:x\">\n" : "<row xmlns:x=\"urn:x\">"
            var fields: [String: String] = [:]
            for (position, name) in order.enumerated() {
                let value = "\(name)-\(record)-\(position)"
                xml += "    <\(name)>\(value)</\(name)>\n"
                if fields[name] == nil { fields[name] = value }
                if !headers.contains(name) { headers.append(name) }
            }
            xml += "  </row>\n"
            expected.append(fields)
        }
        xml += "</rows>\n"
        let folder = TemporaryFolder("xml-names")
        let read = try readAll("rows.xml", path: folder.write("rows.xml", xml))
        #expect(read.headers == headers)
        #expect(read.records.count == expected.count)
        for (index, fields) in expected.enumerated() {
            #expect(read.record(index).filter { !$0.value.isEmpty } == fields, "record \(index + 1)")
        }
    }

    @Test("An element's own text is left out exactly when Swift calls each of its characters whitespace")
    func blankTextIsSwiftsWhitespace() throws {
        // Each text is the own text of an element with a child, which is a field only when it is
        // not all whitespace (mixed content): ASCII and Unicode spaces, CR LF, a space with a
        // combining mark (one character that is not whitespace), text after spaces.
        let texts = [" ", "\t\n ", "\r\n", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}\u{200A}", "\u{2028}\u{2029}",
                     "\u{202F}\u{205F}", "\u{3000}", "\u{3000}\u{3000} ", " \u{301}", "\u{3000}\u{301}", "\u{200B}",
                     "\u{3001}", "\u{FEFF}", " x", "\u{3000}中", "中", "\u{180E}", "\u{1F600}"]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rows>\n"
        for (index, text) in texts.enumerated() {
            xml += "<row><id>\(index)</id><notes>\(text)<b>kept</b></notes></row>\n"
        }
        // The same text in two pieces, around a child, a comment or a processing instruction:
        // the pieces are one text, and a mark after the split joins the space before it.
        let pieces = [(" ", "\u{301}"), ("\u{A0}", "\u{FE0F}"), ("\u{3000}", "\u{200D}"), (" ", "x"), ("\u{301}", " "),
                      ("\n  ", "\n  "), ("\u{3000}", "\u{3000}"), ("", "\u{301}")]
        let splits = ["<b>kept</b>", "<!--c-->", "<?pi x?>"]
        for (first, second) in pieces {
            for split in splits {
                xml += "<row><id>\(texts.count)</id><notes>\(first)\(split)\(second)<b>kept</b></notes></row>\n"
            }
        }
        xml += "</rows>\n"
        let folder = TemporaryFolder("xml-blank")
        let read = try readAll("blank.xml", path: folder.write("blank.xml", xml))
        let split = pieces.flatMap { piece in splits.map { _ in piece.0 + piece.1 } }
        for (index, text) in (texts + split).enumerated() {
            let expected = text.allSatisfy(\.isWhitespace) ? nil : text
            #expect(read.record(index)["notes"].flatMap { $0.isEmpty ? nil : $0 } == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(read.record(index)["b"] == "kept")
        }
    }

}

// MARK: - Support (POSIX only: Foundation and CLibXML2 clash over ICU's headers)

/// `count` records on lines 2…, each with a field named after it (`f0`, `f1`…): with
/// `customer_id`, `count + 1` distinct names.
private func sparseRecords(_ count: Int) -> String {
    "<customers>\n" + (0..<count).map { "<c><customer_id>C\($0)</customer_id><f\($0)>x</f\($0)></c>\n" }.joined() + "</customers>\n"
}

/// A new file in a fresh temporary folder, for inputs a fixture cannot hold.
private func temporaryFile(named name: String, contents: String) -> String {
    var template = Array("/tmp/portrait-xml-XXXXXX".utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    let path = "\(folder)/\(name)"
    let handle = fopen(path, "wb")
    let bytes = Array(contents.utf8)
    _ = fwrite(bytes, 1, bytes.count, handle)
    fclose(handle)
    return path
}

private func readText(_ path: String) -> String {
    guard let handle = fopen(path, "rb") else { return "" }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while case let count = fread(&buffer, 1, buffer.count, handle), count > 0 { bytes += buffer[..<count] }
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs `body` with file descriptor 2 sent to a temporary file and returns what was written there.
private func captureStandardError<T>(_ body: () -> T) -> (T, String) {
    let path = temporaryFile(named: "stderr.txt", contents: "")
    fflush(nil)
    let saved = dup(2)
    let capture = open(path, O_WRONLY | O_TRUNC)
    dup2(capture, 2)
    let result = body()
    fflush(nil)
    dup2(saved, 2)
    close(capture)
    close(saved)
    return (result, readText(path))
}

/// A TCP socket listening on 127.0.0.1, to prove that nobody connected to it.
private final class LocalListener {
    let descriptor: Int32
    let port: UInt16

    init?() {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether a client has connected (or tried to) since the listener opened.
    var hasPendingConnection: Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 200) > 0
    }

    func close() {
        Glibc.close(descriptor)
    }
}
