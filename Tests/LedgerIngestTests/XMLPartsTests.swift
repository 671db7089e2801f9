import Foundation
@testable import LedgerIngest
import LedgerModel
import PortraitTestSupport
import Testing

/// XML files cut into parts read on every core must read exactly as one pass reads them: the
/// same rows, findings and columns, and the same error where one pass stops.

/// An XML table with everything that makes cutting it hard: records that bring new fields
/// late or in another order, attributes, empty elements, nested and mixed content, comments,
/// CDATA sections and instructions holding the record's own start tag, an element of the
/// record's name nested in a record, Zoho `FL` fields and entities of text.
private func awkwardXML(root: String, record: String, rows: [[(String, String)]], prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") -> String {
    var text = prolog + "<!-- exported <\(record)> by a CRM -->\n<\(root) xmlns:od=\"urn:schemas-microsoft-com:officedata\" generated=\"2026-11-01\">\n"
    for (index, row) in rows.enumerated() {
        var fields = row
        if index % 7 == 3 { fields.reverse() }
        if index % 11 == 5 { fields.removeLast() }
        let attribute = index % 5 == 2 ? " no=\"\(index)\"" : ""
        text += "  <\(record)\(attribute)>\n"
        for (position, (name, value)) in fields.enumerated() {
            switch (index + position) % 13 {
            case 1: text += "    <\(name)><![CDATA[\(value)]]></\(name)>\n"
            case 4: text += "    <!-- <\(record)> inside -->\n    <\(name)>\(value)</\(name)>\n"
            case 6: text += "    <FL val=\"\(name)\">\(value)</FL>\n"
            case 9: text += "    <group><\(name) kind=\"x\">\(value)</\(name)></group>\n"
            default: text += "    <\(name)>\(value)</\(name)>\n"
            }
        }
        if index % 9 == 4 { text += "    <extra\(index % 4)/>\n    <\(record)>nested \(index)</\(record)>\n" }
        if index % 10 == 7 { text += "    <note>mixed <b>bold</b> &amp; &#x4E2D; text</note>\n" }
        if index % 8 == 6 { text += "    <?pi <\(record)> ?>\n    <![CDATA[ <\(record)> ]]>\n" }
        text += "  </\(record)>\n"
        if index % 6 == 1 { text += "  <!-- between <\(record) a=\"1\"> -->\n  stray text at the root\n" }
    }
    return text + "</\(root)>\n<!-- after the root <\(record)> -->\n"
}

private func ledger(customers: Int = 40) -> [String: String] {
    let customerRows = (1...customers).map { index -> [(String, String)] in
        [("客户编号", index % 9 == 0 ? "C\(index - 1)" : "C\(index)"), ("客户名称", "杭州云帆科技有限公司\(index % 6)"),
         ("客户类型", index % 2 == 0 ? "企业" : "个人"), ("城市", "杭州"), ("联系电话", "1380000\(String(format: "%04d", index % 13))"),
         ("创建日期", "2026-0\(index % 9 + 1)-01"), ("备注", index % 4 == 0 ? "a &lt; b &amp; \"q\"" : "")]
    }
    let orderRows = (1...(customers * 2)).map { index -> [(String, String)] in
        [("order_id", "O\(index / 2)"), ("customer_id", "C\(index % customers + 1)"), ("order_date", "2026-\(String(format: "%02d", index % 12 + 1))-05"),
         ("amount", index % 13 == 0 ? "bad" : "\(index * 10).5"), ("product", "Widget \(index % 3)"), ("status", ["completed", "已完成", "refunded", "weird"][index % 4])]
    }
    let interactionRows = (1...(customers * 3)).map { index -> [(String, String)] in
        [("customer_id", "C\(index % (customers + 5))"), ("date", "2026-\(String(format: "%02d", index % 12 + 1))-10"),
         ("channel", ["phone", "E-mail", "微信", "fax"][index % 4]), ("satisfaction", ["5", "4.0", "7", "x"][index % 4]),
         ("summary", "说\"好\" \(index)")]
    }
    return [
        "customers.xml": awkwardXML(root: "dataroot", record: "Customers", rows: customerRows),
        "orders.xml": awkwardXML(root: "orders", record: "order", rows: orderRows),
        "interactions.xml": awkwardXML(root: "interactions", record: "row", rows: interactionRows),
    ]
}

private func folder(_ files: [String: [UInt8]]) -> TemporaryFolder {
    let folder = TemporaryFolder("xml-parts")
    for (name, bytes) in files { folder.write(name, bytes: bytes) }
    return folder
}

struct XMLPartsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let files: [String: [UInt8]]
    /// Whether one pass stops with an error.
    var fails = false
    var testDescription: String { name }
}

private func utf8(_ files: [String: String]) -> [String: [UInt8]] { files.mapValues { Array($0.utf8) } }

private let xmlCases: [XMLPartsCase] = {
    let plain = ledger()
    var tooManyNames = "<customers>\n"
    for index in 0..<400 {
        tooManyNames += "<c><customer_id>C\(index)</customer_id><name>N</name><a\(index)>1</a\(index)><b\(index)>2</b\(index)><c\(index)>3</c\(index)></c>\n"
    }
    tooManyNames += "</customers>\n"
    /// `text` with its `count`-th `</order>` misspelt.
    func misspelt(_ text: String, count: Int) -> String {
        let parts = text.components(separatedBy: "</order>")
        return parts.prefix(count).joined(separator: "</order>") + "</ordr>" + parts.dropFirst(count).joined(separator: "</order>")
    }
    var malformed = plain
    malformed["orders.xml"] = misspelt(plain["orders.xml"]!, count: 50)
    var badBytes = utf8(plain)
    let interactions = plain["interactions.xml"]!
    if let range = interactions.range(of: "说\"好\" 90") {
        // The second byte of 说.
        badBytes["interactions.xml"]![interactions.utf8.distance(from: interactions.startIndex, to: range.lowerBound) + 1] = 0xFF
    }
    var gb = plain
    gb["customers.xml"] = plain["customers.xml"]!.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\"")
    var gbFiles = utf8(plain)
    gbFiles["customers.xml"] = gb18030(gb["customers.xml"]!)
    var doctype = plain
    doctype["orders.xml"] = plain["orders.xml"]!.replacingOccurrences(
        of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE orders [<!ELEMENT orders ANY>]>\n")
    var truncated = plain
    truncated["interactions.xml"] = String(plain["interactions.xml"]!.dropLast(plain["interactions.xml"]!.count / 3))
    var missingColumn = plain
    missingColumn["orders.xml"] = misspelt(plain["orders.xml"]!.replacingOccurrences(of: "customer_id>", with: "client>")
        .replacingOccurrences(of: "\"customer_id\"", with: "\"client\""), count: 50)
    return [
        XMLPartsCase(name: "UTF-8", files: utf8(plain)),
        XMLPartsCase(name: "BOM and CRLF", files: utf8(plain.mapValues { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") })),
        XMLPartsCase(name: "GB18030 declared", files: gbFiles),
        XMLPartsCase(name: "a DOCTYPE", files: utf8(doctype)),
        XMLPartsCase(name: "a mismatched end tag", files: utf8(malformed), fails: true),
        XMLPartsCase(name: "a byte that is not UTF-8", files: badBytes, fails: true),
        XMLPartsCase(name: "cut short", files: utf8(truncated), fails: true),
        XMLPartsCase(name: "no customer column and a mismatched tag later", files: utf8(missingColumn), fails: true),
        // libxml2 parses ahead of the records it hands out: in a small file, one pass stops at
        // the text after the root before the first record shows its missing column.
        XMLPartsCase(name: "no customer column and text after the root", files: utf8([
            "customers.xml": "<dataroot>\n  <Customers>\n    <Phone>030-0074321</Phone>\n  </Customers>\n"
                + "  <Customers>\n    <CompanyName>Ana</CompanyName>\n  </Customers>\n</dataroot>\ntrailing text\n",
        ]), fails: true),
        XMLPartsCase(name: "over a thousand field names", files: utf8(plain.merging(["customers.xml": tooManyNames]) { $1 }), fails: true),
    ]
}()

@Suite("Reading an XML file in parts on several threads")
struct XMLPartsTests {
    @Test("any part size on any number of threads gives the ledger of one pass", arguments: xmlCases)
    func partSizes(_ example: XMLPartsCase) {
        let folder = folder(example.files)
        let expected = onePass(folder)
        #expect(expected.first?.hasPrefix("error") == example.fails, "\(expected.first ?? "")")
        #expect(expected.count > 100 || example.fails)
        for workers in [1, 2, 3] {
            for size in [1, 50, 333, 2_000, 1 << 20] {
                let actual = read(folder, workers: workers, chunkBytes: size)
                if let difference = firstDifference(expected, actual) {
                    Issue.record("\(workers) threads, \(size)-byte parts: \(difference)")
                    return
                }
            }
        }
    }

    @Test("a part may start at any byte: inside a tag, a comment, a CDATA section or a character", arguments: xmlCases)
    func anyStart(_ example: XMLPartsCase) {
        let folder = folder(example.files)
        let expected = onePass(folder)
        let period = 97
        for phase in stride(from: 0, to: period, by: 3) {
            let actual = read(folder, workers: 2, split: { buffer, start in
                [start] + Array(stride(from: start + phase + 1, to: buffer.count, by: period)) + [buffer.count]
            })
            if let difference = firstDifference(expected, actual) {
                Issue.record("parts of \(period) bytes from \(phase + 1) bytes after the root's start tag: \(difference)")
                return
            }
        }
    }

    @Test("the XML fixtures read the same in parts, as customers and as orders")
    func fixtures() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xml").path
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasSuffix(".xml") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            for table in ["customers.xml", "orders.xml"] {
                let files = table == "orders.xml" ? ["orders.xml": bytes, "customers.xml": Array("customer_id\nC1\n".utf8)]
                                                  : [table: bytes]
                let folder = folder(files.mapValues { $0 })
                let expected = onePass(folder)
                for step in [1, 7, 64] {
                    let actual = read(folder, workers: 2, split: { buffer, start in
                        Array(stride(from: start, to: buffer.count, by: step)) + [buffer.count]
                    })
                    #expect(firstDifference(expected, actual) == nil, "\(name) as \(table), a part every \(step) bytes")
                }
            }
        }
    }

    @Test("a large generic file is cut at its records; DOCTYPEs, Zoho responses and other encodings are not")
    func plans() {
        func plan(_ text: String, partSize: Int = 64) -> XMLSplit? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { XMLSplit($0, partSize: partSize) }
        }
        let records = String(repeating: "<r><a>1</a></r>\n", count: 40)
        let generic = "<?xml version=\"1.0\"?>\n<!-- c -->\n<root x=\"a>b\">\n" + records + "</root>\n"
        let split = plan(generic)
        #expect(split != nil)
        if let split {
            #expect(split.head == 0..<(generic.utf8.count - records.utf8.count - 9))
            #expect(split.tail == Array("</root>".utf8))
            let bytes = Array(generic.utf8)
            for start in split.bounds.dropFirst().dropLast() {
                #expect(Array(bytes[start..<(start + 3)]) == Array("<r>".utf8))
            }
            #expect(split.bounds.count > 5)
        }
        #expect(plan(generic, partSize: 10_000) == nil)
        #expect(plan("<!DOCTYPE root>\n<root>\n" + records + "</root>") == nil)
        #expect(plan("<response uri=\"/crm\">\n" + records + "</response>") == nil)
        #expect(plan("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<root>\n" + records + "</root>") == nil)
        #expect(plan("<?xml version=\"1.0\" encoding='gb2312'?>\n<root>\n" + records + "</root>") != nil)
        #expect(plan("<root/>" + records) == nil)
        #expect(plan("<root>\n<!-- <r> -->\n</root>" + records) == nil)
    }
}
