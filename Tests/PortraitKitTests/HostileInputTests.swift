import Foundation
import PortraitTestSupport
import Testing

/// Files users did not write by hand: each must give a finding or exit 2 with a clear message,
/// never a crash, a hang, or a write outside the output folder.
@Suite("Hostile input files")
struct HostileInputTests {
    static let header = "customer_id,name,phone,created_at\n"

    /// Runs `portrait validate --format json` on a data folder holding `files`.
    static func validate(_ files: [String: [UInt8]]) throws -> PortraitRun {
        let folder = TemporaryFolder("hostile")
        for (name, bytes) in files { folder.write("data/" + name, bytes: bytes) }
        return try runPortrait(["validate", "--format", "json"], in: folder.path)
    }

    static func findings(_ run: PortraitRun) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let list = object["findings"] as? [[String: Any]] else { return [] }
        return list.map { "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "")" }
    }

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }

    @Test("100 MB of one unterminated quoted field stops with the line where it starts")
    func unterminatedQuote() throws {
        var bytes = Self.text(Self.header + "C1,\"never closed")
        bytes += [UInt8](repeating: 0x61, count: 100_000_000)
        let run = try Self.validate(["customers.csv": bytes])
        #expect(run.status == 2)
        #expect(run.stderr.contains("customers.csv:2: unterminated quoted field starting at line 2"))
    }

    @Test("a 10 MB single line is one record, read whole")
    func tenMegabyteLine() throws {
        let name = String(repeating: "名", count: 3_500_000)
        let run = try Self.validate(["customers.csv": Self.text(Self.header + "C1,\(name),13800138000,2025-01-01\n")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.findings(run).isEmpty)
    }

    @Test("a NUL byte is refused with its line: the file is binary or UTF-16")
    func nulByte() throws {
        let run = try Self.validate(["customers.csv": Self.text(Self.header + "C1,A") + [0] + Self.text(",x,\n")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("customers.csv:2"))
    }

    @Test("a truncated GB18030 sequence is refused with its line")
    func truncatedGB18030() throws {
        let run = try Self.validate(["customers.csv": gb18030("客户编号,客户名称\nC1,杭州\n") + [0xB9]])
        #expect(run.status == 2)
        #expect(run.stderr.contains("customers.csv:3"))
    }

    @Test("10,000 columns: the unknown ones are kept, nothing breaks")
    func tenThousandColumns() throws {
        let extra = (1...10_000).map { "x\($0)" }
        let row = (1...10_000).map { String($0) }
        let csv = "customer_id,name," + extra.joined(separator: ",") + "\nC1,A," + row.joined(separator: ",") + "\n"
        let run = try Self.validate(["customers.csv": Self.text(csv)])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("mixed delimiters: the header's delimiter wins and other rows are read by it")
    func mixedDelimiters() throws {
        let run = try Self.validate(["customers.csv": Self.text("customer_id;name\nC1;A\nC2,B\n")])
        #expect(Self.findings(run) == ["3:name missing_required"])
    }

    @Test("an empty file and a header-only file are empty tables", arguments: ["", "customer_id,name\n"])
    func emptyTables(content: String) throws {
        let run = try Self.validate(["customers.csv": Self.text(content),
                                     "orders.csv": Self.text("order_id,customer_id,order_date,amount\n")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.findings(run).isEmpty)
    }

    @Test("a ZIP or a PNG named customers.csv is refused as binary", arguments: [
        [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
    ])
    func binaryFiles(bytes: [UInt8]) throws {
        let run = try Self.validate(["customers.csv": bytes])
        #expect(run.status == 2)
        #expect(run.stderr.contains("customers.csv"))
    }

    @Test("numbers and dates at the edges are findings, never crashes")
    func edgeValues() throws {
        let customers = "customer_id,name,created_at\nC1,A,0000-00-00\nC2,B,9999-12-31\n"
        let orders = """
        order_id,customer_id,order_date,amount
        O1,C1,2026-01-01,1e309
        O2,C1,2026-01-02,-0
        O3,C1,2026-01-03,NaN
        O4,C1,2026-01-04,99999999999999999999
        O5,C1,2026-01-05,Infinity

        """
        let run = try Self.validate(["customers.csv": Self.text(customers), "orders.csv": Self.text(orders)])
        #expect(run.status == 1)
        #expect(Self.findings(run) == [
            "2:created_at bad_date", "3:created_at future_date",
            "2:amount bad_number", "4:amount bad_number", "5:amount bad_number", "6:amount bad_number",
        ])
    }

    @Test("XML whose every record brings new element names stops at the 1,001st name, in well under a second")
    func sparseXML() throws {
        // 20,000 records, each with an element no other record has: before the limit this took
        // minutes (quadratic in the records, cubic before that).
        let records = (0..<20_000).map { "<c><customer_id>C\($0)</customer_id><name>N</name><f\($0)>x</f\($0)></c>\n" }
        let xml = "<customers>\n" + records.joined() + "</customers>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let run = try Self.validate(["customers.xml": Self.text(xml)])
        let elapsed = clock.now - start
        #expect(run.status == 2)
        #expect(run.stderr == """
            portrait: Cannot read the ledger: customers.xml:1000: has more than 1000 distinct field names \
            (record 999 adds "f998"); a table has at most a few hundred columns. Check that record_path in \
            portrait.yml names the repeated record element, or export the table with fewer columns.

            """)
        // About 0.8 s in a debug build; generous for a loaded machine, far below the minutes of
        // a quadratic read.
        #expect(elapsed < .seconds(8), "\(elapsed)")
    }

    @Test("XML holding bytes invalid in its declared encoding gives our one message on stderr, nothing from libxml2",
          arguments: ["GB18030", "GB2312"])
    func misdeclaredEncodingXML(declared: String) throws {
        let xml = Self.text("<?xml version=\"1.0\" encoding=\"\(declared)\"?>\n<customers>\n<c><customer_id>C1</customer_id><name>")
            + gb18030("杭州") + Self.text("</name></c>\n<c><customer_id>C2</customer_id><name>")
            + [0xFE, 0x39, 0x3C] + Self.text("/name></c>\n</customers>\n")
        let run = try Self.validate(["customers.xml": xml])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            portrait: Cannot read the ledger: customers.xml:4: is not valid \(declared) text, the encoding its first \
            line declares (bytes 0xFE 0x39 0x3C 0x2F). Declare the encoding the file is really saved in (GB18030 \
            also covers GB2312 and GBK), e.g. <?xml version="1.0" encoding="GB18030"?>, or save the file as UTF-8.

            """)
    }

    @Test("hostile ids are data: found, reported and never used as paths")
    func hostileIDs() throws {
        let folder = TemporaryFolder("hostile-ids")
        let ids = ["../../etc/x", "CON", "a/b", String(repeating: "长", count: 300), "Abc", "abc", ".hidden", "NUL.txt"]
        var csv = "customer_id,name\n"
        for (index, id) in ids.enumerated() { csv += "\"\(id)\",Name \(index)\n" }
        folder.write("data/customers.csv", csv)
        folder.write("data/orders.csv", "order_id,customer_id,order_date,amount\n" + ids.enumerated().map {
            "O\($0.offset),\"\($0.element)\",2026-10-0\($0.offset + 1),10" }.joined(separator: "\n") + "\n")
        let run = try runPortrait(["build", "--out", "out/site"], in: folder.path,
                                  environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(run.status == 0, "\(run.stderr)")
        // Every file written is inside out/site, and there is one portrait per customer.
        let everything = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        let outside = everything.filter { !$0.hasPrefix("data") && !$0.hasPrefix("out") }
        #expect(outside.isEmpty, "\(outside)")
        let portraits = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/site/customers")) ?? []
        #expect(portraits.filter { $0 != "index.html" }.count == ids.count)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/etc"))
    }
}
